// Country packs: one country's published directory in one compact JSON document, for offline use in the browser.
// Versioned (an opaque stamp of the published set), with a sha256 hash of the canonical content, and as a delta
// when the client's version is recent and little changed. Built in batches of BATCH services (memory stays
// proportional to the pack's own size, never to the query's), cached per (database, country, locale, version).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Static } from 'typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { pickText, translator, type Locale, type Translate } from '../../i18n/i18n.js';
import { weekdayName } from '../../i18n/names.js';
import { presentLocation } from '../locations/locations.presenter.js';
import {
  countriesWithPublishedServices,
  packDetails,
  packStamp,
  publishedServicesBatch,
  removedSince,
  taxonomyTermNames,
  type PackDetails,
  type PackServiceRow,
  type PackStamp,
} from './packs.repository.js';
import type { CountryPackSchema, PackLocationSchema, PackServiceSchema } from './packs.schema.js';

export type PackLocation = Static<typeof PackLocationSchema>;
export type PackService = Static<typeof PackServiceSchema>;
export type CountryPack = Static<typeof CountryPackSchema>;

export interface BuiltPack {
  body: string;
  version: string;
  hash: string;
  services: number;
  kind: 'full' | 'delta';
}

const FORMAT = 1;
/** Services read and serialized per round trip. */
const BATCH = 1000;
/** Compressed budget: 600 KB for 5,000 services, scaled by the pack's size (never under 64 KB). */
export const PACK_BUDGET_BYTES_PER_SERVICE = (600 * 1024) / 5000;
const MIN_BUDGET_BYTES = 64 * 1024;
/** Descriptions are never cut shorter than this. */
const MIN_DESCRIPTION = 80;
/** Deltas only from versions at most this old. */
const DELTA_MAX_AGE_MS = 30 * 86_400_000;
/**
 * A delta re-sends what changed in the few seconds before `since` too, so a listing written just before a pack was
 * built but committed just after is not missed (the latest change's own transaction is always re-sent).
 */
const DELTA_MARGIN_MS = 5_000;
const VERSION = /^1\.(es|en|fr|ht|pt)\.([0-9a-z]{1,11})\.([0-9a-z]{1,8})\.([0-9a-z]{1,10})$/;
const COUNTRY = /^[A-Z]{2}$/;

export function packBudgetBytes(services: number): number {
  return Math.max(MIN_BUDGET_BYTES, Math.floor(services * PACK_BUDGET_BYTES_PER_SERVICE));
}

/** The version of a country's pack in one locale: format, locale, latest change, count and a set checksum. */
function versionOf(locale: Locale, stamp: PackStamp): string {
  const checksum = ((BigInt(stamp.checksum) % 2n ** 48n) + 2n ** 48n) % 2n ** 48n;
  return [FORMAT, locale, stamp.latestMs.toString(36), stamp.count.toString(36), checksum.toString(36)].join('.');
}

/** The locale and moment of a version, or null when it is not one this server makes. */
export function parseVersion(version: string): { locale: Locale; ms: number } | null {
  const match = VERSION.exec(version);
  if (!match) return null;
  return { locale: match[1] as Locale, ms: parseInt(match[2] ?? '', 36) };
}

// ---- cache ------------------------------------------------------------------------------------------------------

interface FullPack extends BuiltPack {
  kind: 'full';
  /** The longest description kept (Infinity: none shortened), reused by deltas of this version. */
  descriptionCap: number;
}

const CACHE_ENTRIES = 24;
const CACHE_CHARS = 48 * 1024 * 1024;

/** A small LRU of built packs (Map order is recency), bounded by entries and by characters held. */
class PackCache<T extends { body: string }> {
  private readonly entries = new Map<string, T>();
  private readonly building = new Map<string, Promise<T>>();
  private chars = 0;

  async get(key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = this.building.get(key);
    if (pending) return pending;
    const promise = build().finally(() => this.building.delete(key));
    this.building.set(key, promise);
    const pack = await promise;
    this.put(key, pack);
    return pack;
  }

  private put(key: string, pack: T) {
    if (pack.body.length > CACHE_CHARS / 2) return;
    this.entries.set(key, pack);
    this.chars += pack.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= CACHE_ENTRIES && this.chars <= CACHE_CHARS) break;
      this.entries.delete(oldKey);
      this.chars -= old.body.length;
    }
  }
}

/** Per database: full packs by version, and answers to `since` (a delta, or the full pack) by both versions. */
interface PackCaches {
  full: PackCache<FullPack>;
  since: PackCache<BuiltPack>;
}

const caches = new WeakMap<Db, PackCaches>();
/** Forgets every pack built for `db` (tests: to build the same version twice). */
export function clearPackCache(db: Db): void {
  caches.delete(db);
}

function cacheOf(db: Db): PackCaches {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { full: new PackCache(), since: new PackCache() }));
  return cache;
}

// ---- building ---------------------------------------------------------------------------------------------------

/**
 * A country's pack in one locale as JSON text: the full pack, or a delta when `since` is a version of this
 * locale at most 30 days old and what changed is under half the pack. Unknown country → PACK_COUNTRY_UNKNOWN
 * (404); a `since` that is not a version → PACK_VERSION_INVALID (400).
 */
export async function buildCountryPack(
  db: Db,
  country: string,
  locale: Locale,
  options: { since?: string; freshness?: FreshnessSettings } = {},
): Promise<BuiltPack> {
  const freshness = options.freshness ?? DEFAULT_FRESHNESS;
  const since = options.since === undefined ? null : parseVersion(options.since);
  if (options.since !== undefined && !since) throw new AppError('PACK_VERSION_INVALID');
  const full = await fullPack(db, country, locale, freshness);
  const sinceText = options.since;
  if (!since || !sinceText) return full;
  const now = Date.now();
  if (since.locale !== locale || since.ms < now - DELTA_MAX_AGE_MS || since.ms > now + DELTA_MARGIN_MS) return full;
  const key = `${country.toUpperCase()}|${full.version}|${sinceText}|${freshness.hideAfterMonths}`;
  return cacheOf(db).since.get(
    key,
    async () => (await deltaPack(db, country, locale, freshness, full, sinceText, since.ms)) ?? full,
  );
}

/** The full pack at the current version (cached). */
async function fullPack(db: Db, country: string, locale: Locale, freshness: FreshnessSettings): Promise<FullPack> {
  const code = country.toUpperCase();
  if (!COUNTRY.test(code)) throw new AppError('PACK_COUNTRY_UNKNOWN', { country });
  const stamp = await packStamp(db, code, freshness);
  if (stamp.count === 0) throw new AppError('PACK_COUNTRY_UNKNOWN', { country: code });
  const version = versionOf(locale, stamp);
  const key = `${code}|${locale}|${freshness.hideAfterMonths}|${version}`;
  return cacheOf(db).full.get(key, () => buildFull(db, code, locale, freshness, version));
}

async function buildFull(
  db: Db,
  country: string,
  locale: Locale,
  freshness: FreshnessSettings,
  version: string,
): Promise<FullPack> {
  const generatedAt = new Date().toISOString();
  const content = await serializeServices(db, country, locale, freshness, {});
  const count = content.descriptions.length;
  const render = (cap: number) => {
    const chunks = chunksAt(content, cap);
    const hash = contentHash(country, locale, content.categories, chunks);
    const body = assemble({ country, locale, version, hash, generatedAt, kind: 'full', count, content, chunks });
    return { body, hash, cap };
  };
  const budget = packBudgetBytes(count);
  const fits = (cap: number) => {
    const built = render(cap);
    return gzipSync(built.body).length <= budget ? built : null;
  };
  // Shorten descriptions only when the compressed pack is over budget, and then only as much as needed: the
  // longest length that fits, found by measuring (binary search; rare, and once per version).
  let best = fits(Number.POSITIVE_INFINITY);
  if (!best) {
    const longest = content.descriptions.reduce((max, d) => Math.max(max, d.length), 0);
    let lo = MIN_DESCRIPTION;
    let hi = longest - 1;
    const atMinimum = fits(lo);
    best = atMinimum ?? render(lo);
    if (!atMinimum) hi = lo;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const built = fits(mid);
      if (built) {
        best = built;
        lo = mid;
      } else hi = mid - 1;
    }
  }
  return { body: best.body, version, hash: best.hash, services: count, kind: 'full', descriptionCap: best.cap };
}

interface SerializedServices {
  /** Each service's JSON text up to its description value, and from after it, in id order. */
  heads: string[];
  tails: string[];
  /** Full descriptions (shortened when the parts are joined, if the pack must be). */
  descriptions: string[];
  /** Taxonomy codes used, in taxonomy order, with names in the locale. */
  categories: { code: string; name: string }[];
}

const DESCRIPTION_SLOT = ',"description":""';

/** One JSON text per service with descriptions cut to `cap` characters. */
function chunksAt(content: SerializedServices, cap: number): string[] {
  return content.heads.map(
    (head, i) => `${head}${JSON.stringify(shorten(content.descriptions[i] ?? '', cap))}${content.tails[i] ?? ''}`,
  );
}

async function serializeServices(
  db: Db,
  country: string,
  locale: Locale,
  freshness: FreshnessSettings,
  options: { changedSinceMs?: number; stopAfter?: number },
): Promise<SerializedServices> {
  const t = translator(locale);
  const heads: string[] = [];
  const tails: string[] = [];
  const descriptions: string[] = [];
  const used = new Set<string>();
  let afterId: string | null = null;
  for (;;) {
    const rows = await publishedServicesBatch(db, country, freshness, {
      afterId,
      limit: BATCH,
      changedSinceMs: options.changedSinceMs,
    });
    if (!rows.length) break;
    const details = await packDetails(
      db,
      rows.map((r) => r.id),
      rows.map((r) => r.organization_id),
    );
    const byService = groupDetails(details);
    for (const row of rows) {
      const service = packService(row, byService.get(row.id), details.phones, t, locale);
      for (const code of service.categories) used.add(code);
      // The description is the fourth key; a quote inside a JSON string is escaped, so the first match is it.
      const json = JSON.stringify({ ...service, description: '' });
      const slot = json.indexOf(DESCRIPTION_SLOT) + DESCRIPTION_SLOT.length - 2;
      heads.push(json.slice(0, slot));
      tails.push(json.slice(slot + 2));
      descriptions.push(service.description);
    }
    afterId = rows[rows.length - 1]?.id ?? null;
    if (rows.length < BATCH) break;
    if (options.stopAfter !== undefined && heads.length > options.stopAfter) break;
  }
  const terms = await taxonomyTermNames(db);
  const categories = terms
    .filter((term) => used.has(term.code))
    .map((term) => ({ code: term.code, name: pickText(term.name, locale, 'en')?.text ?? term.code }));
  return { heads, tails, descriptions, categories };
}

interface ServiceDetailRows {
  locations: PackDetails['locations'];
  phones: string[];
  schedules: PackDetails['schedules'];
  populations: string[];
  languages: string[];
  categories: string[];
}

function groupDetails(details: PackDetails): Map<string, ServiceDetailRows> {
  const map = new Map<string, ServiceDetailRows>();
  const of = (id: string) => {
    let entry = map.get(id);
    if (!entry) {
      entry = { locations: [], phones: [], schedules: [], populations: [], languages: [], categories: [] };
      map.set(id, entry);
    }
    return entry;
  };
  for (const row of details.locations) of(row.service_id).locations.push(row);
  for (const row of details.phones) if (row.service_id) of(row.service_id).phones.push(phoneText(row));
  for (const row of details.schedules) if (row.service_id) of(row.service_id).schedules.push(row);
  for (const row of details.populations) of(row.service_id).populations.push(row.population);
  for (const row of details.languages) of(row.service_id).languages.push(row.language_code);
  for (const row of details.categories) of(row.service_id).categories.push(row.code);
  return map;
}

function phoneText(phone: { number: string; extension: string | null }): string {
  return phone.extension ? `${phone.number} x${phone.extension}` : phone.number;
}

const round5 = (value: number | null) => (value === null ? null : Math.round(value * 1e5) / 1e5);

function packService(
  row: PackServiceRow,
  details: ServiceDetailRows | undefined,
  allPhones: PackDetails['phones'],
  t: Translate,
  locale: Locale,
): PackService {
  const original = row.original_locale;
  const text = (field: PackServiceRow['name']) => pickText(field, locale, original)?.text;
  const description = text(row.description) ?? '';
  const phones = new Set(details?.phones ?? []);
  for (const phone of allPhones) {
    if (phone.organization_id === row.organization_id && !phone.service_id) phones.add(phoneText(phone));
  }
  const locations = (details?.locations ?? []).map((location): PackLocation => {
    const place = presentLocation(location, locale, original);
    const address = place.address
      ? [place.address.address_1, place.address.address_2, place.address.postal_code].filter(Boolean).join(', ')
      : undefined;
    return {
      ...(place.name && place.name !== row.organization_name ? { name: place.name } : {}),
      ...(address ? { address } : {}),
      ...(place.city ? { city: place.city } : {}),
      ...(place.admin_area ? { region: place.admin_area } : {}),
      lat: round5(place.latitude),
      lon: round5(place.longitude),
    };
  });
  const hours = hoursText(details?.schedules ?? [], t);
  const notes = text(row.schedule_notes);
  const fees = text(row.fees_description) ?? (row.cost === 'unknown' ? undefined : t(`cost.${row.cost}`));
  const pack: PackService = {
    id: row.id,
    name: text(row.name) ?? '',
    organization: row.organization_name,
    description,
    categories: details?.categories ?? [],
    populations: details?.populations ?? [],
    languages: details?.languages ?? [],
    locations,
    phones: [...phones],
  };
  if (row.email) pack.email = row.email;
  if (row.url) pack.url = row.url;
  const when = [hours, notes].filter(Boolean).join('\n');
  if (when) pack.hours = when;
  if (fees) pack.fees = fees;
  if (row.last_verified_at) pack.verified_at = row.last_verified_at.toISOString().slice(0, 10);
  return pack;
}

/** Opening hours in one line: runs of days with the same hours, e.g. "Lunes–Viernes 09:00–17:00; Sábado 09:00–13:00". */
export function hoursText(schedules: { weekday: number; opens_at: string; closes_at: string }[], t: Translate): string {
  const byDay = new Map<number, string>();
  for (let day = 1; day <= 7; day++) {
    const openings = schedules.filter((s) => s.weekday === day).map((s) => `${s.opens_at}–${s.closes_at}`);
    if (openings.length) byDay.set(day, openings.join(', '));
  }
  const parts: string[] = [];
  let day = 1;
  while (day <= 7) {
    const hours = byDay.get(day);
    if (!hours) {
      day++;
      continue;
    }
    let end = day;
    while (end < 7 && byDay.get(end + 1) === hours) end++;
    const days = end === day ? weekdayName(t, day) : `${weekdayName(t, day)}–${weekdayName(t, end)}`;
    parts.push(`${days} ${hours}`);
    day = end + 1;
  }
  return parts.join('; ');
}

/** The text cut at a word boundary to at most `cap` characters, ending with "…"; unchanged when short enough. */
export function shorten(text: string, cap: number): string {
  if (text.length <= cap) return text;
  const room = Math.max(1, Math.floor(cap) - 1);
  let cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  if (space > room * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:!?¡¿—–-]+$/u, '')}…`;
}

/** sha256 of the canonical content: format, country, locale, categories and services in id order (no dates). */
function contentHash(
  country: string,
  locale: Locale,
  categories: SerializedServices['categories'],
  chunks: string[],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: FORMAT, country, locale, categories }));
  for (const chunk of chunks) hash.update(`\n${chunk}`);
  return hash.digest('hex');
}

function assemble(pack: {
  country: string;
  locale: Locale;
  version: string;
  hash: string;
  generatedAt: string;
  kind: 'full' | 'delta';
  since?: string;
  count: number;
  content: SerializedServices;
  chunks: string[];
  removed?: string[];
}): string {
  const head: Omit<CountryPack, 'services' | 'categories' | 'removed'> = {
    format: FORMAT,
    country: pack.country,
    locale: pack.locale,
    version: pack.version,
    hash: pack.hash,
    generated_at: pack.generatedAt,
    kind: pack.kind,
    ...(pack.since ? { since: pack.since } : {}),
    count: pack.count,
  };
  const json = JSON.stringify(head);
  const removed = pack.removed ? `,"removed":${JSON.stringify(pack.removed)}` : '';
  return `${json.slice(0, -1)},"categories":${JSON.stringify(pack.content.categories)},"services":[${pack.chunks.join(',')}]${removed}}`;
}

async function deltaPack(
  db: Db,
  country: string,
  locale: Locale,
  freshness: FreshnessSettings,
  full: FullPack,
  since: string,
  sinceMs: number,
): Promise<BuiltPack | null> {
  const code = country.toUpperCase();
  const limit = full.services / 2;
  const from = sinceMs - DELTA_MARGIN_MS;
  const content: SerializedServices =
    since === full.version
      ? { heads: [], tails: [], descriptions: [], categories: [] }
      : await serializeServices(db, code, locale, freshness, { changedSinceMs: from, stopAfter: limit });
  const chunks = chunksAt(content, full.descriptionCap);
  if (chunks.length >= limit) return null;
  const removed = since === full.version ? [] : await removedSince(db, code, freshness, from);
  if (chunks.length + removed.length >= limit) return null;
  const body = assemble({
    country: code,
    locale,
    version: full.version,
    hash: full.hash,
    generatedAt: new Date().toISOString(),
    kind: 'delta',
    since,
    count: full.services,
    content,
    chunks,
    removed,
  });
  return { body, version: full.version, hash: full.hash, services: chunks.length, kind: 'delta' };
}

/** Every country with published services, with its pack's version and hash in `locale` (packs built or cached). */
export async function listCountryPacks(
  db: Db,
  locale: Locale,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<{ country: string; services: number; version: string; hash: string }[]> {
  const countries = await countriesWithPublishedServices(db, freshness);
  const items = [];
  for (const { country } of countries) {
    const pack = await fullPack(db, country, locale, freshness);
    items.push({ country, services: pack.services, version: pack.version, hash: pack.hash });
  }
  return items;
}
