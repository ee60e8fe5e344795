// Server render time (p50/p95, through app.inject: routing, queries, rendering, compression) of the service list
// and detail pages with a large generated directory, on PGlite and on PostgreSQL; and the compressed bytes of the
// home, list and detail pages. Options: --services N (default 100000), --requests N (default 200).
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildApp } from '../src/server/http/app.js';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { percentiles, pgliteBenchDb, postgresBenchDb, type BenchDb } from './support.js';

const CATEGORIES = ['legal-aid-asylum', 'shelter', 'health', 'food', 'employment-livelihoods'];
const COUNTRIES = ['MX', 'GT', 'CR', 'PA', 'HN', 'DO'];

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { services: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' } },
  });
  const serviceCount = Number(values.services);
  const requests = Number(values.requests);
  const started = Date.now();
  const directory = buildSyntheticDirectory(serviceCount);
  const buildMs = Date.now() - started;
  const engines: Record<string, unknown> = {};

  const targets: [string, () => Promise<BenchDb | null>][] = [
    ['pglite', pgliteBenchDb],
    [
      'postgres',
      () => postgresBenchDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    ],
  ];
  let bytes: Record<string, unknown> = {};
  for (const [engine, open] of targets) {
    const bench = await open();
    if (!bench) {
      engines[engine] = 'skipped: no server';
      continue;
    }
    try {
      const insertStart = Date.now();
      await insertDirectory(bench.db, directory);
      await bench.db.withSession((s) => s.exec('ANALYZE'));
      const insertMs = Date.now() - insertStart;
      const app = await buildApp({ db: bench.db });
      await app.ready();
      const ids = directory.services.map((s) => String(s.id));
      const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
      const listUrl = (i: number) => {
        const variants = [
          '/es/services',
          `/es/services?page=${1 + (i % 50)}`,
          `/en/services?country=${pick(COUNTRIES, i)}`,
          `/es/services?category=${pick(CATEGORIES, i)}`,
          `/fr/services?country=${pick(COUNTRIES, i)}&category=${pick(CATEGORIES, i + 1)}`,
          '/es/services?population=women&language=es',
        ];
        return pick(variants, i);
      };
      const time = async (url: (i: number) => string) => {
        for (let i = 0; i < 10; i++) await app.inject(url(i)); // warm-up
        const samples: number[] = [];
        for (let i = 0; i < requests; i++) {
          const t0 = performance.now();
          const res = await app.inject({ url: url(i), headers: { 'accept-encoding': 'br, gzip' } });
          samples.push(performance.now() - t0);
          if (res.statusCode !== 200) throw new Error(`${url(i)} answered ${res.statusCode}`);
        }
        return percentiles(samples);
      };
      engines[engine] = {
        insert_ms: insertMs,
        list_ms: await time(listUrl),
        detail_ms: await time((i) => `/es/services/${pick(ids, i * 7919)}`),
      };
      if (engine === 'pglite') bytes = await pageBytes(app, ids[0] ?? '');
      await app.close();
    } finally {
      await bench.drop();
    }
  }
  return {
    bench: 'pages',
    services: serviceCount,
    requests,
    build_directory_ms: buildMs,
    engines,
    compressed_bytes: bytes,
  };
}

async function pageBytes(app: Awaited<ReturnType<typeof buildApp>>, serviceId: string) {
  const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/;
  const sizes: Record<string, { html_br: number; html_gzip: number; css_br: number; total_br: number }> = {};
  for (const [name, url] of [
    ['home', '/es'],
    ['list', '/es/services'],
    ['detail', `/es/services/${serviceId}`],
  ] as const) {
    const res = await app.inject(url);
    const html = Buffer.from(res.body);
    const cssUrl = css.exec(res.body)?.[1];
    const cssBody = cssUrl ? Buffer.from((await app.inject(cssUrl)).body) : Buffer.alloc(0);
    const br = (b: Buffer) => brotliCompressSync(b).length;
    sizes[name] = {
      html_br: br(html),
      html_gzip: gzipSync(html).length,
      css_br: br(cssBody),
      total_br: br(html) + br(cssBody),
    };
  }
  return sizes;
}
