import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';

describe('organizations: API and pages', () => {
  let t: TestApp;
  let diasporaId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const diaspora = await buildOrganization(t.db, {
      name: 'Hondureños en Houston (prueba)',
      kind: 'diaspora',
      description: JSON.stringify({ es: 'Red de apoyo.', en: 'Support network.' }),
    });
    diasporaId = diaspora.id;
    await t.db.query
      .insertInto('organization_countries')
      .values([
        { organization_id: diaspora.id, relation: 'origin', country_code: 'HN' },
        { organization_id: diaspora.id, relation: 'residence', country_code: 'US' },
      ])
      .execute();
    await buildService(t.db, { organizationId: diaspora.id, categories: ['diaspora-networks'] });
    await buildOrganization(t.db, { name: 'Clínica de prueba', kind: 'ngo' });
  });
  afterAll(() => t.close());

  it('lists diaspora organizations by origin and residence', async () => {
    const byOrigin = (await t.app.inject('/api/v1/organizations?kind=diaspora&origin=hn')).json();
    expect(byOrigin.total).toBe(1);
    expect(byOrigin.items[0]).toMatchObject({ origin_countries: ['HN'], residence_countries: ['US'] });
    expect((await t.app.inject('/api/v1/organizations?residence=CA')).json().total).toBe(0);
    expect((await t.app.inject('/api/v1/organizations')).json().total).toBe(2);
  });

  it('returns one organization and 404 for unknown ids', async () => {
    const res = await t.app.inject(`/api/v1/organizations/${diasporaId}?locale=en`);
    expect(res.json()).toMatchObject({ name: 'Hondureños en Houston (prueba)', description: 'Support network.' });
    expect((await t.app.inject('/api/v1/organizations/123')).statusCode).toBe(404);
  });

  it.each(['kind=alien', 'origin=Honduras', 'per_page=1000'])('rejects %s with 400', async (query) => {
    const res = await t.app.inject(`/api/v1/organizations?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('shows the diaspora page with filters, and the organization page with its services', async () => {
    const page = await t.app.inject('/en/diaspora?origin=HN&residence=');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hondureños en Houston');
    expect(page.body).toContain('Honduras');
    expect(page.body).toContain('United States');
    const none = await t.app.inject('/ht/diaspora?origin=GT');
    expect(none.body).not.toContain('Hondureños en Houston');
    const org = await t.app.inject(`/pt/organizations/${diasporaId}`);
    expect(org.statusCode).toBe(200);
    expect(org.body).toContain('class="card"');
  });
});
