import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

describe('/api/v1/taxonomy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the fourteen needs, each named in all five locales', async () => {
    const body = (await t.app.inject('/api/v1/taxonomy?per_page=100&locale=ht')).json();
    expect(body.total).toBe(14);
    for (const term of body.items) {
      expect(Object.keys(term.translations.name).sort()).toEqual(['en', 'es', 'fr', 'ht', 'pt']);
      expect(term.name).toBe(term.translations.name.ht);
    }
    const first = body.items[0];
    expect((await t.app.inject(`/api/v1/taxonomy/${first.id}`)).json().code).toBe(first.code);
    expect((await t.app.inject('/api/v1/taxonomy/xyz')).statusCode).toBe(404);
  });
});
