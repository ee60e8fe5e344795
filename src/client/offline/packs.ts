// Country packs kept on the device: a country's published directory in one language, as served by
// GET /api/v1/packs/{country}?locale=, stored in IndexedDB (idb-keyval) so the offline page, the map (through the
// service worker) and the pack control all read the same copy. No DOM here: the service worker imports it too.
import { createStore, del, entries, get, set } from 'idb-keyval';

export interface PackLocation {
  name?: string;
  address?: string;
  city?: string;
  region?: string;
  lat: number | null;
  lon: number | null;
}

export interface PackService {
  id: string;
  name: string;
  organization: string;
  description: string;
  categories: string[];
  populations: string[];
  languages: string[];
  locations: PackLocation[];
  phones: string[];
  email?: string;
  url?: string;
  hours?: string;
  fees?: string;
  verified_at?: string;
}

/** What the server sends (a full pack, or the changes since a version). */
export interface PackResponse {
  format: 1;
  country: string;
  locale: string;
  version: string;
  hash: string;
  generated_at: string;
  kind: 'full' | 'delta';
  since?: string;
  count: number;
  categories: { code: string; name: string }[];
  services: PackService[];
  removed?: string[];
}

/** What the device keeps: always a whole pack, with when it was saved and last checked. */
export interface SavedPack {
  country: string;
  locale: string;
  version: string;
  hash: string;
  generatedAt: string;
  /** When the device last got an answer from the server for this pack (ms since epoch). */
  checkedAt: number;
  categories: { code: string; name: string }[];
  services: PackService[];
}

/** A saved copy older than this is refreshed whenever the device is online. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** What is known of a saved pack without reading its services (checked on every page load and map move). */
export interface PackMeta {
  country: string;
  locale: string;
  version: string;
  checkedAt: number;
  services: number;
}

let store: ReturnType<typeof createStore> | undefined;
function packStore(): ReturnType<typeof createStore> {
  store ??= createStore('rumbo-packs', 'packs');
  return store;
}
let metaStore: ReturnType<typeof createStore> | undefined;
function packMetaStore(): ReturnType<typeof createStore> {
  metaStore ??= createStore('rumbo-pack-meta', 'meta');
  return metaStore;
}

async function keep(pack: SavedPack): Promise<void> {
  const key = keyOf(pack.country, pack.locale);
  await set(key, pack, packStore());
  const meta: PackMeta = {
    country: pack.country,
    locale: pack.locale,
    version: pack.version,
    checkedAt: pack.checkedAt,
    services: pack.services.length,
  };
  await set(key, meta, packMetaStore());
}

const keyOf = (country: string, locale: string) => `${country.toUpperCase()}:${locale}`;

export function packUrl(country: string, locale: string, since?: string): string {
  const query = new URLSearchParams({ locale });
  if (since) query.set('since', since);
  return `/api/v1/packs/${encodeURIComponent(country.toUpperCase())}?${query.toString()}`;
}

export async function getPack(country: string, locale: string): Promise<SavedPack | undefined> {
  return get<SavedPack>(keyOf(country, locale), packStore());
}

export async function listPacks(): Promise<SavedPack[]> {
  const all = await entries<string, SavedPack>(packStore());
  return all.map(([, pack]) => pack).sort((a, b) => a.country.localeCompare(b.country));
}

/** The saved packs' versions and dates, without their services. */
export async function listPackMeta(): Promise<PackMeta[]> {
  const all = await entries<string, PackMeta>(packMetaStore());
  return all.map(([, meta]) => meta).sort((a, b) => a.country.localeCompare(b.country));
}

export async function removePack(country: string, locale: string): Promise<void> {
  await del(keyOf(country, locale), packStore());
  await del(keyOf(country, locale), packMetaStore());
}

/**
 * Applies a server answer to what the device holds. A delta that does not fit the saved copy (another base
 * version, or a different count afterwards) returns null: the caller asks for the full pack.
 */
export function applyPack(saved: SavedPack | undefined, answer: PackResponse, now: number): SavedPack | null {
  const base = {
    country: answer.country,
    locale: answer.locale,
    version: answer.version,
    hash: answer.hash,
    generatedAt: answer.generated_at,
    checkedAt: now,
    categories: answer.categories,
  };
  if (answer.kind === 'full') return { ...base, services: answer.services };
  if (!saved || saved.version !== answer.since) return null;
  const byId = new Map(saved.services.map((service) => [service.id, service]));
  for (const id of answer.removed ?? []) byId.delete(id);
  for (const service of answer.services) byId.set(service.id, service);
  if (byId.size !== answer.count) return null;
  // Categories of a delta cover its own services; keep the ones the saved services still use.
  const categories = new Map(saved.categories.map((c) => [c.code, c]));
  for (const category of answer.categories) categories.set(category.code, category);
  const used = new Set([...byId.values()].flatMap((service) => service.categories));
  return {
    ...base,
    categories: [...categories.values()].filter((c) => used.has(c.code)),
    services: [...byId.values()],
  };
}

export type SaveOutcome = { state: 'saved' | 'unchanged'; pack: SavedPack };

/**
 * Downloads (or brings up to date) one country's pack and stores it. Asks for the changes since the saved version
 * when there is one; falls back to the full pack when the changes do not apply cleanly. Throws on a network error
 * or a refusal, leaving the saved copy as it was.
 */
export async function savePack(country: string, locale: string, fetcher: typeof fetch = fetch): Promise<SaveOutcome> {
  const saved = await getPack(country, locale);
  const request = async (since?: string): Promise<PackResponse | 'unchanged'> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (saved && !since) headers['if-none-match'] = `"${saved.hash}"`;
    const response = await fetcher(packUrl(country, locale, since), { headers, credentials: 'omit' });
    if (response.status === 304) return 'unchanged';
    if (!response.ok) throw new Error(`pack ${country}: HTTP ${response.status}`);
    return (await response.json()) as PackResponse;
  };
  const now = Date.now();
  let answer = await request(saved?.version);
  if (answer !== 'unchanged' && saved && answer.version === saved.version) answer = 'unchanged';
  if (answer === 'unchanged') {
    const pack = { ...saved!, checkedAt: now };
    await keep(pack);
    return { state: 'unchanged', pack };
  }
  let pack = applyPack(saved, answer, now);
  if (!pack) {
    const full = await request();
    if (full === 'unchanged') throw new Error(`pack ${country}: no full pack`);
    pack = applyPack(undefined, full, now)!;
  }
  await keep(pack);
  return { state: 'saved', pack };
}

/** Refreshes every saved pack older than STALE_AFTER_MS; failures leave the old copy. Returns how many changed. */
export async function refreshStalePacks(fetcher: typeof fetch = fetch, now = Date.now()): Promise<number> {
  let changed = 0;
  for (const pack of await listPackMeta()) {
    if (now - pack.checkedAt < STALE_AFTER_MS) continue;
    try {
      const outcome = await savePack(pack.country, pack.locale, fetcher);
      if (outcome.state === 'saved') changed += 1;
    } catch {
      // Still offline or refused: the saved copy stays and says how old it is.
    }
  }
  return changed;
}

export interface SavedPoint {
  id: string;
  country: string;
  categories: string[];
  lon: number;
  lat: number;
}

/** Every saved service once (a country saved in two languages counts once), with its country. */
export async function savedPoints(): Promise<SavedPoint[]> {
  const seen = new Set<string>();
  const points: SavedPoint[] = [];
  for (const pack of await listPacks()) {
    for (const service of pack.services) {
      const located = service.locations.find((l) => l.lat !== null && l.lon !== null);
      if (!located || seen.has(service.id)) continue;
      seen.add(service.id);
      points.push({
        id: service.id,
        country: pack.country,
        categories: service.categories,
        lon: located.lon!,
        lat: located.lat!,
      });
    }
  }
  return points;
}
