import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { LOCALES } from '../../db/schema.js';
import { buildDemoDirectory, DEMO_SEED_PLACES } from './demo-directory.js';
import { countServices } from './demo.repository.js';
import { insertDirectory, seedDemo } from './demo.service.js';
import { buildSyntheticDirectory } from './synthetic-directory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo directory (pure)', () => {
  it('is deterministic and uses valid, unique UUIDs', () => {
    const a = buildDemoDirectory();
    expect(JSON.stringify(buildDemoDirectory())).toBe(JSON.stringify(a));
    const ids = [a.organizations, a.locations, a.addresses, a.services, a.phones, a.schedules, a.requiredDocuments]
      .flat()
      .map((row) => row.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every row as demo data and gives every service 1 to 3 needs', () => {
    const d = buildDemoDirectory();
    expect([...d.organizations, ...d.services, ...d.locations].every((row) => row.is_demo === true)).toBe(true);
    const perService = new Map<string, number>();
    for (const link of d.serviceTerms) perService.set(link.service_id, (perService.get(link.service_id) ?? 0) + 1);
    expect(d.services.every((s) => (perService.get(s.id) ?? 0) >= 1 && (perService.get(s.id) ?? 0) <= 3)).toBe(true);
  });
});

describe('seedDemo', () => {
  let testDb: TestDb;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    first = await seedDemo(testDb.db);
  });
  afterAll(() => testDb.drop());

  it('seeds an empty database with at least 300 services', async () => {
    expect(first.seeded).toBe(true);
    expect(first.services).toBeGreaterThanOrEqual(300);
    expect(await countServices(testDb.db.query)).toBe(first.services);
  });

  it('has locations in at least 12 countries', async () => {
    const rows = await testDb.db.query.selectFrom('locations').select('country_code').distinct().execute();
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  it('includes the four public places from the seeds, with services at them', async () => {
    expect(DEMO_SEED_PLACES).toHaveLength(4);
    for (const place of DEMO_SEED_PLACES) {
      const rows = await testDb.db.query
        .selectFrom('organizations as o')
        .innerJoin('locations as l', 'l.organization_id', 'o.id')
        .innerJoin('service_at_locations as sal', 'sal.location_id', 'l.id')
        .select(['l.city', 'l.country_code'])
        .where('o.name', '=', place.name)
        .execute();
      expect(rows.length, place.name).toBeGreaterThan(0);
      expect(rows[0]).toMatchObject({ city: place.city, country_code: place.country });
    }
    const cities = DEMO_SEED_PLACES.map((place) => place.city);
    expect(cities).toEqual(expect.arrayContaining(['Puebla', 'Chetumal', 'Bribri', 'Los Planes de Gualaca']));
  });

  it('has at least 15 diaspora organizations with origin and residence countries, some in the US and Canada', async () => {
    const rows = await testDb.db.query
      .selectFrom('organizations as o')
      .innerJoin('organization_countries as c', 'c.organization_id', 'o.id')
      .select(['o.id', 'c.relation', 'c.country_code'])
      .where('o.kind', '=', 'diaspora')
      .execute();
    const byOrg = new Map<string, { origin: number; residence: number }>();
    for (const row of rows) {
      const entry = byOrg.get(row.id) ?? { origin: 0, residence: 0 };
      entry[row.relation] += 1;
      byOrg.set(row.id, entry);
    }
    const complete = [...byOrg.values()].filter((entry) => entry.origin > 0 && entry.residence > 0);
    expect(complete.length).toBeGreaterThanOrEqual(15);
    const residences = new Set(rows.filter((row) => row.relation === 'residence').map((row) => row.country_code));
    expect(residences).toContain('US');
    expect(residences).toContain('CA');
    const tagged = await testDb.db.query
      .selectFrom('services as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .innerJoin('service_taxonomy_terms as st', 'st.service_id', 's.id')
      .innerJoin('taxonomy_terms as t', 't.id', 'st.taxonomy_term_id')
      .select(sql<number>`count(DISTINCT o.id)::int`.as('n'))
      .where('o.kind', '=', 'diaspora')
      .where('t.code', '=', 'diaspora-networks')
      .executeTakeFirstOrThrow();
    expect(tagged.n).toBe(byOrg.size);
  });

  it('gives every service at least one taxonomy term and one location', async () => {
    const orphans = await testDb.db.query
      .selectFrom('services as s')
      .select(sql<number>`count(*)::int`.as('n'))
      .where((eb) =>
        eb.or([
          eb.not(
            eb.exists(
              eb.selectFrom('service_taxonomy_terms as t').select('t.service_id').whereRef('t.service_id', '=', 's.id'),
            ),
          ),
          eb.not(
            eb.exists(
              eb.selectFrom('service_at_locations as l').select('l.service_id').whereRef('l.service_id', '=', 's.id'),
            ),
          ),
        ]),
      )
      .executeTakeFirstOrThrow();
    expect(orphans.n).toBe(0);
  });

  it('writes every name and description in its original locale', async () => {
    const services = await testDb.db.query
      .selectFrom('services')
      .select(['name', 'description', 'original_locale'])
      .execute();
    for (const service of services) {
      expect(service.name[service.original_locale]?.trim()).toBeTruthy();
      expect(service.description[service.original_locale]?.trim()).toBeTruthy();
      for (const text of Object.values(service.name)) expect(text?.trim()).toBeTruthy();
    }
    const organizations = await testDb.db.query
      .selectFrom('organizations')
      .select(['name', 'description', 'original_locale'])
      .execute();
    for (const org of organizations) {
      expect(org.name.trim()).toBeTruthy();
      expect(org.description[org.original_locale]?.trim()).toBeTruthy();
    }
    const bothEsEn = services.filter((s) => s.name.es && s.name.en).length;
    const allFive = services.filter((s) => LOCALES.every((locale) => s.name[locale])).length;
    expect(bothEsEn / services.length).toBeGreaterThan(0.6);
    expect(allFive / services.length).toBeGreaterThan(0.25);
  });

  it('has shelters whose address is hidden', async () => {
    const hidden = await testDb.db.query
      .selectFrom('locations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('address_visibility', '=', 'hidden')
      .executeTakeFirstOrThrow();
    expect(hidden.n).toBeGreaterThan(0);
  });

  it('does nothing the second time', async () => {
    const before = await countServices(testDb.db.query);
    const second = await seedDemo(testDb.db);
    expect(second.seeded).toBe(false);
    expect(await countServices(testDb.db.query)).toBe(before);
  });
});

describe('synthetic directory', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.drop());

  it('inserts the requested number of services, each with a location', async () => {
    const directory = buildSyntheticDirectory(2000);
    expect(directory.services).toHaveLength(2000);
    expect(directory.locations).toHaveLength(2000);
    await insertDirectory(testDb.db, directory);
    expect(await countServices(testDb.db.query)).toBe(2000);
    const placed = await testDb.db.query
      .selectFrom('service_at_locations')
      .select(sql<number>`count(DISTINCT service_id)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(placed.n).toBe(2000);
  });
});
