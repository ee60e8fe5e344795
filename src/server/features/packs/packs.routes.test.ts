import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { translator } from '../../i18n/i18n.js';
import { buildCountryPack, clearPackCache, hoursText, shorten, type CountryPack } from './packs.service.js';

const HOUR = 3_600_000;

describe('country packs API', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  /** Moves every change into the past, so that a delta only carries what a test changes afterwards. */
  /** The latest change is then `more7`'s, an hour ago; everything else changed two hours ago. */
  async function settle() {
    const past = new Date(Date.now() - 2 * HOUR);
    await t.db.query.updateTable('services').set({ updated_at: past }).execute();
    await t.db.query.updateTable('organizations').set({ updated_at: past }).execute();
    await t.db.query.updateTable('locations').set({ updated_at: past }).execute();
    await t.db.query
      .updateTable('services')
      .set({ updated_at: new Date(Date.now() - HOUR) })
      .where('id', '=', ids.more7!)
      .execute();
  }

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const pack = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return res.json<CountryPack>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.db, { name: 'Casa del Migrante' });
    ids.legal = (
      await buildService(
        t.db,
        { organizationId: org.id, categories: ['legal-aid-asylum'], populations: ['women'], languages: ['es', 'en'] },
        {
          name: JSON.stringify({ es: 'Asesoría legal', en: 'Legal advice', fr: 'Conseil juridique' }),
          email: 'legal@example.org',
          url: 'https://example.org/legal',
        },
      )
    ).service.id;
    // Only in Spanish: other locales fall back to the original text.
    ids.food = (
      await buildService(
        t.db,
        { organizationId: org.id, categories: ['food'] },
        {
          name: JSON.stringify({ es: 'Comedor comunitario' }),
          description: JSON.stringify({ es: 'Comida caliente todos los días.' }),
        },
      )
    ).service.id;
    // A shelter whose address is hidden: no street, no coordinates may leave.
    ids.shelter = (
      await buildService(
        t.db,
        {
          organizationId: org.id,
          categories: ['shelter'],
          street: 'Calle Secreta 99',
          location: { address_visibility: 'hidden', latitude: 14.123456, longitude: -92.654321, name: '{}' },
        },
        { name: JSON.stringify({ es: 'Albergue para mujeres' }) },
      )
    ).service.id;
    for (let i = 0; i < 8; i++) {
      ids[`more${i}`] = (await buildService(t.db, { organizationId: org.id, categories: ['health'] })).service.id;
    }
    ids.guatemala = (
      await buildService(t.db, { location: { country_code: 'GT', city: 'Tecún Umán', admin_area: 'San Marcos' } })
    ).service.id;
    ids.inactive = (await buildService(t.db, {}, { status: 'inactive' })).service.id;
    ids.unverified = (
      await buildService(t.db, {}, { last_verified_at: new Date(Date.now() - 400 * 86_400_000) })
    ).service.id;
    await settle();
  });
  afterAll(() => t.close());

  it('sends the published directory of a country in the documented shape', async () => {
    const res = await get('/api/v1/packs/MX?locale=es');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json<CountryPack>();
    expect(Object.keys(body)).toEqual([
      'format',
      'country',
      'locale',
      'version',
      'hash',
      'generated_at',
      'kind',
      'count',
      'categories',
      'services',
    ]);
    expect(body).toMatchObject({ format: 1, country: 'MX', locale: 'es', kind: 'full', count: 11 });
    expect(res.headers.etag).toBe(`"${body.hash}"`);
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(body.generated_at).toISOString()).toBe(body.generated_at);
    expect(body.services.map((s) => s.id)).toEqual([...body.services.map((s) => s.id)].sort());
    expect(body.categories.map((c) => c.code).sort()).toEqual(['food', 'health', 'legal-aid-asylum', 'shelter']);
    const legal = body.services.find((s) => s.id === ids.legal)!;
    expect(legal).toMatchObject({
      name: 'Asesoría legal',
      organization: 'Casa del Migrante',
      description: 'Orientación sobre asilo y regularización.',
      categories: ['legal-aid-asylum'],
      populations: ['women'],
      languages: ['en', 'es'],
      phones: ['+52 962 555 0100'],
      email: 'legal@example.org',
      url: 'https://example.org/legal',
      fees: 'Gratis',
      locations: [
        { address: '4a Avenida Norte 12', city: 'Tapachula', region: 'Chiapas', lat: 14.9067, lon: -92.2635 },
      ],
    });
    expect(legal.hours).toBe(`${translator('es')('weekday.1')}–${translator('es')('weekday.5')} 09:00–17:00`);
    expect(legal.verified_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const service of body.services) {
      expect(service.populations).toBeInstanceOf(Array);
      expect(service.locations.length).toBeGreaterThan(0);
    }
  });

  it('holds exactly the services the public list shows for the country', async () => {
    const body = await pack('/api/v1/packs/mx?locale=en');
    const list = (await get('/api/v1/services?country=MX&per_page=100')).json<{ items: { id: string }[] }>();
    expect(body.services.map((s) => s.id).sort()).toEqual(list.items.map((s) => s.id).sort());
    expect(body.services.map((s) => s.id)).not.toContain(ids.inactive);
    expect(body.services.map((s) => s.id)).not.toContain(ids.unverified);
    expect(body.services.map((s) => s.id)).not.toContain(ids.guatemala);
  });

  it('gives texts in the locale, falling back like the service page', async () => {
    const en = await pack('/api/v1/packs/MX?locale=en');
    expect(en.services.find((s) => s.id === ids.legal)).toMatchObject({
      name: 'Legal advice',
      description: 'Advice on asylum and regularization.',
      fees: 'Free',
    });
    const ht = await pack('/api/v1/packs/MX?locale=ht');
    expect(ht.services.find((s) => s.id === ids.food)).toMatchObject({
      name: 'Comedor comunitario',
      description: 'Comida caliente todos los días.',
    });
    const fr = await pack('/api/v1/packs/MX?locale=fr');
    expect(fr.services.find((s) => s.id === ids.legal)?.name).toBe('Conseil juridique');
    expect(fr.categories.find((c) => c.code === 'food')?.name).not.toBe(
      en.categories.find((c) => c.code === 'food')?.name,
    );
    // Accept-Language when no ?locale=.
    const negotiated = await get('/api/v1/packs/MX', { 'accept-language': 'pt-BR' });
    expect(negotiated.json<CountryPack>().locale).toBe('pt');
  });

  it('never sends a hidden shelter address or its coordinates', async () => {
    const res = await get('/api/v1/packs/MX?locale=es');
    const shelter = res.json<CountryPack>().services.find((s) => s.id === ids.shelter)!;
    expect(shelter.locations).toEqual([{ city: 'Tapachula', region: 'Chiapas', lat: null, lon: null }]);
    expect(res.body).not.toContain('Calle Secreta');
    expect(res.body).not.toContain('14.12346');
    expect(res.body).not.toContain('-92.65432');
  });

  it('answers 304 to a matching If-None-Match, and compresses', async () => {
    const first = await get('/api/v1/packs/MX?locale=es');
    const again = await get('/api/v1/packs/MX?locale=es', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const gz = await get('/api/v1/packs/MX?locale=es', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).hash).toBe(first.json<CountryPack>().hash);
  });

  it('keeps the hash across two builds of the same data', async () => {
    const a = await buildCountryPack(t.db, 'MX', 'es');
    clearPackCache(t.db);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await buildCountryPack(t.db, 'MX', 'es');
    expect(b.body).not.toBe(a.body); // generated_at differs
    expect(b.hash).toBe(a.hash);
    expect(b.version).toBe(a.version);
    expect(JSON.parse(b.body).generated_at).not.toBe(JSON.parse(a.body).generated_at);
  });

  it('lists every country with published services, with version and hash', async () => {
    const res = await get('/api/v1/packs?locale=fr');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { country: string; services: number; version: string; hash: string }[] }>();
    expect(items.map((i) => [i.country, i.services])).toEqual([
      ['GT', 1],
      ['MX', 11],
    ]);
    const mx = await pack('/api/v1/packs/MX?locale=fr');
    expect(items[1]).toMatchObject({ version: mx.version, hash: mx.hash });
  });

  it('answers unknown countries with 404 and bad locale or since with 400, in the catalogue', async () => {
    for (const url of ['/api/v1/packs/XX', '/api/v1/packs/mexico', '/api/v1/packs/M1', '/api/v1/packs/%3Cb%3E']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('PACK_COUNTRY_UNKNOWN');
    }
    const fr = await get('/api/v1/packs/XX?locale=fr');
    expect(fr.json().error.message).toBe(translator('fr')('errors.PACK_COUNTRY_UNKNOWN', { country: 'XX' }));
    const badLocale = await get('/api/v1/packs/MX?locale=xx');
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error.code).toBe('VALIDATION_FAILED');
    for (const since of ['garbage', '1.es.zz', '2.es.1.1.1', `1.es.${'z'.repeat(80)}`]) {
      const res = await get(`/api/v1/packs/MX?locale=es&since=${since}`);
      expect(res.statusCode, since).toBe(400);
      expect(['PACK_VERSION_INVALID', 'VALIDATION_FAILED']).toContain(res.json().error.code);
    }
    expect((await get('/api/v1/packs/MX?locale=es&since=garbage')).json().error.code).toBe('PACK_VERSION_INVALID');
  });

  it('sends a delta after an edit, and a full pack when the version is too old or of another locale', async () => {
    await settle();
    const before = await pack('/api/v1/packs/MX?locale=es');
    // Same version: an empty delta.
    const same = await pack(`/api/v1/packs/MX?locale=es&since=${before.version}`);
    expect(same).toMatchObject({ kind: 'delta', since: before.version, services: [], removed: [], count: 11 });

    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.db.query
      .updateTable('services')
      .set({ name: JSON.stringify({ es: 'Asesoría legal gratuita' }), updated_at: new Date() })
      .where('id', '=', ids.legal!)
      .execute();
    await t.db.query
      .updateTable('services')
      .set({ status: 'inactive', updated_at: new Date() })
      .where('id', '=', ids.more0!)
      .execute();
    const after = await pack('/api/v1/packs/MX?locale=es');
    expect(after.version).not.toBe(before.version);
    expect(after.hash).not.toBe(before.hash);
    expect(after.count).toBe(10);

    const delta = await pack(`/api/v1/packs/MX?locale=es&since=${before.version}`);
    expect(delta).toMatchObject({ kind: 'delta', since: before.version, version: after.version, hash: after.hash });
    expect(delta.count).toBe(10);
    // What changed, plus what changed in the seconds before the old version (a late commit is not missed).
    expect(delta.services.map((s) => s.id)).toEqual([ids.legal, ids.more7].sort());
    expect(delta.services.find((s) => s.id === ids.legal)?.name).toBe('Asesoría legal gratuita');
    expect(delta.removed).toEqual([ids.more0]);
    expect(delta.categories.map((c) => c.code).sort()).toEqual(['health', 'legal-aid-asylum']);

    // Applying the delta to the old pack gives the new full pack.
    const merged = new Map(before.services.map((s) => [s.id, s]));
    for (const id of delta.removed ?? []) merged.delete(id);
    for (const s of delta.services) merged.set(s.id, s);
    expect([...merged.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(after.services);

    const old = `1.es.${(Date.now() - 31 * 86_400_000).toString(36)}.b.1`;
    expect((await pack(`/api/v1/packs/MX?locale=es&since=${old}`)).kind).toBe('full');
    const otherLocale = before.version.replace('1.es.', '1.en.');
    expect((await pack(`/api/v1/packs/MX?locale=es&since=${otherLocale}`)).kind).toBe('full');

    // When half the pack or more changed, a full pack instead.
    await t.db.query.updateTable('services').set({ updated_at: new Date() }).execute();
    expect((await pack(`/api/v1/packs/MX?locale=es&since=${after.version}`)).kind).toBe('full');
  });
});

describe('pack text helpers', () => {
  it('shortens at a word boundary with an ellipsis, only when needed', () => {
    expect(shorten('Short text.', 80)).toBe('Short text.');
    const long = 'Alojamiento temporal, comida y duchas para personas en tránsito en Tapachula. Atención sin costo.';
    const cut = shorten(long, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).toBe('Alojamiento temporal, comida y duchas…');
  });

  it('writes opening hours as runs of days', () => {
    const t = translator('en');
    const at = (weekday: number, opens_at = '09:00', closes_at = '17:00') => ({ weekday, opens_at, closes_at });
    expect(hoursText([at(1), at(2), at(3), at(4), at(5), at(6, '10:00', '13:00')], t)).toBe(
      'Monday–Friday 09:00–17:00; Saturday 10:00–13:00',
    );
    expect(hoursText([at(1), at(3)], t)).toBe('Monday 09:00–17:00; Wednesday 09:00–17:00');
    expect(hoursText([], t)).toBe('');
  });
});
