// Search at scale: p50/p95 of text, typo, near-me (nearest 20 within 10 km) and box+category searches through the
// search service (corrections, tsquery, ranking, summaries), typo recall@1 on a generated misspelling set, and the
// map's clusters endpoint at three zoom levels around the region's places (bench/map-endpoint.ts).
// Options: --services N (default 100000), --engine pglite|postgres (default pglite), --queries N (default 200).
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { DEMO_PLACES } from '../src/server/features/demo/demo-places.js';
import { createRng } from '../src/server/features/demo/demo-support.js';
import { searchServices, type SearchInput } from '../src/server/features/search/search.service.js';
import { foldWord } from '../src/server/features/search/search-text.js';
import type { Db } from '../src/server/db/db.js';
import { percentiles, pgliteBenchDb, postgresBenchDb } from './support.js';
import { timeMapEndpoint } from './map-endpoint.js';

const CATEGORIES = ['legal-aid-asylum', 'shelter', 'health', 'food', 'employment-livelihoods', 'education'];
// prettier-ignore
const TEXT_QUERIES = ['albergue', 'comedor', 'asesoría jurídica', 'abogado', 'lawyer', 'shelter', 'clínica', 'clinic',
  'médico', 'asilo', 'asylum', 'duchas', 'trabajo', 'job', 'clases de español', 'familiares desaparecidos', 'remesas',
  'psicológico', 'pasaporte', 'hébergement', 'avocat', 'lojman', 'manje', 'advogado', 'abrigo', 'comida caliente',
  'Tapachula', 'legal advice', 'mujeres violencia', 'información rutas'];

/** One deterministic keyboard slip: a swap, a dropped, doubled or replaced letter. */
function misspell(word: string, rng: ReturnType<typeof createRng>): string {
  const chars = [...word];
  const i = rng.int(1, chars.length - 2);
  const kind = rng.int(0, 3);
  if (kind === 0) [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else if (kind === 1) chars.splice(i, 1);
  else if (kind === 2) chars.splice(i, 0, chars[i] ?? '');
  else chars[i] = 'aeioustrnl'[rng.int(0, 9)] ?? 'a';
  return chars.join('');
}

async function timed(samples: number[], work: () => Promise<unknown>) {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: {
      services: { type: 'string', default: '100000' },
      engine: { type: 'string', default: 'pglite' },
      queries: { type: 'string', default: '200' },
    },
  });
  const serviceCount = Number(values.services);
  const queries = Number(values.queries);
  const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
  const bench =
    engine === 'postgres'
      ? await postgresBenchDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
      : await pgliteBenchDb();
  if (!bench) throw new Error('No PostgreSQL server answered (set BENCH_DATABASE_URL).');
  try {
    const loadS = await load(bench.db, serviceCount);
    const db = bench.db;
    const rng = createRng(7);
    const window = { limit: 20, offset: 0 };
    const search = (input: SearchInput) => searchServices(db, input, window);

    const text: number[] = [];
    for (let i = 0; i < queries; i++) {
      await timed(text, () => search({ q: TEXT_QUERIES[i % TEXT_QUERIES.length] }));
    }
    const typoSet = await misspellings(db, rng, queries);
    const typo: number[] = [];
    let correct = 0;
    for (const { wrong, right } of typoSet) {
      const result = await timed(typo, () => search({ q: wrong }));
      const meant = (result as Awaited<ReturnType<typeof search>>).did_you_mean;
      if (meant && foldWord(meant) === right) correct++;
    }
    const near: number[] = [];
    const bbox: number[] = [];
    const places = DEMO_PLACES.filter((p) => p.weight > 0);
    for (let i = 0; i < queries; i++) {
      const place = places[i % places.length] ?? places[0];
      if (!place) break;
      const latitude = place.latitude + (rng.next() - 0.5) * 0.05;
      const longitude = place.longitude + (rng.next() - 0.5) * 0.05;
      await timed(near, () => search({ near: { latitude, longitude }, radiusKm: 10 }));
      const half = 0.1 + rng.next() * 0.4;
      const box = { west: longitude - half, south: latitude - half, east: longitude + half, north: latitude + half };
      const category = CATEGORIES[i % CATEGORIES.length];
      await timed(bbox, () => search({ bbox: box, category }));
    }
    const map = await timeMapEndpoint(
      db,
      places.map((p) => [p.longitude, p.latitude] as const),
      queries,
    );
    // The process's memory includes the generated directory (~600 MB), garbage by now that nothing made the collector
    // take (collecting it before the searches made them slower); the live heap is read after collecting it, once
    // every timing is taken.
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    (globalThis as { gc?: () => void }).gc?.();
    const heapLiveMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    const figures = {
      text: percentiles(text),
      typo: percentiles(typo),
      near: percentiles(near),
      bbox: percentiles(bbox),
      map: map.clusters_ms,
    };
    console.log(JSON.stringify({ detail: figures, typo_set: typoSet.length, map_index_build_ms: map.index_build_ms }));
    return {
      engine,
      services: serviceCount,
      search_p95_ms: figures.text.p95,
      typo_p95_ms: figures.typo.p95,
      near_p95_ms: figures.near.p95,
      bbox_p95_ms: figures.bbox.p95,
      map_p95_ms: map.map_p95_ms,
      typo_recall_at_1: typoSet.length ? Math.round((correct / typoSet.length) * 1000) / 1000 : null,
      load_s: Math.round(loadS * 10) / 10,
      rss_mb: rssMb,
      heap_live_mb: heapLiveMb,
    };
  } finally {
    await bench.drop();
  }
}

/**
 * Generates and loads the directory, in seconds. The generated objects (hundreds of megabytes) are garbage once it
 * returns, so that collecting them does not pause the searches measured after; the checkpoint writes the loaded
 * pages out now, so that PostgreSQL's spread checkpoint (half a minute of writes after a load this size) does not
 * run beside the searches measured (a site's searches run long after its data was loaded).
 */
async function load(db: Db, serviceCount: number): Promise<number> {
  const directory = buildSyntheticDirectory(serviceCount);
  const start = performance.now();
  await insertDirectory(db, directory);
  await db.withSession(async (s) => {
    await s.exec('VACUUM ANALYZE');
    await s.exec('CHECKPOINT');
  });
  return (performance.now() - start) / 1000;
}

/** Words of the directory (6+ letters, from the lexicon) each with a slip that is not itself a known word. */
async function misspellings(db: Db, rng: ReturnType<typeof createRng>, count: number) {
  const { rows } = await sql<{ word: string }>`
    SELECT word FROM search_lexicon WHERE length(word) >= 6 ORDER BY frequency DESC, word LIMIT 400`.execute(db.query);
  const known = new Set(
    (await sql<{ word: string }>`SELECT word FROM search_lexicon`.execute(db.query)).rows.map((r) => r.word),
  );
  const set: { wrong: string; right: string }[] = [];
  for (let i = 0; set.length < count && i < count * 10 && rows.length; i++) {
    const right = rows[i % rows.length]?.word ?? '';
    const wrong = misspell(right, rng);
    if (!known.has(wrong) && wrong !== right) set.push({ wrong, right });
  }
  return set;
}
