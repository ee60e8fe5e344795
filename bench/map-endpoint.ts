// The map's clusters endpoint timed on a loaded database, shared by the map and search benchmarks: the cluster
// index's build (all services, then one category), then p50/p95 and answer sizes at three zoom levels over a
// desktop-sized view centred on the given places.
import { buildApp } from '../src/server/http/app.js';
import type { Db } from '../src/server/db/db.js';
import { percentiles } from './support.js';

export const ZOOMS = [4, 8, 12];
export const VIEWPORT = { width: 1280, height: 800 };

/** The bbox a viewport of this size shows around a centre at a zoom (512-pixel tiles, as MapLibre). */
function viewBbox(lon: number, lat: number, zoom: number): string {
  const degreesPerPixel = 360 / (512 * 2 ** zoom);
  const halfW = (VIEWPORT.width / 2) * degreesPerPixel;
  const halfH = (VIEWPORT.height / 2) * degreesPerPixel * Math.cos((lat * Math.PI) / 180);
  const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v)).toFixed(5);
  return [clamp(lon - halfW, 180), clamp(lat - halfH, 85), clamp(lon + halfW, 180), clamp(lat + halfH, 85)].join(',');
}

export interface MapEndpointFigures {
  index_build_ms: number;
  filtered_index_build_ms: number;
  clusters_ms: Record<string, ReturnType<typeof percentiles> & { br_bytes_p50: number }>;
  map_p95_ms: number;
}

/** `requests` answers per zoom (after ten unmeasured ones), views centred on `centres` ([lon, lat]) in turn. */
export async function timeMapEndpoint(
  db: Db,
  centres: readonly (readonly [number, number])[],
  requests: number,
): Promise<MapEndpointFigures> {
  const app = await buildApp({ db });
  await app.ready();
  try {
    const pick = (i: number) => centres[(i * 7919) % centres.length] ?? [0, 0];
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
      return { ms: performance.now() - t0, bytes: res.rawPayload.length };
    };
    const indexBuildMs = (await get(`/api/v1/map/clusters?bbox=-120,3,-56,35&zoom=3`)).ms;
    const filteredBuildMs = (await get(`/api/v1/map/clusters?bbox=-120,3,-56,35&zoom=3&category=shelter`)).ms;
    const zooms: MapEndpointFigures['clusters_ms'] = {};
    const all: number[] = [];
    for (const zoom of ZOOMS) {
      const url = (i: number) => {
        const [lon, lat] = pick(i + zoom);
        return `/api/v1/map/clusters?bbox=${viewBbox(lon, lat, zoom)}&zoom=${zoom}`;
      };
      for (let i = 0; i < 10; i++) await get(url(i));
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
    return {
      index_build_ms: Math.round(indexBuildMs),
      filtered_index_build_ms: Math.round(filteredBuildMs),
      clusters_ms: zooms,
      map_p95_ms: percentiles(all).p95,
    };
  } finally {
    await app.close();
  }
}
