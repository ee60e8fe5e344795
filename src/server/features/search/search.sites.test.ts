// Searches by place see every site of a service, not only its first: near either site, in a box around either,
// at the distance of the nearest; and a few services with many sites near the point still give the exact answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildLocation, buildService } from '../../../../tests/support/factories.js';
import { refreshSearchIndex, searchServices } from './search.service.js';
import { findMatches, type Plan } from './search.repository.js';

const TAPACHULA = { latitude: 14.9067, longitude: -92.2635 };
const TIJUANA = { latitude: 32.5149, longitude: -117.0382 };
const GUATEMALA = { latitude: 14.6349, longitude: -90.5069 };

let t: TestDb;
let twoSites = '';
beforeAll(async () => {
  t = await createTestDb();
  const { service } = await buildService(
    t.db,
    { location: { ...TAPACHULA, city: 'Tapachula' } },
    { name: JSON.stringify({ es: 'Red de Albergues Frontera' }), description: JSON.stringify({ es: 'Dos sedes.' }) },
  );
  twoSites = service.id;
  const second = await buildLocation(t.db, service.organization_id, {
    ...TIJUANA,
    city: 'Tijuana',
    admin_area: 'Baja California',
  });
  await t.db.query
    .insertInto('service_at_locations')
    .values({ service_id: service.id, location_id: second.id })
    .execute();
  // Around Guatemala City: two services with 400 sites each within 5 km (800 sites, more than are read at first)
  // and one with a single site 11 km away, which the nearest sites alone would miss.
  for (let i = 0; i < 2; i++) {
    const { service: many } = await buildService(t.db, {
      location: { ...GUATEMALA, city: 'Guatemala', country_code: 'GT' },
    });
    await sql`
      WITH sites AS (
        INSERT INTO locations (organization_id, name, latitude, longitude, country_code, city)
        SELECT ${many.organization_id}::uuid, '{"es":"Punto"}', ${GUATEMALA.latitude} + g * 0.0001,
          ${GUATEMALA.longitude} + ${i} * 0.0001, 'GT', 'Guatemala'
        FROM generate_series(1, 399) AS g
        RETURNING id
      )
      INSERT INTO service_at_locations (service_id, location_id) SELECT ${many.id}::uuid, id FROM sites`.execute(
      t.db.query,
    );
  }
  await buildService(t.db, {
    location: { latitude: GUATEMALA.latitude + 0.1, longitude: GUATEMALA.longitude, city: 'Mixco', country_code: 'GT' },
  });
  await refreshSearchIndex(t.db);
}, 120_000);
afterAll(async () => {
  await t.drop();
});

describe('search over every site of a service', () => {
  it('finds a service near its second site, at that site’s distance', async () => {
    const result = await searchServices(t.db, { near: TIJUANA, radiusKm: 5 }, { limit: 20, offset: 0 });
    expect(result.items.map((s) => s.id)).toEqual([twoSites]);
    expect(result.items[0]?.distance_km).toBe(0);
    const words = await searchServices(t.db, { q: 'albergues', place: 'Tijuana' }, { limit: 20, offset: 0 });
    expect(words.items.map((s) => s.id)).toContain(twoSites);
    const near = await searchServices(t.db, { near: TAPACHULA, radiusKm: 5 }, { limit: 20, offset: 0 });
    expect(near.items.map((s) => s.id)).toContain(twoSites);
  });

  it('finds it in a box around either site', async () => {
    const around = (p: { latitude: number; longitude: number }) => ({
      west: p.longitude - 0.1,
      south: p.latitude - 0.1,
      east: p.longitude + 0.1,
      north: p.latitude + 0.1,
    });
    for (const site of [TIJUANA, TAPACHULA]) {
      const result = await searchServices(t.db, { bbox: around(site) }, { limit: 20, offset: 0 });
      expect(result.items.map((s) => s.id)).toContain(twoSites);
    }
  });

  it('gives the exact nearest services when the nearest sites belong to a few services', async () => {
    const near = { ...GUATEMALA, radiusM: 50_000 };
    const window = { limit: 20, offset: 0 };
    const all = await findMatches(t.db, { tsquery: null, near }, window, { plan: { kind: 'near-all' } });
    expect(all.total).toBe(3);
    expect(all.rows[2]?.distance_m).toBeGreaterThan(10_000);
    for (const plan of [{ kind: 'nearest' }, { kind: 'default' }] satisfies Plan[]) {
      expect(await findMatches(t.db, { tsquery: null, near }, window, { plan })).toEqual(all);
    }
    const filtered = await findMatches(t.db, { tsquery: null, near, country: 'GT' }, window, {
      plan: { kind: 'near-filtered' },
    });
    expect(filtered).toEqual(all);
  });
});
