// Issue 7 budgets, enforced in CI (`npm test`): home, list, service (and country, once that page exists) pages
// weigh at most 30 KB compressed — HTML + CSS + JS as the server sends them with brotli and with gzip, images
// aside — in every language, with the demo directory; the map's JavaScript and MapLibre load on the map page only;
// and every budgeted page works with JavaScript off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/server/i18n/i18n.js';
import { ISLANDS_DIR, islandAssets } from '../../src/server/http/assets.js';
import { seedDemo } from '../../src/server/features/demo/demo.service.js';
import { seedDemoNews } from '../../src/server/features/news/news-demo.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BUDGET_BYTES, noJsProblems, pageWeight, type PageWeight } from './page-weight.js';

/** Files of the map island: its script and styles, and every MapLibre chunk Vite emitted. */
function mapOnlyAssets(): string[] {
  const map = islandAssets('map');
  const manifest = JSON.parse(readFileSync(path.join(ISLANDS_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string; assets?: string[]; css?: string[] }
  >;
  const maplibre = Object.values(manifest)
    .flatMap((entry) => [entry.file, ...(entry.assets ?? []), ...(entry.css ?? [])])
    .filter((file) => /maplibre/i.test(file))
    .map((file) => `/${file}`);
  return [...new Set([map.script, ...map.styles, ...maplibre])];
}

describe('page weight budgets (issue 7)', () => {
  let t: TestApp;
  let serviceId = '';
  const weights: { locale: string; name: string; weight: PageWeight }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    await seedDemoNews(t.db);
    const list = (await t.app.inject('/es/services')).body;
    serviceId = /href="\/es\/services\/([0-9a-f-]{36})"/.exec(list)?.[1] ?? '';
    const country = (await t.app.inject('/es/countries/mx')).statusCode === 200;
    for (const locale of LOCALES) {
      const pages: [string, string][] = [
        ['home', `/${locale}`],
        ['list', `/${locale}/services`],
        ['service', `/${locale}/services/${serviceId}`],
      ];
      if (country) pages.push(['country', `/${locale}/countries/mx`]);
      for (const [name, url] of pages) weights.push({ locale, name, weight: await pageWeight(t.app, url) });
    }
    const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
    const rows = weights.map(
      ({ locale, name, weight: w }) =>
        `${locale}  ${name.padEnd(8)} html ${kb(w.byKind.html.br)} / ${kb(w.byKind.html.gzip)}  css ${kb(w.byKind.css.br)} / ${kb(w.byKind.css.gzip)}  js ${kb(w.byKind.js.br)} / ${kb(w.byKind.js.gzip)}  total ${kb(w.totals.br)} / ${kb(w.totals.gzip)} KB (br / gzip)`,
    );
    console.log(
      `Page weight, budget ${BUDGET_BYTES / 1024} KB compressed (HTML + CSS + JS, images aside):\n${rows.join('\n')}`,
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('renders every budgeted page', () => {
    expect(serviceId).not.toBe('');
    expect(weights.length).toBeGreaterThanOrEqual(LOCALES.length * 3);
    for (const { weight } of weights) expect(weight.status, weight.url).toBe(200);
  });

  it('keeps home, list, service (and country) pages within 30 KB with brotli and with gzip, in every language', () => {
    const over = weights
      .filter(({ weight }) => weight.totals.br > BUDGET_BYTES || weight.totals.gzip > BUDGET_BYTES)
      .map(({ weight }) => `${weight.url}: br ${weight.totals.br} B, gzip ${weight.totals.gzip} B`);
    expect(over).toEqual([]);
    for (const { weight } of weights) {
      // The HTML is actually sent compressed (not only compressible), and the stylesheet is counted.
      expect(weight.byKind.html.br, weight.url).toBeLessThan(weight.byKind.html.raw);
      expect(weight.byKind.css.raw, weight.url).toBeGreaterThan(0);
    }
  });

  it('keeps every demo service page within budget (the heaviest one, Spanish)', async () => {
    const perPage = weights.find((w) => w.name === 'service' && w.locale === 'es')!.weight;
    const assets = {
      br: perPage.totals.br - perPage.byKind.html.br,
      gzip: perPage.totals.gzip - perPage.byKind.html.gzip,
    };
    const ids = await t.db.query.selectFrom('services').select('id').execute();
    let heaviest = { id: '', br: 0, gzip: 0 };
    for (const { id } of ids) {
      const br = (await t.app.inject({ url: `/es/services/${id}`, headers: { 'accept-encoding': 'br' } })).rawPayload
        .length;
      const gzip = (await t.app.inject({ url: `/es/services/${id}`, headers: { 'accept-encoding': 'gzip' } }))
        .rawPayload.length;
      if (br + gzip > heaviest.br + heaviest.gzip) heaviest = { id, br, gzip };
    }
    console.log(
      `Heaviest of ${ids.length} service pages: ${heaviest.id}, HTML br ${heaviest.br} B, gzip ${heaviest.gzip} B`,
    );
    expect(heaviest.br + assets.br).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(heaviest.gzip + assets.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads the map island and MapLibre on the map page only', async () => {
    const mapOnly = mapOnlyAssets();
    expect(mapOnly.length).toBeGreaterThanOrEqual(2);
    for (const { weight } of weights) {
      const loaded = weight.resources.map((r) => r.url);
      for (const file of mapOnly) {
        expect(weight.html, `${weight.url} mentions ${file}`).not.toContain(file);
        expect(loaded, weight.url).not.toContain(file);
      }
    }
    const map = await pageWeight(t.app, '/es/map');
    expect(map.resources.map((r) => r.url)).toContain(islandAssets('map').script);
    const lite = await pageWeight(t.app, '/es/map', { 'save-data': 'on' });
    for (const file of mapOnly) expect(lite.html).not.toContain(file);
  });

  it('keeps every budgeted page usable without JavaScript', () => {
    const problems = weights.flatMap(({ weight }) => noJsProblems(weight.html).map((p) => `${weight.url}: ${p}`));
    expect(problems).toEqual([]);
  });
});
