import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { seedDemo } from '../demo/demo.service.js';
import { buildFullService, type FullRecord } from './hsds.factories.js';
import { validateOfficial } from './hsds-validator.js';

const PAGE_KEYS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

describe('/hsds/ API', () => {
  let t: TestApp;
  let full: FullRecord;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    full = await buildFullService(t.db);
  }, 60_000);
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
  };
  const expectValid = async (schema: string, value: unknown, where: string) => {
    const verdict = await validateOfficial(schema, value);
    expect(verdict.errors, `${where} against ${schema}`).toEqual([]);
  };
  const expectPageValid = async (url: string, schema: string) => {
    const page = await get(url);
    expect(Object.keys(page).sort()).toEqual([...PAGE_KEYS].sort());
    for (const item of page.contents) await expectValid(schema, item, url);
    return page;
  };

  it('describes itself with the version, the profile and the OpenAPI document', async () => {
    const meta = await get('/hsds/');
    expect(meta.version).toBe('3.0');
    expect(meta.profile).toMatch(/^http:\/\/.+\/hsds\/profile\/$/);
    const profile = await get(new URL(meta.profile).pathname);
    expect(profile.files).toContain(`${meta.profile}service.json`);
    expect((await get('/hsds/profile/address.json')).required).not.toContain('postal_code');
    const openapi = await get(new URL(meta.openapi_url).pathname);
    expect(openapi.paths['/services']).toBeDefined();
  });

  it('pages services with the HSDS wrapper, every item valid (demo data)', async () => {
    const page = await expectPageValid('/hsds/services?per_page=100', 'schema/compiled/service_list.json');
    expect(page).toMatchObject({ page_number: 1, first_page: true, size: 100, empty: false });
    expect(page.total_pages).toBe(Math.ceil(page.total_items / 100));
    const last = await get(`/hsds/services?page=${page.total_pages}&per_page=100`);
    expect(last.last_page).toBe(true);
  });

  it('returns fully nested services that validate, over the demo data', async () => {
    const page = await expectPageValid('/hsds/services?full=true&per_page=100', 'schema/compiled/service.json');
    for (const item of page.contents.slice(0, 10)) {
      await expectValid('schema/compiled/service.json', await get(`/hsds/services/${item.id}`), item.id);
    }
  }, 30_000);

  it('validates a service with every optional field, and carries translations in the profile', async () => {
    const service = await get(`/hsds/services/${full.serviceId}`);
    await expectValid('schema/compiled/service.json', service, 'full service');
    expect(service.name).toBe('Servicio completo (fr)');
    expect(service.translations.name.ht).toBe('Servicio completo (ht)');
    expect(service.phones[0].extension).toBeUndefined();
    expect(service.schedules.map((s: { byday: string }) => s.byday)).toEqual(['MO', 'SA']);
    expect((await get(`/hsds/services/${full.serviceId}?locale=pt`)).name).toBe('Servicio completo (pt)');
  });

  it('never sends a hidden address; a city-only one without street and with rounded coordinates', async () => {
    const hidden = full.locations.hidden;
    const urls = [
      `/hsds/services/${full.serviceId}`,
      `/hsds/service_at_locations/${full.placeIds.hidden}`,
      `/hsds/organizations/${full.organizationId}?full_service=true`,
      '/hsds/service_at_locations?per_page=100&full=true',
      '/hsds/services?format=ndjson&full=true',
    ];
    for (const url of urls) {
      const res = await t.app.inject(url);
      expect(res.body).not.toContain(hidden.street);
      expect(res.body).not.toContain(String(hidden.latitude));
      expect(res.body).not.toContain(full.locations.city.street);
      expect(res.body).not.toContain(String(full.locations.city.latitude));
    }
    const place = await get(`/hsds/service_at_locations/${full.placeIds.hidden}`);
    expect(place.location).toMatchObject({ address_visibility: 'hidden', city: 'Tapachula' });
    expect(place.location).not.toHaveProperty('latitude');
    expect(place.location).not.toHaveProperty('addresses');
    const city = await get(`/hsds/service_at_locations/${full.placeIds.city}`);
    expect(city.location.latitude).toBe(Math.round(full.locations.city.latitude * 100) / 100);
  });

  it('lists services at locations that validate, and finds them by distance and postcode', async () => {
    await expectPageValid('/hsds/service_at_locations?per_page=100', 'schema/compiled/service_at_location_list.json');
    await expectValid(
      'schema/compiled/service_at_location.json',
      await get(`/hsds/service_at_locations/${full.placeIds.full}`),
      'one place',
    );
    const near = await get(`/hsds/service_at_locations?lat=14.1234&lon=-92.6543&proximity=500`);
    expect(near.contents.map((c: { id: string }) => c.id)).toEqual([full.placeIds.full]);
    const hiddenSpot = full.locations.hidden;
    const probe = await get(
      `/hsds/service_at_locations?lat=${hiddenSpot.latitude}&lon=${hiddenSpot.longitude}&proximity=100`,
    );
    expect(probe.contents).toEqual([]);
    const byPostcode = await get('/hsds/service_at_locations?postcode=30700');
    const found = byPostcode.contents.map((c: { id: string }) => c.id);
    expect(found).toContain(full.placeIds.full);
    expect(found).not.toContain(full.placeIds.hidden);
    expect(found).not.toContain(full.placeIds.city);
  });

  it('lists and returns organizations that validate', async () => {
    await expectPageValid('/hsds/organizations?per_page=100', 'schema/compiled/organization_list.json');
    const org = await get(`/hsds/organizations/${full.organizationId}?full_service=true`);
    await expectValid('schema/compiled/organization.json', org, 'organization');
    expect(org.services).toHaveLength(1);
    await expectValid(
      'schema/compiled/organization.json',
      await get(`/hsds/organizations/${full.organizationId}`),
      'org',
    );
  }, 30_000);

  it('lists taxonomies and terms that validate, filtered by taxonomy', async () => {
    const taxonomies = await expectPageValid('/hsds/taxonomies', 'schema/taxonomy.json');
    const taxonomy = taxonomies.contents[0];
    expect(await get(`/hsds/taxonomies/${taxonomy.id}`)).toEqual(taxonomy);
    const terms = await expectPageValid(
      `/hsds/taxonomy_terms?taxonomy_id=${taxonomy.id}&top_only=true`,
      'schema/taxonomy_term.json',
    );
    expect(terms.total_items).toBeGreaterThanOrEqual(14);
    const term = await get(`/hsds/taxonomy_terms/${terms.contents[0].id}?locale=ht`);
    await expectValid('schema/taxonomy_term.json', term, 'term');
    const services = await get(`/hsds/services?taxonomy_term_id=${term.id}`);
    expect(services.total_items).toBeGreaterThan(0);
  });

  it('filters services by search, organization, modified_after and minimal', async () => {
    expect((await get('/hsds/services?search=completo')).contents.map((s: { id: string }) => s.id)).toEqual([
      full.serviceId,
    ]);
    const mine = await get(`/hsds/services?organization_id=${full.organizationId}`);
    expect(mine.total_items).toBe(1);
    expect((await get('/hsds/services?modified_after=2999-01-01T00:00:00Z')).empty).toBe(true);
    const minimal = await get('/hsds/services?minimal=true&per_page=1');
    expect(Object.keys(minimal.contents[0]).sort()).toEqual(['id', 'last_modified']);
  });

  it('streams ndjson without pagination, every line valid', async () => {
    const res = await t.app.inject('/hsds/services?format=ndjson');
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body.trim().split('\n');
    const total = (await get('/hsds/services?per_page=1')).total_items;
    expect(lines).toHaveLength(total);
    for (const line of lines.slice(0, 50))
      await expectValid('schema/compiled/service_list.json', JSON.parse(line), 'ndjson');
    const orgs = await t.app.inject('/hsds/organizations?format=ndjson');
    expect(orgs.body.trim().split('\n').length).toBe((await get('/hsds/organizations?per_page=1')).total_items);
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"])(
    'answers 404 NOT_FOUND for unknown or malformed id %s',
    async (id) => {
      for (const kind of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
        const res = await t.app.inject(`/hsds/${kind}/${encodeURIComponent(id)}`);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
    },
  );

  it.each([
    ['services?per_page=101', 'per_page'],
    ['services?page=0', 'page'],
    ['services?format=xml', 'format'],
    ['services?taxonomy_term_id=nope', 'taxonomy_term_id'],
    ['services?modified_after=yesterday', 'modified_after'],
    ['service_at_locations?proximity=far', 'proximity'],
    ['service_at_locations?lat=91&lon=0', 'lat'],
    ['organizations?full_service=maybe', 'full_service'],
  ])('rejects /hsds/%s with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await t.app.inject(`/hsds/${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
  });
});
