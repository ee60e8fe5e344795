import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { withoutWorkerRegistration } from '../../../../tests/support/html.js';

describe('OpenAPI document and docs page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('describes every API route with its parameters and error responses', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/services',
      '/api/v1/services/{id}',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}',
      '/api/v1/locations',
      '/api/v1/locations/{id}',
      '/api/v1/taxonomy',
      '/api/v1/taxonomy/{id}',
    ]) {
      expect(spec.paths[path]?.get, path).toBeDefined();
      expect(spec.paths[path].get.responses['400'] ?? spec.paths[path].get.responses['404'], path).toBeDefined();
    }
    const params = spec.paths['/api/v1/services'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['page', 'per_page', 'country', 'city', 'category', 'population', 'language']),
    );
    expect(JSON.stringify(spec.paths)).not.toContain('/assets/');
  });

  it('renders the docs as a page with no script', async () => {
    const res = await t.app.inject({ url: '/api/docs', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('GET /api/v1/services');
    expect(res.body).toContain('<html lang="fr">');
    expect(withoutWorkerRegistration(res.body)).not.toContain('<script');
  });
});
