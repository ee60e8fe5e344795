// Static assets served under content-hashed names with a year-long immutable cache: a phone downloads the
// stylesheet once per release. Client islands are bundled by Vite (`npm run build:client`, vite.config.ts) into
// dist/client; its manifest maps each island's source to its hashed script and stylesheets.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const CLIENT_DIR = fileURLToPath(new URL('../../client/', import.meta.url));
const SOURCES = [path.join(CLIENT_DIR, 'styles'), path.join(CLIENT_DIR, 'static')];
/** Vite's output (see vite.config.ts); its file names already carry a content hash. */
export const ISLANDS_DIR = fileURLToPath(new URL('../../../dist/client/', import.meta.url));
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

interface Asset {
  url: string;
  body: Buffer;
  type: string;
}

function collectAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const dir of SOURCES) {
    for (const file of readdirSync(dir)) {
      const ext = path.extname(file);
      const type = TYPES[ext];
      if (!type) continue;
      const body = readFileSync(path.join(dir, file));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      assets.set(file, { url: `/assets/${path.basename(file, ext)}.${hash}${ext}`, body, type });
    }
  }
  return assets;
}

/** Vite's build output, by URL; empty when the client has not been built. */
function collectIslandFiles(): Asset[] {
  const dir = path.join(ISLANDS_DIR, 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((file) => {
    const type = TYPES[path.extname(file)];
    return type ? [{ url: `/assets/${file}`, body: readFileSync(path.join(dir, file)), type }] : [];
  });
}

interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
}

function readManifest(): Record<string, ManifestEntry> {
  const file = path.join(ISLANDS_DIR, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestEntry>) : {};
}

const assets = collectAssets();
const islandFiles = collectIslandFiles();
const manifest = readManifest();

/** The public, hashed URL of an asset by its source file name, e.g. assetUrl('app.css'). */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return asset.url;
}

/** The hashed script and stylesheets of an island, e.g. islandAssets('map') for src/client/islands/map.client.ts. */
export function islandAssets(name: string): { script: string; styles: string[]; imports: string[] } {
  const entry = manifest[`src/client/islands/${name}.client.ts`];
  if (!entry) throw new Error(`Island ${name} is not built: run "npm run build:client"`);
  const styles = new Set(entry.css ?? []);
  const imports = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || imports.has(chunk.file)) return;
    imports.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const imported of entry.imports ?? []) visit(imported);
  return {
    script: `/${entry.file}`,
    styles: [...styles].map((file) => `/${file}`),
    /** Chunks the script imports (shared code), for preloading and the service worker's precache. */
    imports: [...imports].map((file) => `/${file}`),
  };
}

export function registerAssets(app: FastifyInstance): void {
  for (const asset of [...assets.values(), ...islandFiles]) {
    app.get(asset.url, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body),
    );
  }
}
