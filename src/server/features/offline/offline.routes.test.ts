import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { LOCALES } from '../../i18n/i18n.js';

describe('offline: service worker, manifest and offline page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the worker at /sw.js with its precache list, never cached by HTTP caches', async () => {
    const res = await t.app.inject('/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const match = /^self\.__RUMBO_PRECACHE = (.*);$/m.exec(res.body);
    expect(match).not.toBeNull();
    const precache = JSON.parse(match![1]!) as { build: string; locales: string[]; urls: string[] };
    expect(precache.build).toMatch(/^[0-9a-f]{16}$/);
    expect(precache.locales).toEqual([...LOCALES]);
    for (const locale of LOCALES) expect(precache.urls).toContain(`/${locale}/offline`);
    expect(precache.urls.some((url) => /^\/assets\/app\.[0-9a-f]+\.css$/.test(url))).toBe(true);
    expect(precache.urls.some((url) => /offline\.client-.*\.js$/.test(url))).toBe(true);
    // The install fails if any one of them does not answer: every URL must be served.
    for (const url of precache.urls) {
      const file = await t.app.inject(url);
      expect(file.statusCode, url).toBe(200);
    }
    // The map's island and MapLibre are not in the shell (they are stored when a country is saved).
    expect(precache.urls.some((url) => url.includes('map.client') || url.includes('maplibre'))).toBe(false);
  });

  it('serves an installable manifest in each language', async () => {
    for (const locale of LOCALES) {
      const res = await t.app.inject(`/${locale}/manifest.webmanifest`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/manifest\+json/);
      const manifest = res.json() as { lang: string; start_url: string; name: string; icons: { src: string }[] };
      expect(manifest.lang).toBe(locale);
      expect(manifest.start_url).toBe(`/${locale}`);
      expect(manifest.name).not.toContain('offline.');
      for (const icon of manifest.icons) expect((await t.app.inject(icon.src)).statusCode).toBe(200);
    }
    expect((await t.app.inject('/xx/manifest.webmanifest')).statusCode).toBe(404);
  });

  it('links the manifest and registers the worker from every page', async () => {
    const home = await t.app.inject('/es');
    expect(home.body).toContain('<link rel="manifest" href="/es/manifest.webmanifest"/>');
    expect(home.body).toMatch(/<script type="module" src="\/assets\/sw-register\.client-[\w-]+\.js">/);
  });

  it('renders the offline page in each language with its strings as data, not code', async () => {
    for (const locale of LOCALES) {
      const res = await t.app.inject(`/${locale}/offline`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`data-locale="${locale}"`);
      const block = /<script type="application\/json" id="offline-strings">(.*?)<\/script>/s.exec(res.body);
      const strings = JSON.parse(block![1]!) as Record<string, string>;
      expect(Object.keys(strings).length).toBeGreaterThan(20);
      for (const [name, text] of Object.entries(strings)) {
        expect(text, name).not.toMatch(/^offline\./);
        // Only simple placeholders are left for the island to fill.
        expect(text.replace(/\{(count|country|age|suggestion|shown|date)\}/g, ''), name).not.toMatch(/[{}]/);
      }
    }
    expect((await t.app.inject('/xx/offline')).statusCode).toBe(404);
  });
});
