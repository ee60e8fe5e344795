// The search queries: words → tsquery, typo corrections from the lexicon, and ranked matches from service_search.
// Every query is bounded: at most MAX_TERMS words, at most MAX_CANDIDATES rows ranked, a LIMIT on every statement.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/db.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import { freshnessOf, monthsAgo, shownInResults } from '../freshness/freshness.repository.js';
import { SERVICE_COLUMNS, type ServiceRow } from '../services/services.repository.js';
import type { ServiceSummary } from '../services/services.service.js';
import { oneEditVariants } from './search-text.js';

/**
 * Matches ranked per search (the most recently verified, or the nearest); `total` never exceeds it. 300 is 15 pages
 * of 20; at 100,000 services, 1,000 cost four times as much (a common word walks ten thousand rows to find them).
 */
export const MAX_CANDIDATES = 300;
const CONFIGS = sql`ARRAY['rumbo_es', 'rumbo_en', 'rumbo_fr', 'rumbo_pt', 'rumbo_ht']::regconfig[]`;

export interface Correction {
  term: string;
  word: string;
  display: string;
  similarity: number;
  frequency: number;
}

/** A word's stems in every locale's configuration, or null when it is a stop word in some language. */
export type Lexemes = Map<string, string[] | null>;

export interface Prelude {
  /** For each folded term not in the lexicon: similar known words and known words one keystroke away. */
  corrections: Correction[];
  /** Stems of the typed words and of every correction offered. */
  lexemes: Lexemes;
}

/**
 * What this process learnt of words: their stems (a word's stems depend only on the text search configurations,
 * which migrations fix) and which folded terms are in the lexicon (it only grows, so a known word stays known).
 * Bounded: emptied when it holds `WORD_MEMORY_SIZE` entries.
 */
interface WordMemory {
  lexemes: Map<string, string[] | null>;
  known: Set<string>;
}
const WORD_MEMORY_SIZE = 20_000;
const wordMemories = new WeakMap<Db, WordMemory>();

function wordMemoryOf(db: Db): WordMemory {
  let memory = wordMemories.get(db);
  if (!memory || memory.lexemes.size + memory.known.size >= WORD_MEMORY_SIZE) {
    memory = { lexemes: new Map(), known: new Set() };
    wordMemories.set(db, memory);
  }
  return memory;
}

/**
 * Everything a text search needs before matching, in one statement (one round trip): which terms are unknown,
 * their possible corrections (up to five similar known words by trigram word similarity, through
 * `rumbo_similar_words` of migrations/0014, and every known word one keystroke away, see `oneEditVariants`), and
 * the stems of the typed words and of those corrections, from which `tsqueryOf` builds the query in process.
 * Words this process has already seen, all known, need no round trip at all (see `WordMemory`).
 */
export async function searchPrelude(db: Db, words: string[], foldedTerms: string[]): Promise<Prelude> {
  const candidates = foldedTerms.filter((t) => t.length >= 4 && !/^\d+$/.test(t));
  if (!words.length && !candidates.length) return { corrections: [], lexemes: new Map() };
  const memory = wordMemoryOf(db);
  if (candidates.every((c) => memory.known.has(c)) && words.every((w) => memory.lexemes.has(w))) {
    return { corrections: [], lexemes: new Map(words.map((w) => [w, memory.lexemes.get(w) ?? null])) };
  }
  const variantTerms: string[] = [];
  const variants: string[] = [];
  for (const term of candidates) {
    for (const variant of oneEditVariants(term)) {
      variantTerms.push(term);
      variants.push(variant);
    }
  }
  const { rows } = await sql<{
    kind: 'fix' | 'lex' | 'unknown';
    term: string;
    word: string | null;
    display: string | null;
    similarity: number | null;
    frequency: number | null;
    dropped: boolean | null;
    lexemes: string[] | null;
  }>`
    WITH unknown AS MATERIALIZED (
      -- "= ANY" reads the primary key (a plain "=" may pick the trigram index: 1 ms a word).
      SELECT c.term FROM unnest(${candidates}::text[]) AS c(term)
      WHERE c.term <> ALL (ARRAY(SELECT l.word FROM search_lexicon l WHERE l.word = ANY(${candidates}::text[])))
    ),
    corrections AS MATERIALIZED (
      -- Most searches are spelled right: then the trigram lookup does not run at all.
      SELECT * FROM rumbo_similar_words(ARRAY(SELECT term FROM unknown)) WHERE EXISTS (SELECT 1 FROM unknown)
      UNION
      SELECT v.term, l.word, l.display, similarity(v.term, l.word)::float8, l.frequency
      FROM unnest(${variantTerms}::text[], ${variants}::text[]) AS v(term, variant)
      JOIN unknown u ON u.term = v.term
      JOIN search_lexicon l ON l.word = v.variant
    ),
    words AS (SELECT w FROM unnest(${words}::text[]) AS a(w) UNION SELECT display FROM corrections),
    lexemes AS (
      SELECT a.w, l.lexeme FROM words a
      CROSS JOIN unnest(${CONFIGS}) AS c(cfg)
      LEFT JOIN LATERAL unnest(to_tsvector(c.cfg, a.w)) AS l ON true
    )
    SELECT 'fix' AS kind, term, word, display, similarity, frequency, NULL::bool AS dropped, NULL::text[] AS lexemes
    FROM corrections
    UNION ALL
    SELECT 'unknown', term, NULL, NULL, NULL, NULL, NULL, NULL FROM unknown
    UNION ALL
    SELECT 'lex', w, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE lexeme IS NULL) > 0,
      array_agg(DISTINCT lexeme) FILTER (WHERE lexeme IS NOT NULL)
    FROM lexemes GROUP BY w`.execute(db.query);
  const corrections: Correction[] = [];
  const lexemes: Lexemes = new Map();
  const unknown = new Set<string>();
  for (const row of rows) {
    if (row.kind === 'lex') lexemes.set(row.term, row.dropped ? null : (row.lexemes ?? []));
    else if (row.kind === 'unknown') unknown.add(row.term);
    else if (row.word !== null && row.display !== null) {
      corrections.push({
        term: row.term,
        word: row.word,
        display: row.display,
        similarity: row.similarity ?? 0,
        frequency: row.frequency ?? 0,
      });
    }
  }
  for (const [word, stems] of lexemes) memory.lexemes.set(word, stems);
  for (const term of candidates) if (!unknown.has(term)) memory.known.add(term);
  return { corrections, lexemes };
}

/**
 * One tsquery for groups of alternative words ("clinisa" or its correction "clínica"): each word stemmed in every
 * locale's configuration, alternatives OR-ed, groups AND-ed. A group that is a stop word in some language is
 * dropped. Null when nothing searchable remains.
 */
export function tsqueryOf(groups: string[][], lexemes: Lexemes): string | null {
  const kept: string[] = [];
  for (const words of groups) {
    const stems = new Set<string>();
    let dropped = !words.length;
    for (const word of words) {
      const found = lexemes.get(word);
      if (!found) dropped = true;
      else for (const stem of found) stems.add(stem);
    }
    if (dropped || !stems.size) continue;
    kept.push(`(${[...stems].sort().map(quoteLiteral).join(' | ')})`);
  }
  return kept.length ? kept.join(' & ') : null;
}

/** As PostgreSQL's quote_literal: a lexeme inside single quotes, quotes doubled. */
function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `tsqueryOf` for words whose stems are not known yet (one round trip). */
export async function buildTsQuery(db: Db, groups: string[][]): Promise<string | null> {
  const words = [...new Set(groups.flat())];
  if (!words.length) return null;
  const { lexemes } = await searchPrelude(db, words, []);
  return tsqueryOf(groups, lexemes);
}

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface MatchCriteria {
  tsquery: string | null;
  near?: { latitude: number; longitude: number; radiusM: number } | undefined;
  bbox?: Bbox | undefined;
  category?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
  country?: string | undefined;
  /** Leave out listings unverified for longer than this (never verified ones too). */
  hideAfterMonths?: number | undefined;
}

export interface Match {
  service_id: string;
  distance_m: number | null;
  total: number;
}

/** A match with its service as lists show it (null when the service is no longer shown). */
export interface Hit extends Match {
  summary: ServiceSummary | null;
}

export interface MatchOptions {
  /** How to read the candidates (tests compare the plans); chosen from the planner's statistics when absent. */
  plan?: Plan | undefined;
}

/** Ranked matches (ids, distance, total), for tests and callers that read the services themselves. */
export async function findMatches(
  db: Db,
  criteria: MatchCriteria,
  window: { limit: number; offset: number },
  options: MatchOptions = {},
): Promise<{ rows: Match[]; total: number }> {
  const { hits, total } = await findHits(db, criteria, window, undefined, options);
  return { rows: hits.map(({ service_id, distance_m, total: n }) => ({ service_id, distance_m, total: n })), total };
}

/**
 * Ranked matches and, when `freshness` is given, the summaries of the services on the page, in one statement that
 * also says whether the search index has changes waiting (`stale`: the caller indexes them and asks again).
 */
export async function findHits(
  db: Db,
  criteria: MatchCriteria,
  window: { limit: number; offset: number },
  freshness?: FreshnessSettings,
  options: MatchOptions = {},
): Promise<{ hits: Hit[]; total: number; stale: boolean }> {
  const plan = options.plan ?? (await planOf(db, criteria));
  const statement = matchStatement(criteria, window, plan, freshness);
  // With a place, no words and filters, the planner underestimates how many places a radius holds and reads them
  // all through a bitmap (24 ms around Tapachula at 100,000 services on PGlite) instead of walking the index.
  const { rows } =
    plan.kind === 'near-filtered'
      ? await db.query.transaction().execute(async (trx) => {
          await sql`SELECT set_config('enable_bitmapscan', 'off', true)`.execute(trx);
          return statement.execute(trx);
        })
      : await statement.execute(db.query);
  const stale = rows[0]?.stale ?? false;
  if (!stale && rows[0]?.complete === false) {
    return findHits(db, criteria, window, freshness, { plan: { kind: 'near-all' } });
  }
  const hits: Hit[] = rows.flatMap((row) =>
    row.service_id === null
      ? []
      : [{ service_id: row.service_id, distance_m: row.distance_m, total: row.total ?? 0, summary: summaryOf(row) }],
  );
  const total = hits[0]?.total ?? 0;
  if (hits.length || window.offset === 0 || stale) return { hits, total, stale };
  // Past the last page: still say how many there are.
  const first = await findHits(db, criteria, { limit: 1, offset: 0 }, undefined, { plan });
  return { hits: [], total: first.total, stale: first.stale };
}

/**
 * How the candidates are read:
 * - `default`: the planner's choice (small directories, and words combined with other filters);
 * - `text-index`: words few services hold (see `RARE_SHARE`), read through the text (GIN) index and sorted;
 * - `recent-slice`: words in a few percent of services (up to `WALK_SHARE`), read through the text index and the
 *   recency index together, only among the services verified since `since` (a date the statistics say holds
 *   `SLICE_MARGIN` times the rows the candidates need), then the text index after all when the slice held fewer
 *   than the candidates (the same statement; results are identical either way);
 * - `recent-walk`: very common words, found by walking the recency index — at most `WALK_ROWS` rows, then the text
 *   index after all, as for the slice;
 * - with a place, the nearest sites come first (`NEAR_PLACES` of them through the GiST index, see `nearPlaces`):
 *   `nearest` with no words or filters (the radius applied after), `near-filtered` with filters (bitmap scans off, a
 *   transaction), `default` with words (the planner's choice); when the nearest sites cannot tell the nearest
 *   services for sure (a few services with many sites), `near-all` reads every site in the radius.
 */
export type Plan =
  | { kind: 'default' }
  | { kind: 'text-index' }
  | { kind: 'recent-walk' }
  | { kind: 'recent-slice'; since: string }
  | { kind: 'nearest' }
  | { kind: 'near-filtered' }
  | { kind: 'near-all' };

/**
 * Rows of the recency index a common-words search reads before it falls back to the text index: enough for words
 * in 3 % of services to fill the candidates (≈ 1 µs a row on PostgreSQL, 10 ms at most).
 */
const WALK_ROWS = 10_000;

/** How to read the candidates of a search (`minServices`: the directory size from which the choice is steered). */
export async function planOf(db: Db, c: MatchCriteria, minServices = MIN_STEERED): Promise<Plan> {
  const filtered = Boolean(c.bbox || c.category || c.population || c.language || c.country);
  if (c.near) {
    if (c.tsquery) return { kind: 'default' };
    return { kind: filtered ? 'near-filtered' : 'nearest' };
  }
  if (!c.tsquery) return { kind: 'default' };
  const stats = await statisticsOf(db);
  if (stats.rows < minServices) return { kind: 'default' };
  return textPlan(shareOf(groupsOf(c.tsquery), stats), stats, filtered);
}

/** The plan for words expected in `share` of the services (see `Plan`). */
export function textPlan(share: number, stats: RecencyStatistics, filtered = false): Plan {
  if (share < RARE_SHARE) return { kind: 'text-index' };
  if (filtered) return { kind: 'default' };
  const since = share < WALK_SHARE ? recentSince(stats, (SLICE_MARGIN * MAX_CANDIDATES) / (share * stats.rows)) : null;
  if (since !== null) return { kind: 'recent-slice', since };
  // No slice (it would be most of the directory): a walk that would need more rows than it may read costs more
  // than reading every match.
  return MAX_CANDIDATES / share > WALK_ROWS ? { kind: 'text-index' } : { kind: 'recent-walk' };
}

type StatementRow = {
  stale: boolean;
  /** False when the nearest sites read did not settle which services are nearest (see `nearPlaces`). */
  complete: boolean;
  service_id: string | null;
  distance_m: number | null;
  total: number | null;
  places: ServiceSummary['places'] | null;
  categories: string[] | null;
} & { [K in keyof ServiceRow]: ServiceRow[K] | null };

function summaryOf(row: StatementRow): ServiceSummary | null {
  if (row.id === null || row.id === undefined) return null;
  const r = row as unknown as ServiceRow;
  return {
    id: r.id,
    organization_id: r.organization_id,
    organization_name: r.organization_name,
    organization_kind: r.organization_kind,
    name: r.name,
    description: r.description,
    original_locale: r.original_locale,
    status: r.status,
    cost: r.cost,
    url: r.url,
    email: r.email,
    fees_description: r.fees_description,
    eligibility_description: r.eligibility_description,
    application_process: r.application_process,
    schedule_notes: r.schedule_notes,
    is_demo: r.is_demo,
    last_verified_at: r.last_verified_at,
    verified_by: r.verified_by,
    updated_at: r.updated_at,
    freshness: r.freshness,
    places: row.places ?? [],
    categories: row.categories ?? [],
  };
}

function matchStatement(
  criteria: MatchCriteria,
  window: { limit: number; offset: number },
  plan: Plan,
  freshness: FreshnessSettings | undefined,
) {
  const { tsquery, near } = criteria;
  const tsq = tsquery === null ? null : sql`${tsquery}::tsquery`;
  const origin = near ? sql`ll_to_earth(${near.latitude}, ${near.longitude})` : null;
  const conditions = filterConditions(criteria, 'ss');
  if (tsq) conditions.push(sql`ss.document @@ ${tsq}`);
  if (criteria.bbox && !near) {
    // Any site in the box, read with the filters from the sites alone (see migrations/0016).
    const sites = sql.join([bboxCondition(criteria.bbox), ...filterConditions(criteria, 'p')], sql` AND `);
    conditions.push(sql`ss.service_id IN (SELECT p.service_id FROM service_search_places p WHERE ${sites})`);
  }
  const where = sql.join(conditions, sql` AND `);
  const document = tsq ? sql`ss.document` : sql`NULL::tsvector AS document`;
  const columns = sql`ss.service_id, ${document}, NULL::float8 AS distance_m, ss.verified_at`;
  const recent = sql`ss.verified_at DESC NULLS LAST, ss.service_id`;
  let candidates: RawBuilder<unknown>;
  let complete: RawBuilder<unknown> = sql`true`;
  if (origin && near) {
    // The sites carry the filters; words need the search row.
    const siteConditions = filterConditions(criteria, 'p');
    if (criteria.bbox) siteConditions.push(bboxCondition(criteria.bbox));
    if (tsq) siteConditions.push(sql`ss.document @@ ${tsq}`);
    const sites = sql`service_search_places p ${tsq ? sql`JOIN service_search ss ON ss.service_id = p.service_id` : sql``}
      WHERE ${sql.join(siteConditions, sql` AND `)}`;
    const nearest = nearPlaces(plan, sites, document, origin, near.radiusM);
    candidates = nearest.candidates;
    complete = nearest.complete;
  } else if (plan.kind === 'recent-walk' || plan.kind === 'recent-slice') {
    // The recent part first: the walk reads the recency index in order; the slice ANDs the text index with the
    // recency index's range and sorts what both hold (sorting by `+ 0 s`, which no index gives, keeps it so).
    const recentPart =
      plan.kind === 'recent-walk'
        ? sql`SELECT ${columns} FROM (
            SELECT * FROM service_search ORDER BY verified_at DESC NULLS LAST, service_id LIMIT ${WALK_ROWS}
          ) ss
          WHERE ${where}
          ORDER BY ${recent} LIMIT ${MAX_CANDIDATES}`
        : sql`SELECT ${columns} FROM service_search ss WHERE ${where} AND ss.verified_at >= ${plan.since}::timestamptz
          ORDER BY (ss.verified_at + interval '0 s') DESC NULLS LAST, ss.service_id LIMIT ${MAX_CANDIDATES}`;
    candidates = sql`recent AS MATERIALIZED (${recentPart}),
    rest AS MATERIALIZED (
      SELECT r.* FROM (
        SELECT ${columns} FROM service_search ss WHERE ${where}
        ORDER BY (ss.verified_at + interval '0 s') DESC NULLS LAST, ss.service_id LIMIT ${MAX_CANDIDATES}
      ) r
      WHERE (SELECT count(*) FROM recent) < ${MAX_CANDIDATES}
    ),
    candidates AS (
      SELECT * FROM recent WHERE (SELECT count(*) FROM recent) = ${MAX_CANDIDATES} UNION ALL SELECT * FROM rest
    )`;
  } else {
    // The most recently verified first. Sorting by an expression the recency index cannot give (`+ 0 s`) makes the
    // text index read rare words at once.
    const preorder =
      plan.kind === 'text-index' ? sql`(ss.verified_at + interval '0 s') DESC NULLS LAST, ss.service_id` : recent;
    candidates = sql`candidates AS (
      SELECT ${columns} FROM service_search ss WHERE ${where} ORDER BY ${preorder} LIMIT ${MAX_CANDIDATES}
    )`;
  }
  // Text relevance × recency of verification (half weight after ~6 months) × closeness (half at 10 km).
  const recency = sql`(1.0 / (1 + greatest(0, extract(epoch FROM now() - coalesce(c.verified_at, now() - interval '3 years')) / 15552000)))`;
  const closeness = origin ? sql`(1.0 / (1 + c.distance_m / 10000))` : sql`1.0`;
  const score = tsq
    ? sql`ts_rank(c.document, ${tsq}) * (0.6 + 0.4 * ${recency}) * ${closeness}`
    : origin
      ? sql`-c.distance_m`
      : recency;
  // The page's services as lists show them (services.repository's columns, places by city, needs in order).
  const summary = freshness
    ? sql`, ${sql.join(SERVICE_COLUMNS.map((c) => sql.raw(c)))}, ${freshnessOf('s.last_verified_at', freshness)} AS freshness,
      coalesce((
        SELECT json_agg(json_build_object('service_id', sal.service_id, 'location_id', l.id, 'city', l.city,
          'admin_area', l.admin_area, 'country_code', l.country_code) ORDER BY l.city)
        FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id WHERE sal.service_id = s.id
      ), '[]') AS places,
      coalesce((
        SELECT json_agg(tt.code ORDER BY tt.position)
        FROM service_taxonomy_terms st JOIN taxonomy_terms tt ON tt.id = st.taxonomy_term_id WHERE st.service_id = s.id
      ), '[]') AS categories`
    : sql``;
  const services = freshness
    ? sql`LEFT JOIN services s ON s.id = p.service_id AND s.status = 'active'
        AND ${shownInResults('s.last_verified_at', freshness)}
      LEFT JOIN organizations o ON o.id = s.organization_id`
    : sql``;
  return sql<StatementRow>`
    WITH ${candidates},
    scored AS (SELECT c.service_id, c.distance_m, (${score})::float8 AS score FROM candidates c),
    page AS (
      SELECT service_id, distance_m, score, (count(*) OVER ())::int AS total FROM scored
      ORDER BY score DESC, service_id
      LIMIT ${window.limit} OFFSET ${window.offset}
    )
    SELECT st.stale, st.complete, p.service_id, p.distance_m, p.total ${summary}
    FROM (SELECT EXISTS (SELECT 1 FROM service_search_stale) AS stale, ${complete} AS complete) st
    LEFT JOIN page p ON true
    ${services}
    ORDER BY p.score DESC, p.service_id`;
}

/**
 * Below this share of the directory, a text search reads its matches through the text (GIN) index and sorts them;
 * above it, a slice of the most recently verified services (or a walk, see `WALK_SHARE`) costs less. Measured at
 * 100,000 services, server execution of the whole statement (ms, text index / slice): on PostgreSQL 15 a stem in
 * 1.7 % of services 2.5 / 3.3, 2.2 % 4.4 / 3.9, 2.6 % 3.1 / 2.5, 4.0 % 7.5 / 2.9, 7 % 8.4 / 2.5; on PGlite 1.9 %
 * 5.2 / 6.6, 2.4 % 5.6 / 5.0, 4.1 % 29 / 14, 7 % 15 / 4.9. The crossover is near 2.5 % on both (it was set at 4 %
 * from the walk alone, before the slice existed).
 */
const RARE_SHARE = 0.025;
/**
 * From this share up, walking the recency index finds the candidates in fewer rows (300 / share) than the slice
 * reads from the text index (every match) and the recency index (`SLICE_MARGIN` × 300 / share).
 */
const WALK_SHARE = 0.15;
/** The slice holds this many times the rows the candidates should need, so that it rarely comes up short. */
const SLICE_MARGIN = 2;
/** Small directories are fast either way; the planner keeps its own choice. */
const MIN_STEERED = 20_000;
/** PostgreSQL's guess for a word it has no statistics for (ts_selfuncs.c). */
const DEFAULT_WORD_SHARE = 0.005;

export interface RecencyStatistics {
  rows: number;
  /** Verification dates splitting the verified services into equal parts, oldest first (the planner's histogram). */
  recency: string[] | null;
  /** Share of services never verified. */
  unverified: number;
}

interface DirectoryStatistics extends RecencyStatistics {
  /** Share of services holding each of the most common stems (the planner's own statistics, from ANALYZE). */
  shares: Map<string, number> | null;
  /** The least share listed: a stem not listed is rarer. */
  minShare: number;
  at: number;
}
const directoryStatistics = new WeakMap<Db, DirectoryStatistics>();

/** The planner's statistics of the search table, read at most once a minute (no round trip per search). */
async function statisticsOf(db: Db): Promise<DirectoryStatistics> {
  const cached = directoryStatistics.get(db);
  if (cached && Date.now() - cached.at <= 60_000) return cached;
  const { rows } = await sql<{
    n: number;
    elems: string[] | null;
    freqs: number[] | null;
    recency: string[] | null;
    unverified: number | null;
  }>`
    SELECT greatest(c.reltuples, 0)::float8 AS n, s.most_common_elems::text::text[] AS elems,
      s.most_common_elem_freqs::float8[] AS freqs, v.histogram_bounds::text::text[] AS recency,
      v.null_frac::float8 AS unverified
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'document'
    LEFT JOIN pg_stats v ON v.schemaname = n.nspname AND v.tablename = c.relname AND v.attname = 'verified_at'
    WHERE c.oid = 'service_search'::regclass`.execute(db.query);
  const row = rows[0];
  const elems = row?.elems ?? null;
  const freqs = row?.freqs ?? null;
  // The frequencies list one share per stem, then the least and the greatest.
  const valid = elems !== null && freqs !== null && freqs.length === elems.length + 2;
  const recency = row?.recency ?? null;
  const stats: DirectoryStatistics = {
    rows: row?.n ?? 0,
    shares: valid ? new Map(elems.map((e, i) => [e, freqs[i] ?? 0])) : null,
    minShare: valid ? (freqs[freqs.length - 2] ?? 0) : 0,
    recency: recency && recency.length >= 3 ? recency : null,
    unverified: row?.unverified ?? 0,
    at: Date.now(),
  };
  directoryStatistics.set(db, stats);
  return stats;
}

/**
 * A guess at the share of services matching AND-ed groups of OR-ed stems. The alternatives of a group are mostly
 * one word stemmed in several languages (or a typo and its correction), so a group holds about as many services as
 * its most common stem; the words of a query mostly go together ("familiares desaparecidos"), so they match about
 * as many as the rarest group. (The planner assumes neither, ts_selfuncs.c: it would guess 1 % for words that go
 * together in 10 % of services.)
 */
function shareOf(groups: string[][], stats: DirectoryStatistics): number {
  const stem = (s: string) =>
    stats.shares ? (stats.shares.get(s) ?? Math.min(DEFAULT_WORD_SHARE, stats.minShare / 2)) : DEFAULT_WORD_SHARE;
  return Math.min(...groups.map((group) => Math.max(...group.map(stem))));
}

/**
 * The verification date after which about `share` of the services were verified (at least that share, as far as
 * the histogram tells), or null when that is most of them or the histogram is missing.
 */
function recentSince(stats: RecencyStatistics, share: number): string | null {
  const bounds = stats.recency;
  const verified = 1 - stats.unverified;
  if (!bounds || verified <= 0 || share >= verified / 2) return null;
  const parts = bounds.length - 1;
  const index = Math.floor(parts * (1 - share / verified));
  return index > 0 ? (bounds[index] ?? null) : null;
}

/** The groups of OR-ed stems of a tsquery built by `tsqueryOf`. */
function groupsOf(tsquery: string): string[][] {
  return tsquery
    .split(' & ')
    .map((group) => [...group.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replace(/''/g, "'")));
}

/**
 * Sites read, nearest first, for a search around a point: enough to settle the nearest `MAX_CANDIDATES` services
 * when services have up to 1.3 sites on average (the demo directory: 392 sites for 375 services; each site read
 * costs ≈ 2 µs). Ties with the last one are read too (many services share a city's point).
 */
const NEAR_PLACES = 400;

/**
 * The candidates of a search around a point: the services whose nearest site is within the radius, nearest first,
 * at most `MAX_CANDIDATES`, with that site's distance. Read from the `NEAR_PLACES` nearest matching sites (the
 * GiST index gives them in distance order; `<->` on the earth cube orders by straight-line distance, which orders
 * great-circle distance the same way), which settles it when they hold that many services, or when they are all
 * the matching sites in the radius (fewer than `NEAR_PLACES`, or the last beyond it). `complete` says so; when it
 * is false the search is asked again with `near-all`, which reads every site in the radius.
 */
function nearPlaces(
  plan: Plan,
  sites: RawBuilder<unknown>,
  document: RawBuilder<unknown>,
  origin: RawBuilder<unknown>,
  radiusM: number,
): { candidates: RawBuilder<unknown>; complete: RawBuilder<unknown> } {
  const inRadius = sql`earth_box(${origin}, ${radiusM}) @> p.earth AND earth_distance(p.earth, ${origin}) <= ${radiusM}`;
  const nearest = (services: RawBuilder<unknown>) => sql`candidates AS (
      SELECT ss.service_id, ${document}, n.d AS distance_m, ss.verified_at
      FROM (${services}) n JOIN service_search ss ON ss.service_id = n.service_id
      ORDER BY n.d, ss.service_id LIMIT ${MAX_CANDIDATES}
    )`;
  if (plan.kind === 'near-all') {
    const services = sql`SELECT p.service_id, min(earth_distance(p.earth, ${origin})) AS d
      FROM ${sites} AND ${inRadius} GROUP BY p.service_id`;
    return { candidates: nearest(services), complete: sql`true` };
  }
  // With no words or filters, the radius is applied after (a box would make the planner read all its sites).
  const box = plan.kind === 'nearest' ? sql`` : sql`AND earth_box(${origin}, ${radiusM}) @> p.earth`;
  const candidates = sql`near_places AS MATERIALIZED (
      SELECT p.service_id, earth_distance(p.earth, ${origin}) AS d
      FROM ${sites} ${box}
      ORDER BY p.earth <-> ${origin} FETCH FIRST ${NEAR_PLACES} ROWS WITH TIES
    ),
    ${nearest(sql`SELECT service_id, min(d) AS d FROM near_places WHERE d <= ${radiusM} GROUP BY service_id`)}`;
  const complete = sql`((SELECT count(*) FROM near_places) < ${NEAR_PLACES}
    OR (SELECT count(DISTINCT service_id) FROM near_places WHERE d <= ${radiusM}) >= ${MAX_CANDIDATES}
    OR (SELECT max(d) FROM near_places) > ${radiusM})`;
  return { candidates, complete };
}

/** A site (`p`) in a bounding box; one that crosses the antimeridian (west > east) is searched as its halves. */
function bboxCondition(b: Bbox): RawBuilder<unknown> {
  const box = (w: number, e: number) => sql`p.lon_lat <@ box(point(${w}, ${b.south}), point(${e}, ${b.north}))`;
  return b.west <= b.east ? box(b.west, b.east) : sql`(${box(b.west, 180)} OR ${box(-180, b.east)})`;
}

/**
 * The filters of a search on the search row (`ss`) or on a site (`p`), which carries the same columns. Each row
 * carries the verification date (refreshed on every change to the service), so hiding stale listings needs no join.
 */
function filterConditions(criteria: MatchCriteria, table: 'ss' | 'p'): RawBuilder<unknown>[] {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (criteria.category) conditions.push(sql`${column('categories')} @> ARRAY[${criteria.category}]::text[]`);
  if (criteria.population) conditions.push(sql`${column('populations')} @> ARRAY[${criteria.population}]::text[]`);
  if (criteria.language) conditions.push(sql`${column('languages')} @> ARRAY[${criteria.language}]::text[]`);
  if (criteria.country) conditions.push(sql`${column('countries')} @> ARRAY[${criteria.country}]::text[]`);
  if (criteria.hideAfterMonths !== undefined) {
    conditions.push(sql`${column('verified_at')} >= ${monthsAgo(criteria.hideAfterMonths)}`);
  }
  return conditions;
}
