// The map's clusters endpoint with a large generated directory: time to build the cluster index (query + load),
// p50/p95 of GET /api/v1/map/clusters at three zoom levels over a desktop-sized view (bench/map-endpoint.ts), a
// filtered index's build, answer sizes, rss, and the basemap's compressed bytes. PGlite, and PostgreSQL when a
// server answers. Options: --services N (default 100000), --requests N per zoom (default 200),
// --engine pglite|postgres|both (default both).
import { parseArgs } from 'node:util';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { basemapBytes } from '../src/server/features/map/map.basemap.js';
import { pgliteBenchDb, postgresBenchDb, type BenchDb } from './support.js';
import { timeMapEndpoint, VIEWPORT } from './map-endpoint.js';

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: {
      services: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '200' },
      engine: { type: 'string', default: 'both' },
    },
  });
  const serviceCount = Number(values.services);
  const requests = Number(values.requests);
  const directory = buildSyntheticDirectory(serviceCount);
  const centres = directory.locations.map((l) => [l.longitude, l.latitude] as [number, number]);
  const engines: Record<string, unknown> = {};

  const targets: [string, () => Promise<BenchDb | null>][] = [
    ['pglite', pgliteBenchDb],
    [
      'postgres',
      () => postgresBenchDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    ],
  ];
  for (const [engine, open] of targets) {
    if (values.engine !== 'both' && values.engine !== engine) continue;
    const bench = await open();
    if (!bench) {
      engines[engine] = 'skipped: no server';
      continue;
    }
    try {
      const insertStart = performance.now();
      await insertDirectory(bench.db, directory);
      await bench.db.withSession((s) => s.exec('ANALYZE'));
      const loadS = (performance.now() - insertStart) / 1000;
      const figures = await timeMapEndpoint(bench.db, centres, requests);
      engines[engine] = {
        load_s: Math.round(loadS * 10) / 10,
        ...figures,
        rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      };
      console.error(engine, JSON.stringify(engines[engine]));
    } finally {
      await bench.drop();
    }
  }
  const basemap = Object.fromEntries(
    (['110m', '50m'] as const).map((d) => {
      const { raw, gzip } = basemapBytes(d);
      return [d, { raw, gzip }];
    }),
  );
  const pglite = engines.pglite as { map_p95_ms?: number } | undefined;
  return {
    bench: 'map',
    services: serviceCount,
    requests_per_zoom: requests,
    viewport: VIEWPORT,
    engines,
    basemap_bytes: basemap,
    map_p95_ms: pglite?.map_p95_ms,
    rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}
