// Names of the caches the service worker and the pages share, and the "offline kit": what a saved country needs
// to be usable with no signal beyond the precached shell (the map page, its island, MapLibre and the basemap).
// No DOM here: pages and the service worker both use it.

/** Pages visited online, kept for offline reading (public pages only; see sw.ts). */
export const PAGES_CACHE = 'rumbo-pages-v1';
/** Content-hashed files (/assets/…) and the versioned basemap (/map-data/…): immutable, kept as fetched. */
export const ASSETS_CACHE = 'rumbo-assets-v1';
/** Visited pages kept at most; the oldest go first. */
export const MAX_PAGES = 80;

const ASSET_REF = /["'(\s](\/(?:assets|map-data)\/[\w./-]+\.(?:json|mjs|js|css|png|svg))["')\s]/g;
// Minified chunks quote with ", ' or ` (Vite writes template literals).
const CHUNK_REF = /["'`(](?:\.\/|\/assets\/)([\w.-]+\.(?:mjs|js|css))["'`)]/g;

/** Same-origin asset URLs a page or a script refers to. */
export function assetRefs(text: string, fromScript: boolean): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(fromScript ? CHUNK_REF : ASSET_REF)) {
    found.add(fromScript ? `/assets/${match[1]}` : match[1]!);
  }
  return [...found];
}

/**
 * Stores the map page of a locale and everything it loads, so the saved services can be seen on the map with no
 * network. Returns how many files were stored; throws when the page itself cannot be fetched.
 */
export async function cacheOfflineKit(locale: string, fetcher: typeof fetch = fetch): Promise<number> {
  const mapPage = `/${locale}/map`;
  const response = await fetcher(mapPage, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`map page: HTTP ${response.status}`);
  const html = await response.clone().text();
  const pages = await caches.open(PAGES_CACHE);
  await pages.put(mapPage, response);
  const assets = await caches.open(ASSETS_CACHE);
  const queue = assetRefs(html, false);
  const seen = new Set(queue);
  let stored = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    // A script kept earlier is read from the cache: the chunks it imports on demand may not be kept yet.
    const kept = await assets.match(url);
    const file = kept ?? (await fetcher(url));
    if (!file.ok) continue;
    if (/\.m?js$/.test(url)) {
      for (const ref of assetRefs(await file.clone().text(), true)) {
        if (!seen.has(ref)) {
          seen.add(ref);
          queue.push(ref);
        }
      }
    }
    if (!kept) {
      await assets.put(url, file);
      stored += 1;
    }
  }
  return stored;
}
