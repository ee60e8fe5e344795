// The map page's scripts, from Vite's manifest: the tiny loader island the page links (map.client.ts), and the
// map itself (MapLibre, src/client/map/map-view.client.ts) that the loader imports only when the map is wanted.
// Also what showing the map costs a phone, as the button says: the compressed bytes of the map module, its
// stylesheet, MapLibre's worker and the 1:110m basemap, compressed as this server sends them (brotli, quality 5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { ISLANDS_DIR, islandAssets } from '../../http/assets.js';
import { basemap } from './map.basemap.js';

const MAP_VIEW = 'src/client/map/map-view.client.ts';

interface ManifestEntry {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
}

export interface MapAssets {
  /** The loader island: its script and stylesheet are in the page. */
  script: string;
  styles: string[];
  /** The map module the loader imports on demand; the loader asks the device's caches whether it is kept. */
  viewScript: string;
  /** The map module's stylesheets and MapLibre's worker, named in the page so "save for offline" stores them. */
  viewFiles: string[];
  /** About how many kilobytes showing the map downloads the first time (rounded to tens). */
  downloadKb: number;
}

let cached: MapAssets | undefined;

function compressedBytes(body: Buffer): number {
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
}

/** Computed once per process (about 50 ms: the client does not change while the server runs). */
export function mapAssets(): MapAssets {
  if (cached) return cached;
  const loader = islandAssets('map');
  const manifest = JSON.parse(readFileSync(path.join(ISLANDS_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  const view = manifest[MAP_VIEW];
  if (!view) throw new Error(`${MAP_VIEW} is not built: run "npm run build:client"`);
  const files = new Set<string>();
  const visit = (entry: ManifestEntry | undefined) => {
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const file of [...(entry.css ?? []), ...(entry.assets ?? [])]) files.add(file);
    for (const key of entry.imports ?? []) visit(manifest[key]);
  };
  visit(view);
  let bytes = compressedBytes(basemap('110m'));
  for (const file of files) bytes += compressedBytes(readFileSync(path.join(ISLANDS_DIR, file)));
  cached = {
    script: loader.script,
    styles: loader.styles,
    viewScript: `/${view.file}`,
    viewFiles: [...files].filter((file) => file !== view.file).map((file) => `/${file}`),
    downloadKb: Math.max(10, Math.round(bytes / 10240) * 10),
  };
  return cached;
}
