// What the service worker stores at install (the app shell) and the build id that names its cache. The list is
// made once per process from the same asset registry the pages use, so it always names the files this release
// serves; it is prepended to the bundled worker (dist/sw/sw.js) as `self.__RUMBO_PRECACHE`. Any change to the
// worker, an asset or a UI string changes the bytes of /sw.js, and browsers install the new worker.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../i18n/i18n.js';
import { assetUrl, islandAssets } from '../../http/assets.js';

const SW_FILE = fileURLToPath(new URL('../../../../dist/sw/sw.js', import.meta.url));
const LOCALES_DIR = fileURLToPath(new URL('../../i18n/locales/', import.meta.url));

/** Islands a page may need with no network: the worker's registration, the offline page, the pack control. */
const OFFLINE_ISLANDS = ['sw-register', 'offline', 'pack'] as const;

export interface Precache {
  build: string;
  locales: string[];
  urls: string[];
}

export function precacheUrls(): string[] {
  const files = ['app.css', 'favicon.svg', 'icon-192.png', 'icon-512.png'].map(assetUrl);
  const islands = OFFLINE_ISLANDS.flatMap((name) => {
    const { script, styles, imports } = islandAssets(name);
    return [script, ...styles, ...imports];
  });
  const pages = LOCALES.flatMap((locale) => [`/${locale}/offline`, `/${locale}/manifest.webmanifest`]);
  return [...new Set([...files, ...islands, ...pages])];
}

function localeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? localeFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .filter((file) => file.endsWith('.json'))
    .sort();
}

let cached: { precache: Precache; script: string } | undefined;

/** The worker's script with its precache list, or null when the client has not been built. */
export function serviceWorkerScript(): string | null {
  if (cached) return cached.script;
  if (!existsSync(SW_FILE)) return null;
  const worker = readFileSync(SW_FILE, 'utf8');
  const urls = precacheUrls();
  const hash = createHash('sha256').update(worker).update(JSON.stringify(urls));
  for (const file of localeFiles(LOCALES_DIR)) hash.update(readFileSync(file));
  const precache: Precache = { build: hash.digest('hex').slice(0, 16), locales: [...LOCALES], urls };
  const script = `self.__RUMBO_PRECACHE = ${JSON.stringify(precache)};\n${worker}`;
  cached = { precache, script };
  return script;
}
