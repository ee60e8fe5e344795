// Static assets served under content-hashed names with a year-long immutable cache: a phone downloads the
// stylesheet once per release. (Client islands, when they come, are bundled by Vite and listed the same way.)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const CLIENT_DIR = fileURLToPath(new URL('../../client/', import.meta.url));
const SOURCES = [path.join(CLIENT_DIR, 'styles'), path.join(CLIENT_DIR, 'static')];
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
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

const assets = collectAssets();

/** The public, hashed URL of an asset by its source file name, e.g. assetUrl('app.css'). */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return asset.url;
}

export function registerAssets(app: FastifyInstance): void {
  for (const asset of assets.values()) {
    app.get(asset.url, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body),
    );
  }
}
