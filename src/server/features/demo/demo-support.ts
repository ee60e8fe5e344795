// Small deterministic helpers shared by the demo and synthetic directories: a seeded PRNG, counter-based UUIDs,
// coordinate jitter, fixed-reference dates, slugs and five-locale texts.
import type { Locale, Translated } from '../../db/schema.js';
import type { DemoPlace } from './demo-places.js';
import type { T5 } from './demo-texts.js';

/**
 * "Last verified" dates are generated over the 215 days (about 7 months) before this date, so the same seed always
 * gives the same dates. Loaders shift them by (load time − this date) (see demo.service.ts), so on any day the
 * newest listing was verified that day and, with the default settings (re-verify after 6 months, hide after 12),
 * roughly one listing in seven shows the "not verified since" badge and none is hidden.
 */
export const DEMO_REFERENCE_DATE = new Date('2026-11-01T12:00:00Z');
export const VERIFIED_WINDOW_DAYS = 215;

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: a tiny, fast, seeded PRNG. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

const ID_KINDS = {
  organization: 1,
  location: 2,
  address: 3,
  service: 4,
  serviceAtLocation: 5,
  phone: 6,
  schedule: 7,
  document: 8,
} as const;
export type IdKind = keyof typeof ID_KINDS;

/** Counter-based UUIDs (version 4 layout): `${prefix}-000k-4000-8000-<counter>`. `prefix` is 8 hex digits. */
export function createIdFactory(prefix: string): (kind: IdKind) => string {
  if (!/^[0-9a-f]{8}$/.test(prefix)) throw new Error(`Bad id prefix: ${prefix}`);
  const counters = new Map<IdKind, number>();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${prefix}-${ID_KINDS[kind].toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

/** A point scattered uniformly in a small disc around the place's centre, rounded to 6 decimals. */
export function jitter(rng: Rng, place: DemoPlace, scale = 1): { latitude: number; longitude: number } {
  const radius = place.spread * scale * Math.sqrt(rng.next());
  const angle = 2 * Math.PI * rng.next();
  const latitude = place.latitude + radius * Math.sin(angle);
  const longitude = place.longitude + (radius * Math.cos(angle)) / Math.cos((place.latitude * Math.PI) / 180);
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

export function verifiedAt(rng: Rng): string {
  const days = rng.int(0, VERIFIED_WINDOW_DAYS);
  const minutes = rng.int(0, 9 * 60);
  return new Date(DEMO_REFERENCE_DATE.getTime() - days * 86_400_000 - minutes * 60_000).toISOString();
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 40).replace(/-+$/, '');
}

export const LOCALE_INDEX = { es: 0, en: 1, fr: 2, ht: 3, pt: 4 } as const satisfies Record<Locale, number>;

export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

export function translate(text: T5, locales: readonly Locale[], vars: Record<string, string> = {}): Translated {
  const out: Translated = {};
  for (const locale of locales) out[locale] = fill(text[LOCALE_INDEX[locale]], vars);
  return out;
}
