// Rumbo's service worker (served as /sw.js with its precache list prepended by the server; see
// src/server/features/offline/precache.ts and docs/decisions/014-offline.md).
// - Install: the app shell (stylesheet, icons, the offline page per language, the offline islands).
// - Pages: network first; public pages are kept as visited; with no network, the kept copy, else the offline page,
//   which searches the saved country packs on the device and shows saved services.
// - /assets and /map-data: content-hashed, cache first. The map's clusters: network, else from the saved packs.
// - The outbox: forms kept on the device are sent on Background Sync, or when a page says it is back online.
import Supercluster, { type ClusterProperties } from 'supercluster';
import { ASSETS_CACHE, MAX_PAGES, PAGES_CACHE } from '../offline/kit.js';
import { flushOutbox } from '../offline/outbox.js';
import { listPackMeta, refreshStalePacks, savedPoints } from '../offline/packs.js';

interface Precache {
  /** Changes with every release: names the shell cache. */
  build: string;
  locales: string[];
  urls: string[];
}

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface MessageEventLike extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  __RUMBO_PRECACHE: Precache;
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

const scope = self as unknown as WorkerScope;
const precache = scope.__RUMBO_PRECACHE;
const SHELL_CACHE = `rumbo-shell-${precache.build}`;
/** A page slower than this falls back to its kept copy (the fetch goes on and refreshes the copy). */
const SLOW_NETWORK_MS = 6000;
const OUR_CACHES = new Set([SHELL_CACHE, PAGES_CACHE, ASSETS_CACHE]);

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(precache.urls))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('rumbo-') && !OUR_CACHES.has(n)).map((n) => caches.delete(n))),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(request, url));
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/map-data/')) {
    return event.respondWith(immutable(request));
  }
  if (url.pathname === '/api/v1/map/clusters') return event.respondWith(clusters(request, url));
  if (url.pathname.startsWith('/api/')) return;
  event.respondWith(fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()));
});

scope.addEventListener('sync', (event) => {
  if (event.tag === 'rumbo-outbox') event.waitUntil(flushOutbox());
});

scope.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'flush-outbox') {
    event.waitUntil(Promise.allSettled([flushOutbox(), refreshStalePacks()]));
  }
});

// ---- pages ----

const PRIVATE = /(^|,)\s*(no-store|private)\s*(,|$)/i;
/** The blank public submission form is kept although it is sent no-store (its CSRF token is replaced on send). */
const BLANK_FORM = /^\/[a-z]{2}\/submit$/;

function keepable(url: URL, response: Response): boolean {
  if (!response.ok || response.type !== 'basic' || response.redirected) return false;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return false;
  const blankForm = BLANK_FORM.test(url.pathname) && url.search === '';
  return blankForm || !PRIVATE.test(response.headers.get('cache-control') ?? '');
}

async function keep(url: URL, response: Response): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(pageKey(url), response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

function pageKey(url: URL): string {
  return `${url.pathname}${url.search}`;
}

function localeOf(url: URL): string {
  const first = url.pathname.split('/')[1] ?? '';
  return precache.locales.includes(first) ? first : (precache.locales[0] ?? 'es');
}

async function keptPage(url: URL): Promise<Response | undefined> {
  const pages = await caches.open(PAGES_CACHE);
  const exact = await pages.match(pageKey(url));
  if (exact) return exact;
  // The map page draws whatever is saved; any of its filters falls back to the kept map page.
  if (/^\/[a-z]{2}\/map$/.test(url.pathname)) return pages.match(url.pathname);
  return undefined;
}

async function offlinePage(url: URL): Promise<Response> {
  const kept = await keptPage(url);
  if (kept) return kept;
  const shell = await caches.open(SHELL_CACHE);
  return (
    (await shell.match(`/${localeOf(url)}/offline`)) ??
    new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  );
}

function page(request: Request, url: URL): Promise<Response> {
  return new Promise((resolve) => {
    let settled = false;
    const answer = (response: Response) => {
      if (!settled) {
        settled = true;
        resolve(response);
      }
    };
    const slow = setTimeout(() => {
      void keptPage(url).then((kept) => kept && answer(kept));
    }, SLOW_NETWORK_MS);
    fetch(request)
      .then(async (response) => {
        clearTimeout(slow);
        if (keepable(url, response)) void keep(url, response.clone()).catch(() => undefined);
        answer(response);
      })
      .catch(async () => {
        clearTimeout(slow);
        answer(await offlinePage(url));
      });
  });
}

// ---- files ----

async function immutable(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(ASSETS_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

// ---- the map's clusters from the saved packs ----

type PointProps = { service_id: string };
let clusterIndex: { key: string; index: Supercluster<PointProps> } | null = null;

async function clusters(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return offlineClusters(url);
  }
}

async function offlineClusters(url: URL): Promise<Response> {
  const box = (url.searchParams.get('bbox') ?? '').split(',').map(Number);
  const zoom = Math.max(0, Math.min(20, Math.floor(Number(url.searchParams.get('zoom')) || 0)));
  const country = url.searchParams.get('country')?.toUpperCase() ?? '';
  const category = url.searchParams.get('category') ?? '';
  // Versions only: the packs' services are read again only when one of them changed.
  const packs = await listPackMeta();
  const key = `${packs.map((p) => `${p.country}:${p.locale}:${p.version}`).join('|')}/${country}/${category}`;
  if (clusterIndex?.key !== key) {
    const points = (await savedPoints()).filter(
      (p) => (!country || p.country === country) && (!category || p.categories.includes(category)),
    );
    const index = new Supercluster<PointProps>({ radius: 50, extent: 512, maxZoom: 16, minPoints: 2 });
    index.load(
      points.map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
        properties: { service_id: p.id },
      })),
    );
    clusterIndex = { key, index };
  }
  const { index } = clusterIndex;
  const valid = box.length === 4 && box.every(Number.isFinite);
  const found = valid ? index.getClusters(box as [number, number, number, number], zoom) : [];
  const features = found.map((feature) => {
    const props = feature.properties as Partial<ClusterProperties> & Partial<PointProps>;
    if (props.cluster && props.cluster_id !== undefined) {
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: {
          cluster: true,
          cluster_id: props.cluster_id,
          count: props.point_count ?? 0,
          expansion_zoom: Math.min(index.getClusterExpansionZoom(props.cluster_id), 17),
        },
      };
    }
    return {
      type: 'Feature',
      geometry: feature.geometry,
      properties: { cluster: false, service_id: props.service_id },
    };
  });
  return new Response(JSON.stringify({ type: 'FeatureCollection', features, truncated: false, offline: true }), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
