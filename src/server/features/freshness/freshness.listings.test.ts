import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { DEFAULT_FRESHNESS } from '../../http/app-context.js';
import { ClusterIndexes } from '../map/map.clusters.js';
import { seedDemo } from '../demo/demo.service.js';
import { createTestDb } from '../../../../tests/support/test-db.js';

const DAY = 86_400_000;
const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * DAY);
const { reverifyAfterMonths: N, hideAfterMonths: M } = DEFAULT_FRESHNESS;

interface Item {
  id: string;
  freshness: string;
}

describe('stale and hidden listings', () => {
  let t: TestApp;
  let organizationId: string;
  let fresh: string;
  let stale: string;
  let hidden: string;
  let never: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizationId = (await buildOrganization(t.db)).id;
    const make = async (word: string, verified: Date | null, lat: number) =>
      (
        await buildService(
          t.db,
          { organizationId, location: { latitude: lat, longitude: -92.2 } },
          {
            name: JSON.stringify({ es: `Clínica ${word}`, en: `Clinic ${word}` }),
            last_verified_at: verified,
          },
        )
      ).service.id;
    fresh = await make('aurora', monthsAgo(1), 14.1);
    stale = await make('boreal', monthsAgo(N + 1), 15.1);
    hidden = await make('cenit', monthsAgo(M + 1), 16.1);
    never = await make('delta', null, 17.1);
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks a listing unverified for more than N months as stale in the API, list and detail', async () => {
    const list = await t.app.inject('/api/v1/services?per_page=50');
    expect(list.statusCode).toBe(200);
    const items: Item[] = list.json().items;
    expect(items.find((i) => i.id === fresh)?.freshness).toBe('fresh');
    expect(items.find((i) => i.id === stale)?.freshness).toBe('stale');
    const detail = await t.app.inject(`/api/v1/services/${stale}`);
    expect(detail.json()).toMatchObject({ id: stale, freshness: 'stale' });
    expect((await t.app.inject(`/api/v1/services/${fresh}`)).json().freshness).toBe('fresh');

    const page = await t.app.inject('/es/services');
    const staleCard = page.body.slice(page.body.indexOf('Clínica boreal'));
    expect(staleCard.slice(0, staleCard.indexOf('</article>'))).toContain('badge-stale');
    expect(staleCard).toContain('Sin verificar desde');
    const freshCard = page.body.slice(page.body.indexOf('Clínica aurora'));
    expect(freshCard.slice(0, freshCard.indexOf('</article>'))).not.toContain('badge-stale');

    const detailPage = await t.app.inject(`/en/services/${stale}`);
    expect(detailPage.body).toContain('Not verified since');
    expect(detailPage.body).not.toContain('hidden from search results');
    expect((await t.app.inject(`/fr/services/${stale}`)).body).toContain('Non vérifié depuis');
  });

  it('documents the field in OpenAPI', async () => {
    const spec = await t.app.inject('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    const summary = spec.json().paths['/api/v1/services'].get.responses['200'];
    expect(JSON.stringify(summary)).toContain('"freshness"');
  });

  it('leaves listings unverified for more than M months, or never verified, out of every public result', async () => {
    const api: Item[] = (await t.app.inject('/api/v1/services?per_page=50')).json().items;
    expect(api.map((i) => i.id).sort()).toEqual([fresh, stale].sort());
    expect((await t.app.inject('/api/v1/services?per_page=50')).json().total).toBe(2);

    const page = (await t.app.inject('/es/services')).body;
    expect(page).toContain('Clínica aurora');
    expect(page).not.toContain('Clínica cenit');
    expect(page).not.toContain('Clínica delta');

    for (const word of ['cenit', 'delta']) {
      const search = await t.app.inject(`/api/v1/search?q=${word}`);
      expect(search.statusCode).toBe(200);
      expect(search.json().total).toBe(0);
      expect((await t.app.inject(`/es/services?q=${word}`)).body).not.toContain(`Clínica ${word}`);
    }
    expect((await t.app.inject('/api/v1/search?q=boreal')).json().items.map((i: Item) => i.id)).toEqual([stale]);
    const near = await t.app.inject('/api/v1/search?near=16.1,-92.2&radius_km=5');
    expect(near.statusCode).toBe(200);
    expect(near.json().total).toBe(0);

    const clusters = await t.app.inject('/api/v1/map/clusters?bbox=-120,3,-56,35&zoom=16');
    expect(clusters.statusCode).toBe(200);
    const ids = (clusters.json().features as { properties: { service_id?: string } }[]).map(
      (f) => f.properties.service_id,
    );
    expect(ids).toContain(fresh);
    expect(ids).toContain(stale);
    expect(ids).not.toContain(hidden);
    expect(ids).not.toContain(never);
    expect((await t.app.inject('/es/map')).body).not.toContain('Clínica cenit');

    const organization = (await t.app.inject(`/es/organizations/${organizationId}`)).body;
    expect(organization).toContain('Clínica boreal');
    expect(organization).not.toContain('Clínica cenit');
  });

  it('still answers the hidden listing’s own page, saying why it is not in results', async () => {
    const page = await t.app.inject(`/en/services/${hidden}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Clinic cenit');
    expect(page.body).toContain('hidden from search results because it has not been verified for a long time');
    const es = await t.app.inject(`/es/services/${never}`);
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('no aparece en los resultados de búsqueda');
    const api = await t.app.inject(`/api/v1/services/${hidden}`);
    expect(api.statusCode).toBe(200);
    expect(api.json().freshness).toBe('stale');
  });

  it('brings a listing back once it is verified again (list, search and map)', async () => {
    await t.db.query.updateTable('services').set({ last_verified_at: new Date() }).where('id', '=', hidden).execute();
    const api: Item[] = (await t.app.inject('/api/v1/services?per_page=50')).json().items;
    expect(api.find((i) => i.id === hidden)?.freshness).toBe('fresh');
    expect((await t.app.inject('/api/v1/search?q=cenit')).json().items.map((i: Item) => i.id)).toEqual([hidden]);
    const indexes = new ClusterIndexes(t.db, { versionTtlMs: 0 });
    const answer = await indexes.clusters({}, [-120, 3, -56, 35], 16);
    expect(answer.features.map((f) => ('service_id' in f.properties ? f.properties.service_id : null))).toContain(
      hidden,
    );
  });

  it('honours other settings: with a 1-month hiding age the stale listing leaves the results', async () => {
    const strict = await createTestApp({ freshness: { reverifyAfterMonths: 1, hideAfterMonths: 2 } });
    try {
      const org = (await buildOrganization(strict.db)).id;
      const recent = (await buildService(strict.db, { organizationId: org }, { last_verified_at: monthsAgo(0) }))
        .service.id;
      const older = (await buildService(strict.db, { organizationId: org }, { last_verified_at: monthsAgo(1.5) }))
        .service.id;
      const old = (await buildService(strict.db, { organizationId: org }, { last_verified_at: monthsAgo(3) })).service
        .id;
      const items: Item[] = (await strict.app.inject('/api/v1/services')).json().items;
      expect(items.map((i) => [i.id, i.freshness]).sort()).toEqual(
        [
          [recent, 'fresh'],
          [older, 'stale'],
        ].sort(),
      );
      expect(items.map((i) => i.id)).not.toContain(old);
    } finally {
      await strict.close();
    }
  });
});

describe('demo verification dates', () => {
  it('look current on the day they are loaded, with some stale listings and none hidden', async () => {
    const t = await createTestDb();
    try {
      const now = new Date('2031-05-20T08:00:00Z');
      await seedDemo(t.db, { now });
      const rows = await t.db.query.selectFrom('services').select('last_verified_at').execute();
      const ages = rows.map((r) => (now.getTime() - r.last_verified_at!.getTime()) / DAY);
      expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
      expect(Math.min(...ages)).toBeLessThan(2);
      const staleCount = ages.filter((a) => a > (N * 365) / 12).length;
      expect(staleCount).toBeGreaterThan(0);
      expect(staleCount).toBeLessThan(rows.length / 3);
      expect(Math.max(...ages)).toBeLessThan((M * 365) / 12);
    } finally {
      await t.drop();
    }
  });
});
