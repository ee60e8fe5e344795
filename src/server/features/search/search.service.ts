// Search over services: words (with typo corrections), a place or point, a radius or box, and filters → ranked
// services with distance and highlights, a "did you mean" and suggestions when nothing matched.
import type { Db } from '../../db/db.js';
import { refreshStatistics } from '../../db/statistics.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import type { ServiceSummary } from '../services/services.service.js';
import { resolvePlace } from '../places/gazetteer.js';
import { hasStaleServices, indexServices, mergePendingIndexEntries, staleBatch } from './search-index.repository.js';
import { findHits, MAX_CANDIDATES, searchPrelude, tsqueryOf, type Bbox } from './search.repository.js';
import { bestCorrection, foldWord, highlightSegments, queryTerms, type TextSegment } from './search-text.js';

export const DEFAULT_RADIUS_KM = 25;
const INDEX_BATCH = 20_000;
/** Indexing at least this many services at once refreshes the planner's statistics. */
const ANALYZE_AFTER = 500;

export interface SearchInput {
  q?: string | undefined;
  near?: { latitude: number; longitude: number } | undefined;
  place?: string | undefined;
  radiusKm?: number | undefined;
  bbox?: Bbox | undefined;
  category?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
  country?: string | undefined;
}

export interface SearchHit extends ServiceSummary {
  distance_km: number | null;
}

export interface Suggestion {
  kind: 'wider_radius' | 'broader_category';
  radius_km?: number;
}

export interface SearchResult {
  items: SearchHit[];
  /** Matches counted, up to the candidates ranked (`MAX_CANDIDATES`). */
  total: number;
  /** More services may match than `total` (it reached the candidates ranked: the most recently verified ones). */
  totalIsLowerBound: boolean;
  /** Words searched, as typed plus corrections: what to highlight. */
  terms: string[];
  did_you_mean: string | null;
  suggestions: Suggestion[];
  /** The typed place as resolved, or null when it was not found. */
  place: { name: string; country: string; latitude: number; longitude: number } | null;
  placeNotFound: boolean;
}

/** Indexes every queued service (loaders call it right after a bulk insert; searches before they answer). */
export async function refreshSearchIndex(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await staleBatch(db.query, INDEX_BATCH);
    if (!ids.length) {
      // After a bulk load, the indexes' pending entries merged (2 ms a search at 100,000 services), and fresh
      // statistics for every table: without them PGlite plans the 20 summaries of a page of results as if the
      // tables were empty (65 ms instead of 4 at 100,000 services).
      if (done >= ANALYZE_AFTER) {
        await mergePendingIndexEntries(db.query);
        await refreshStatistics(db);
      }
      return done;
    }
    await db.query.transaction().execute((trx) => indexServices(trx, ids));
    done += ids.length;
  }
}

export async function searchServices(
  db: Db,
  input: SearchInput,
  window: { limit: number; offset: number },
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<SearchResult> {
  // Two round trips: the words (corrections and stems), then the matches with their summaries. The second also says
  // whether services changed since they were indexed; then they are indexed and the search asked again.
  for (let attempt = 0; ; attempt++) {
    const result = await searchOnce(db, input, window, freshness, attempt > 0);
    if (result) return result;
    await refreshSearchIndex(db);
  }
}

/** The search, or null when the index has changes waiting (never null when `final`). */
async function searchOnce(
  db: Db,
  input: SearchInput,
  window: { limit: number; offset: number },
  freshness: FreshnessSettings,
  final: boolean,
): Promise<SearchResult | null> {
  const terms = queryTerms(input.q);
  const { corrections, lexemes } = terms.length
    ? await searchPrelude(db, terms, terms.map(foldWord))
    : { corrections: [], lexemes: new Map<string, string[] | null>() };
  const corrected = terms.map((t) => {
    const folded = foldWord(t);
    return (
      bestCorrection(
        folded,
        corrections.filter((c) => c.term === folded),
      )?.display ?? t
    );
  });
  const tsquery = tsqueryOf(
    terms.map((t, i) => [...new Set([t, corrected[i] ?? t])]),
    lexemes,
  );
  const place = input.place ? resolvePlace(input.place) : null;
  const point = input.near ?? place ?? undefined;
  const radiusKm = input.radiusKm ?? DEFAULT_RADIUS_KM;
  // Words typed but none searchable (only stop words): nothing matches, rather than everything.
  const nothingSearchable = terms.length > 0 && !tsquery;
  const criteria = {
    tsquery,
    near: point ? { latitude: point.latitude, longitude: point.longitude, radiusM: radiusKm * 1000 } : undefined,
    bbox: input.bbox,
    category: input.category,
    population: input.population,
    language: input.language,
    country: input.country?.toUpperCase(),
    hideAfterMonths: freshness.hideAfterMonths,
  };
  const placeNotFound = Boolean(input.place && !place && !input.near);
  if ((placeNotFound || nothingSearchable) && !final && (await hasStaleServices(db.query))) return null;
  const { hits, total, stale } =
    placeNotFound || nothingSearchable
      ? { hits: [], total: 0, stale: false }
      : await findHits(db, criteria, window, freshness);
  if (stale && !final) return null;
  const items = hits.flatMap((hit) => {
    if (!hit.summary) return [];
    const distance = hit.distance_m === null ? null : Math.round(hit.distance_m / 100) / 10;
    return [{ ...hit.summary, distance_km: distance }];
  });
  const changed = corrected.some((c, i) => foldWord(c) !== foldWord(terms[i] ?? ''));
  const suggestions: Suggestion[] = [];
  if (total === 0 && !placeNotFound) {
    if (criteria.near && radiusKm < 2000) {
      suggestions.push({ kind: 'wider_radius', radius_km: Math.min(2000, Math.max(radiusKm * 4, 50)) });
    }
    if (input.category) suggestions.push({ kind: 'broader_category' });
  }
  return {
    items,
    total,
    totalIsLowerBound: total >= MAX_CANDIDATES,
    terms: [...new Set([...terms, ...corrected])],
    did_you_mean: changed ? corrected.join(' ') : null,
    suggestions,
    place: place
      ? { name: place.name, country: place.country, latitude: place.latitude, longitude: place.longitude }
      : null,
    placeNotFound,
  };
}

/** Name and description of a hit split into plain and matched segments (for <mark> and the API). */
export function highlightsOf(
  name: string,
  description: string,
  terms: string[],
): {
  name: TextSegment[];
  description: TextSegment[];
} {
  return { name: highlightSegments(name, terms), description: highlightSegments(description, terms) };
}
