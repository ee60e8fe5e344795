import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';
import { withoutWorkerRegistration } from '../../../../tests/support/html.js';

describe('/{locale}/map', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildService(t.db, { categories: ['health'] });
    await buildService(t.db, { categories: ['shelter'], location: { country_code: 'CR', city: 'Paso Canoas' } });
  });
  afterAll(() => t.close());

  it('shows real text and the filtered list of services, which is the page without JavaScript', async () => {
    const res = await t.app.inject('/en/map?category=health');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Map of services</h1>');
    expect(res.body.match(/<article class="card"/g)).toHaveLength(1);
    expect(res.body).toContain('data-filters="category=health"');
    expect(res.body).toContain('href="/en/services?category=health"');
  });

  it('loads the map script and stylesheet from hashed assets, on the map page only', async () => {
    const map = (await t.app.inject('/es/map')).body;
    const script = map.match(/<script type="module" src="(\/assets\/map\.client-[\w-]+\.js)"><\/script>/)?.[1];
    expect(script).toBeDefined();
    expect(map).not.toMatch(/<script(?![^>]*src=)/);
    expect(map).not.toMatch(/ style="/);
    const asset = await t.app.inject(script ?? '');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const path of ['/es', '/es/services', '/es/news']) {
      expect(withoutWorkerRegistration((await t.app.inject(path)).body)).not.toContain('<script');
    }
  });

  it('keeps the CSP strict: self only, no unsafe-inline', async () => {
    const csp = String((await t.app.inject('/es/map')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('is linked from the navigation and from the list with the same filters', async () => {
    const list = (await t.app.inject('/ht/services?country=CR&category=shelter')).body;
    expect(list).toContain('href="/ht/map"');
    expect(list).toContain('href="/ht/map?country=CR&amp;category=shelter"');
  });

  it('answers 400 for a bad filter and 404 for an unknown locale', async () => {
    expect((await t.app.inject('/es/map?population=nobody')).statusCode).toBe(400);
    expect((await t.app.inject('/xx/map')).statusCode).toBe(404);
  });
});
