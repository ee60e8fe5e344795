import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';
import { noJsProblems } from '../../../../tests/budgets/page-weight.js';
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

  it("offers the map behind a button that says how much it downloads, in the reader's language", async () => {
    const en = (await t.app.inject('/en/map')).body;
    const kb = Number(/Show the map \(downloads about (\d+) KB once\)/.exec(en)?.[1]);
    // MapLibre (script, worker, stylesheet) and the 1:110m basemap, compressed: hundreds of KB, not 0 or 10 MB.
    expect(kb).toBeGreaterThanOrEqual(200);
    expect(kb).toBeLessThan(2000);
    expect(en).toMatch(/<div class="map-offer" hidden(="")?><button type="button">/);
    expect(en).toContain('data-loading="Loading the map…"');
    const es = (await t.app.inject('/es/map')).body;
    expect(es).toContain(`Mostrar el mapa (descarga unos ${kb} KB una sola vez)`);
    expect(noJsProblems(es)).toEqual([]);
  });

  it('links only the tiny loader; MapLibre is named for the loader and "save for offline", never loaded', async () => {
    const map = (await t.app.inject('/es/map')).body;
    const loader = map.match(/<script type="module" src="(\/assets\/map\.client-[\w-]+\.js)"><\/script>/)?.[1] ?? '';
    const body = (await t.app.inject(loader)).rawPayload;
    expect(brotliCompressSync(body).length).toBeLessThan(2048);
    const view = /data-map-script="(\/assets\/map-view\.client-[\w-]+\.js)"/.exec(map)?.[1] ?? '';
    expect(body.toString()).toContain(view.replace('/assets/', './'));
    expect((await t.app.inject(view)).statusCode).toBe(200);
    const files = /data-map-files="([^"]+)"/.exec(map)?.[1]?.split(' ') ?? [];
    expect(files.some((f) => /^\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(f))).toBe(true);
    expect(files.some((f) => /\.css$/.test(f))).toBe(true);
    for (const file of files) expect((await t.app.inject(file)).statusCode, file).toBe(200);
    const linked = [...map.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const file of [view, ...files]) expect(linked).not.toContain(file);
  });

  it('has no map at all in lite mode', async () => {
    const lite = (await t.app.inject({ url: '/es/map', headers: { 'save-data': 'on' } })).body;
    expect(lite).not.toContain('id="map"');
    expect(lite).not.toContain('map.client-');
    expect(lite).not.toContain('map-view.client-');
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
