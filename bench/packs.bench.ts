// Country packs: for synthetic countries of 1,000 / 5,000 / 20,000 services on PGlite, the raw, gzip and brotli
// bytes of each full pack (compressed as the app does: gzip level 6, brotli quality 5), the build time (first and
// cached), and a delta after 50 edits. Options: --sizes 1000,5000,20000 --locale es.
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { syntheticCountryDirectory } from '../src/server/features/packs/synthetic-country.js';
import { buildCountryPack, packBudgetBytes } from '../src/server/features/packs/packs.service.js';
import { isLocale } from '../src/server/i18n/i18n.js';
import { pgliteBenchDb } from './support.js';

// Countries of the demo's region, one per size (their names exist in every locale file).
const COUNTRIES = ['GT', 'HN', 'SV', 'NI', 'CR', 'PA'];

const round = (value: number) => Math.round(value * 10) / 10;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: round(performance.now() - start) };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { sizes: { type: 'string', default: '1000,5000,20000' }, locale: { type: 'string', default: 'es' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  const locale = isLocale(values.locale) ? values.locale : 'es';
  const bench = await pgliteBenchDb();
  const figures: Record<string, unknown>[] = [];
  try {
    for (const [i, size] of sizes.entries()) {
      const country = COUNTRIES[i % COUNTRIES.length] ?? 'GT';
      const directory = syntheticCountryDirectory(size, country, 100 + i);
      const load = await timed(() => insertDirectory(bench.db, directory));
      // As if loaded yesterday: a delta re-sends the latest change's whole transaction (here, the bulk load).
      const yesterday = new Date(Date.now() - 86_400_000);
      for (const table of ['services', 'organizations', 'locations'] as const) {
        await bench.db.query.updateTable(table).set({ updated_at: yesterday }).execute();
      }
      const first = await timed(() => buildCountryPack(bench.db, country, locale));
      const cached = await timed(() => buildCountryPack(bench.db, country, locale));
      const { body, version, services } = first.result;
      const bytes = {
        raw: Buffer.byteLength(body),
        gzip: gzipSync(body).length,
        brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
      };

      // 50 edits: new names for 50 services of the country, then a delta since the version before.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const edited = directory.services.slice(0, 50).map((s) => s.id);
      await bench.db.query
        .updateTable('services')
        .set({ name: JSON.stringify({ es: 'Servicio editado', en: 'Edited service' }), updated_at: new Date() })
        .where('id', 'in', edited)
        .execute();
      const delta = await timed(() => buildCountryPack(bench.db, country, locale, { since: version }));
      const deltaBytes = {
        raw: Buffer.byteLength(delta.result.body),
        gzip: gzipSync(delta.result.body).length,
        brotli: brotliCompressSync(delta.result.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
      };
      const row = {
        services: size,
        country,
        pack_services: services,
        load_s: round(load.ms / 1000),
        bytes,
        bytes_per_service_gzip: round(bytes.gzip / services),
        budget_gzip: packBudgetBytes(services),
        within_budget: bytes.gzip <= packBudgetBytes(services) && bytes.brotli <= packBudgetBytes(services),
        build_ms: { first: first.ms, cached: cached.ms },
        delta_after_50_edits: {
          kind: delta.result.kind,
          services: delta.result.services,
          ms: delta.ms,
          bytes: deltaBytes,
        },
      };
      console.log(
        `${size} services (${country}, ${locale}): raw ${bytes.raw} B, gzip ${bytes.gzip} B, brotli ${bytes.brotli} B; ` +
          `build ${first.ms} ms, cached ${cached.ms} ms; delta after 50 edits: ${delta.result.kind}, ` +
          `${delta.result.services} services, gzip ${deltaBytes.gzip} B in ${delta.ms} ms`,
      );
      figures.push(row);
    }
  } finally {
    await bench.drop();
  }
  return { bench: 'packs', engine: 'pglite', locale, packs: figures };
}
