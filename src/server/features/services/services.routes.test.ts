import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';

describe('/api/v1/services', () => {
  let t: TestApp;
  let tapachula: string;
  let shelter: string;
  let inactive: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.db, { name: 'Casa de prueba' });
    tapachula = (await buildService(t.db, { organizationId: org.id, populations: ['women'], languages: ['es', 'mam'] }))
      .service.id;
    shelter = (
      await buildService(
        t.db,
        {
          categories: ['shelter'],
          location: {
            country_code: 'CR',
            city: 'Paso Canoas',
            latitude: 8.5339,
            longitude: -82.8378,
            address_visibility: 'hidden',
          },
          street: 'Calle secreta 1',
          languages: ['es', 'ht'],
        },
        { name: JSON.stringify({ es: 'Albergue temporal', en: 'Temporary shelter' }), cost: 'free' },
      )
    ).service.id;
    inactive = (
      await buildService(t.db, { location: { country_code: 'GT', city: 'Quetzaltenango' } }, { status: 'inactive' })
    ).service.id;
  });
  afterAll(() => t.close());

  it('lists active services with the list envelope', async () => {
    const res = await t.app.inject('/api/v1/services');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, page: 1, per_page: 20 });
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toHaveProperty('organization.name');
  });

  it('filters by country, city, category, population and language', async () => {
    const ids = async (query: string) =>
      (await t.app.inject(`/api/v1/services?${query}`)).json().items.map((s: { id: string }) => s.id);
    expect(await ids('country=cr')).toEqual([shelter]);
    expect(await ids('city=TAPACHULA')).toEqual([tapachula]);
    expect(await ids('category=shelter')).toEqual([shelter]);
    expect(await ids('population=women')).toEqual([tapachula]);
    expect(await ids('language=ht')).toEqual([shelter]);
    expect(await ids('country=MX&category=shelter')).toEqual([]);
  });

  it('answers in the language asked, with every translation', async () => {
    const body = (await t.app.inject(`/api/v1/services/${shelter}?locale=en`)).json();
    expect(body.name).toBe('Temporary shelter');
    expect(body.text_locale).toBe('en');
    expect(body.translations.name).toEqual({ es: 'Albergue temporal', en: 'Temporary shelter' });
    const fallback = (await t.app.inject(`/api/v1/services/${shelter}?locale=ht`)).json();
    expect(fallback.name).toBe('Albergue temporal');
    expect(fallback.text_locale).toBe('es');
  });

  it('never publishes a hidden address', async () => {
    const res = await t.app.inject(`/api/v1/services/${shelter}`);
    const location = res.json().locations[0];
    expect(location).toMatchObject({ city: 'Paso Canoas', address: null, latitude: null, longitude: null });
    expect(res.body).not.toContain('Calle secreta');
    expect(res.body).not.toContain('8.5339');
    const list = await t.app.inject('/api/v1/locations?country=CR');
    expect(list.body).not.toContain('Calle secreta');
  });

  it('shows full detail of a public service', async () => {
    const body = (await t.app.inject(`/api/v1/services/${tapachula}`)).json();
    expect(body.schedules).toHaveLength(5);
    expect(body.schedules[0]).toEqual({ weekday: 1, opens_at: '09:00', closes_at: '17:00' });
    expect(body.phones[0]).toMatchObject({ whatsapp: true });
    expect(body.populations).toEqual(['women']);
    expect(body.languages).toEqual(['es', 'mam']);
    expect(body.locations[0].address.address_1).toBe('4a Avenida Norte 12');
    expect(body.categories).toEqual(['legal-aid-asylum']);
  });

  it.each([
    ['per_page=101', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['country=MEX', 'country'],
    ['population=aliens', 'population'],
    ['language=ES1', 'language'],
    ['organization_id=not-a-uuid', 'organization_id'],
    ['locale=de', 'locale'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await t.app.inject(`/api/v1/services?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.field).toBe(field);
  });

  it('gives the error message in the language of the request', async () => {
    const es = await t.app.inject({ url: '/api/v1/services?per_page=500', headers: { 'accept-language': 'es' } });
    const en = await t.app.inject({ url: '/api/v1/services?per_page=500', headers: { 'accept-language': 'en' } });
    expect(es.json().error.message).not.toBe(en.json().error.message);
    expect(en.json().error.message).toContain('per_page');
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1", '%00'])(
    'answers 404 NOT_FOUND for unknown or malformed id %s',
    async (id) => {
      const res = await t.app.inject(`/api/v1/services/${encodeURIComponent(id)}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    },
  );

  it('does not list inactive services nor return them', async () => {
    const body = (await t.app.inject('/api/v1/services?country=GT')).json();
    expect(body.total).toBe(0);
    expect((await t.app.inject(`/api/v1/services/${inactive}`)).statusCode).toBe(404);
  });
});
