// Measures the printable directory: time and bytes to render /es/print/{CC} for the demo's largest country and for
// a country of 5,000 services (the synthetic generator of bench/search.bench.ts, every location moved into one
// country). Run: npm run bench -- print   (prints one JSON object last)
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { pgliteBenchDb } from './support.js';
import { buildApp } from '../src/server/http/app.js';
import { seedDemo, insertDirectory } from '../src/server/features/demo/demo.service.js';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { siteFacts } from '../src/server/features/site/site.service.js';

async function measure(label: string, setup: (db: Awaited<ReturnType<typeof pgliteBenchDb>>['db']) => Promise<void>) {
  const bench = await pgliteBenchDb();
  try {
    await setup(bench.db);
    const facts = await siteFacts(bench.db)();
    const largest = [...facts.countries].sort((a, b) => b.services - a.services)[0];
    if (!largest) throw new Error('no services');
    const app = await buildApp({ db: bench.db, publicUrl: 'https://rumbo.example.org' });
    await app.ready();
    const url = `/es/print/${largest.country_code}`;
    const times: number[] = [];
    let body = '';
    let parts = 1;
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      const res = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      times.push(Math.round(performance.now() - start));
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      body = res.body;
      parts = Number(/Parte \d+ de (\d+)/.exec(body)?.[1] ?? 1);
    }
    const lastStart = performance.now();
    const last = await app.inject({ url: `${url}?page=${parts}`, headers: { 'accept-encoding': 'identity' } });
    const lastMs = Math.round(performance.now() - lastStart);
    await app.close();
    return {
      label,
      country: largest.country_code,
      services_in_country: largest.services,
      parts,
      entries_first_part: body.match(/<article class="print-entry"/g)?.length ?? 0,
      qr_codes_first_part: body.match(/<svg /g)?.length ?? 0,
      cold_ms: times[0],
      warm_ms: times.slice(1),
      last_part_ms: lastMs,
      last_part_status: last.statusCode,
      html_bytes: Buffer.byteLength(body),
      gzip_bytes: gzipSync(body).length,
      brotli5_bytes: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }).length,
    };
  } finally {
    await bench.drop();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const demo = await measure('demo', async (db) => {
    await seedDemo(db);
  });
  const synthetic = await measure('synthetic 5000 in one country', async (db) => {
    const directory = buildSyntheticDirectory(5000);
    const moved = { ...directory, locations: directory.locations.map((l) => ({ ...l, country_code: 'MX' })) };
    await insertDirectory(db, moved);
  });
  return { demo, synthetic, rss_mb: Math.round(process.memoryUsage().rss / 1e6) };
}
