// The map's clusters endpoint with a large generated directory: time to build the cluster index (query + load),
// p50/p95 of GET /api/v1/map/clusters at three zoom levels over a phone-sized and a desktop-sized view, a
// filtered index's build, answer sizes, rss, and the basemap's compressed bytes. PGlite, and PostgreSQL when a
// server answers. Options: --services N (default 100000), --requests N per zoom (default 200),
// --engine pglite|postgres|both (default both).
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/http/app.js';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { basemapBytes } from '../src/server/features/map/map.basemap.js';
import { percentiles, pgliteBenchDb, postgresBenchDb, type BenchDb } from './support.js';

const ZOOMS = [4, 8, 12];
const VIEWPORT = { width: 1280, height: 800 };

/** The bbox a viewport of this size shows around a centre at a zoom (512-pixel tiles, as MapLibre). */
function viewBbox(lon: number, lat: number, zoom: number): string {
  const degreesPerPixel = 360 / (512 * 2 ** zoom);
  const halfW = (VIEWPORT.width / 2) * degreesPerPixel;
  const halfH = (VIEWPORT.height / 2) * degreesPerPixel * Math.cos((lat * Math.PI) / 180);
  const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v)).toFixed(5);
  return [clamp(lon - halfW, 180), clamp(lat - halfH, 85), clamp(lon + halfW, 180), clamp(lat + halfH, 85)].join(',');
}

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
  const pick = <T>(list: readonly T[], i: number) => list[(i * 7919) % list.length] as T;
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
      const app = await buildApp({ db: bench.db });
      await app.ready();
      const get = async (url: string) => {
        const t0 = performance.now();
        const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
        return { ms: performance.now() - t0, bytes: res.rawPayload.length };
      };
      const indexBuildMs = (await get(`/api/v1/map/clusters?bbox=-120,3,-56,35&zoom=3`)).ms;
      const filteredBuildMs = (await get(`/api/v1/map/clusters?bbox=-120,3,-56,35&zoom=3&category=shelter`)).ms;
      const zooms: Record<string, unknown> = {};
      const all: number[] = [];
      for (const zoom of ZOOMS) {
        const url = (i: number) => {
          const [lon, lat] = pick(centres, i + zoom);
          return `/api/v1/map/clusters?bbox=${viewBbox(lon, lat, zoom)}&zoom=${zoom}`;
        };
        for (let i = 0; i < 10; i++) await get(url(i)); // warm-up
        const samples: number[] = [];
        const sizes: number[] = [];
        for (let i = 0; i < requests; i++) {
          const { ms, bytes } = await get(url(i));
          samples.push(ms);
          sizes.push(bytes);
        }
        all.push(...samples);
        zooms[`z${zoom}`] = { ...percentiles(samples), br_bytes_p50: percentiles(sizes).p50 };
      }
      engines[engine] = {
        load_s: Math.round(loadS * 10) / 10,
        index_build_ms: Math.round(indexBuildMs),
        filtered_index_build_ms: Math.round(filteredBuildMs),
        clusters_ms: zooms,
        map_p95_ms: percentiles(all).p95,
        rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      };
      console.error(engine, JSON.stringify(engines[engine]));
      await app.close();
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
