// `npm run bench -- weight`: what Rumbo costs a phone in data. The app on PGlite with the demo directory: per page
// (home, list, service, country, map, print directory) the HTML / CSS / JS bytes raw and as the server sends them
// with gzip and brotli, images aside; and per country pack (features/packs, when present) raw / gzip / brotli bytes
// for every demo country and for a synthetic country of 5,000 services (the search benchmark's generator).
// Options: --locale es (default), --services 5000 (the synthetic country's size).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Db } from '../src/server/db/db.js';
import { buildApp } from '../src/server/http/app.js';
import { isLocale, type Locale } from '../src/server/i18n/i18n.js';
import { seedDemo, insertDirectory } from '../src/server/features/demo/demo.service.js';
import { seedDemoNews } from '../src/server/features/news/news-demo.service.js';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { BUDGET_BYTES, pageWeight } from '../tests/budgets/page-weight.js';
import { pgliteBenchDb } from './support.js';

const PACKS = fileURLToPath(new URL('../src/server/features/packs/packs.service.ts', import.meta.url));
const PACK_BUDGET_5000 = 600 * 1024;

type BuildCountryPack = (
  db: Db,
  country: string,
  locale: Locale,
) => Promise<{ body: string; version: string; hash: string; services: number; kind: string }>;

/** The pack builder another feature provides; null while features/packs does not exist. */
async function packBuilder(): Promise<BuildCountryPack | null> {
  if (!existsSync(PACKS)) return null;
  const module = (await import(pathToFileURL(PACKS).href)) as { buildCountryPack?: BuildCountryPack };
  return module.buildCountryPack ?? null;
}

function sizes(body: string) {
  const buffer = Buffer.from(body);
  return {
    raw: buffer.length,
    // As the server's compression sends it (zlib defaults; brotli quality 5, see http/app.ts) …
    gzip: gzipSync(buffer).length,
    br: brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }).length,
    // … and compressed once at the highest settings (a static, precompressed file).
    gzip9: gzipSync(buffer, { level: 9 }).length,
    br11: brotliCompressSync(buffer).length,
  };
}

/** What the service worker downloads when it installs: /sw.js and its precache list, as the server sends them. */
async function shellWeight(app: Awaited<ReturnType<typeof buildApp>>) {
  const worker = await app.inject('/sw.js');
  const precache = JSON.parse(/^self\.__RUMBO_PRECACHE = (.*);$/m.exec(worker.body)?.[1] ?? '{"urls":[]}') as {
    urls: string[];
  };
  const total = { files: 0, br: 0, gzip: 0, raw: 0 };
  for (const url of ['/sw.js', ...precache.urls]) {
    const bytes = async (encoding: string) =>
      (await app.inject({ url, headers: { 'accept-encoding': encoding } })).rawPayload.length;
    total.files += 1;
    total.br += await bytes('br');
    total.gzip += await bytes('gzip');
    total.raw += await bytes('identity');
  }
  return total;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { locale: { type: 'string', default: 'es' }, services: { type: 'string', default: '5000' } },
  });
  const locale = values.locale;
  if (!isLocale(locale)) throw new Error(`Unknown locale ${locale}`);
  const syntheticCount = Number(values.services);

  const bench = await pgliteBenchDb();
  const pages: Record<string, unknown> = {};
  const packs: Record<string, unknown> = {};
  try {
    await seedDemo(bench.db);
    await seedDemoNews(bench.db);
    const app = await buildApp({ db: bench.db });
    await app.ready();
    const list = (await app.inject(`/${locale}/services`)).body;
    const serviceId = new RegExp(`href="/${locale}/services/([0-9a-f-]{36})"`).exec(list)?.[1];
    const targets: [string, string][] = [
      ['home', `/${locale}`],
      ['list', `/${locale}/services`],
      ['service', `/${locale}/services/${serviceId}`],
      ['country', `/${locale}/countries/mx`],
      ['map', `/${locale}/map`],
      ['map_lite', `/${locale}/map`],
      ['print', `/${locale}/print/mx`],
    ];
    console.log(
      `page (${locale})      html br/gzip/raw        css br/gzip/raw         js br/gzip/raw          total br/gzip`,
    );
    for (const [name, url] of targets) {
      const weight = await pageWeight(app, url, name === 'map_lite' ? { 'save-data': 'on' } : {});
      if (weight.status !== 200) {
        pages[name] = `skipped: ${url} answered ${weight.status}`;
        console.log(`${name.padEnd(16)} skipped (${weight.status})`);
        continue;
      }
      const { html, css, js } = weight.byKind;
      pages[name] = {
        url,
        html,
        css,
        js,
        total: weight.totals,
        files: weight.resources.length,
        within_30kb: weight.totals.br <= BUDGET_BYTES && weight.totals.gzip <= BUDGET_BYTES,
      };
      const f = (s: { br: number; gzip: number; raw: number }) => `${s.br}/${s.gzip}/${s.raw}`.padEnd(24);
      console.log(`${name.padEnd(16)} ${f(html)}${f(css)}${f(js)}${weight.totals.br}/${weight.totals.gzip}`);
    }
    pages.service_worker_shell = await shellWeight(app);
    console.log(`service worker shell (installed on first visit): ${JSON.stringify(pages.service_worker_shell)}`);
    await app.close();

    const build = await packBuilder();
    if (!build) {
      packs.skipped = 'src/server/features/packs/packs.service.ts does not exist yet';
    } else {
      const countries = await bench.db.query
        .selectFrom('locations')
        .select('country_code')
        .distinct()
        .where('country_code', 'is not', null)
        .orderBy('country_code')
        .execute();
      const demo: Record<string, unknown> = {};
      for (const { country_code } of countries) {
        const pack = await build(bench.db, String(country_code), locale);
        demo[String(country_code)] = { services: pack.services, ...sizes(pack.body) };
        console.log(`pack ${country_code}: ${JSON.stringify(demo[String(country_code)])}`);
      }
      packs.demo = demo;
    }
  } finally {
    await bench.drop();
  }

  const build = await packBuilder();
  if (build) {
    const synthetic = await pgliteBenchDb();
    try {
      const directory = buildSyntheticDirectory(syntheticCount);
      // Every place moved into one country, so the pack holds all of them.
      await insertDirectory(synthetic.db, {
        ...directory,
        locations: directory.locations.map((l) => ({ ...l, country_code: 'MX' })),
        addresses: directory.addresses.map((a) => ({ ...a, country_code: 'MX' })),
      });
      await synthetic.db.withSession((s) => s.exec('ANALYZE'));
      const started = performance.now();
      const pack = await build(synthetic.db, 'MX', locale);
      const buildMs = Math.round(performance.now() - started);
      const measured = sizes(pack.body);
      packs.synthetic = {
        country: 'MX',
        services: pack.services,
        build_ms: buildMs,
        ...measured,
        budget_bytes: Math.round((PACK_BUDGET_5000 * syntheticCount) / 5000),
        within_budget: Math.max(measured.gzip, measured.br) <= (PACK_BUDGET_5000 * syntheticCount) / 5000,
      };
      console.log(`pack synthetic MX: ${JSON.stringify(packs.synthetic)}`);
    } finally {
      await synthetic.drop();
    }
  }
  return { bench: 'weight', locale, budget_page_bytes: BUDGET_BYTES, pages, packs };
}
