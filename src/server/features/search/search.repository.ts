// The search queries: words → tsquery, typo corrections from the lexicon, and ranked matches from service_search.
// Every query is bounded: at most MAX_TERMS words, at most MAX_CANDIDATES rows ranked, a LIMIT on every statement.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/db.js';
import { monthsAgo } from '../freshness/freshness.repository.js';
import { oneEditVariants } from './search-text.js';

/**
 * Matches ranked per search (the most recently verified, or the nearest); `total` never exceeds it. 300 is 15 pages
 * of 20; at 100,000 services, 1,000 cost four times as much (a common word walks ten thousand rows to find them).
 */
export const MAX_CANDIDATES = 300;
/** pg_trgm word similarity needed to offer a correction ("clinisa" → "clinica" scores 0.45). */
const TYPO_THRESHOLD = '0.4';

const CONFIGS = sql`ARRAY['rumbo_es', 'rumbo_en', 'rumbo_fr', 'rumbo_pt', 'rumbo_ht']::regconfig[]`;

/**
 * One tsquery for groups of alternative words ("clinisa" or its correction "clínica"): each word stemmed in every
 * locale's configuration, alternatives OR-ed, groups AND-ed. A group that is a stop word in some language is
 * dropped. Null when nothing searchable remains.
 */
export async function buildTsQuery(db: Db, groups: string[][]): Promise<string | null> {
  const index = groups.flatMap((words, g) => words.map(() => g));
  const words = groups.flat();
  if (!words.length) return null;
  const { rows } = await sql<{ query: string | null }>`
    WITH alternatives AS (SELECT g, w FROM unnest(${index}::int[], ${words}::text[]) AS a(g, w)),
    lexemes AS (
      SELECT a.g, l.lexeme FROM alternatives a
      CROSS JOIN unnest(${CONFIGS}) AS c(cfg)
      LEFT JOIN LATERAL unnest(to_tsvector(c.cfg, a.w)) AS l ON true
    ),
    kept AS (
      SELECT g, '(' || string_agg(DISTINCT quote_literal(lexeme), ' | ') || ')' AS expr
      FROM lexemes GROUP BY g HAVING count(*) FILTER (WHERE lexeme IS NULL) = 0
    )
    SELECT string_agg(expr, ' & ' ORDER BY g) AS query FROM kept`.execute(db.query);
  return rows[0]?.query ?? null;
}

export interface Correction {
  term: string;
  word: string;
  display: string;
  similarity: number;
  frequency: number;
}

/**
 * For each folded term not in the lexicon: up to five similar known words (trigram word similarity) and every
 * known word one keystroke away (see `oneEditVariants`).
 */
export async function correctTerms(db: Db, foldedTerms: string[]): Promise<Correction[]> {
  const candidates = foldedTerms.filter((t) => t.length >= 4 && !/^\d+$/.test(t));
  if (!candidates.length) return [];
  // Most searches are spelled right: one cheap exact lookup spares them the trigram transaction.
  const known = await sql<{ word: string }>`
    SELECT word FROM search_lexicon WHERE word = ANY(${candidates}::text[])`.execute(db.query);
  const unknown = candidates.filter((t) => !known.rows.some((r) => r.word === t));
  if (!unknown.length) return [];
  const variantTerms: string[] = [];
  const variants: string[] = [];
  for (const term of unknown) {
    for (const variant of oneEditVariants(term)) {
      variantTerms.push(term);
      variants.push(variant);
    }
  }
  return db.query.transaction().execute(async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${TYPO_THRESHOLD}, true)`.execute(trx);
    const { rows } = await sql<Correction>`
      SELECT t.term, best.word, best.display, best.similarity, best.frequency
      FROM unnest(${unknown}::text[]) AS t(term)
      CROSS JOIN LATERAL (
        SELECT l.word, l.display, similarity(t.term, l.word)::float8 AS similarity, l.frequency FROM search_lexicon l
        WHERE t.term <% l.word
        ORDER BY similarity(t.term, l.word) DESC, l.frequency DESC, l.word
        LIMIT 5
      ) best
      UNION
      SELECT v.term, l.word, l.display, similarity(v.term, l.word)::float8, l.frequency
      FROM unnest(${variantTerms}::text[], ${variants}::text[]) AS v(term, variant)
      JOIN search_lexicon l ON l.word = v.variant`.execute(trx);
    return rows;
  });
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

export async function findMatches(
  db: Db,
  criteria: MatchCriteria,
  window: { limit: number; offset: number },
): Promise<{ rows: Match[]; total: number }> {
  const { tsquery, near } = criteria;
  const tsq = tsquery === null ? null : sql`${tsquery}::tsquery`;
  const origin = near ? sql`ll_to_earth(${near.latitude}, ${near.longitude})` : null;
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (tsq) conditions.push(sql`ss.document @@ ${tsq}`);
  if (origin && near) {
    conditions.push(sql`earth_box(${origin}, ${near.radiusM}) @> ss.earth`);
    conditions.push(sql`earth_distance(ss.earth, ${origin}) <= ${near.radiusM}`);
  }
  if (criteria.bbox) conditions.push(bboxCondition(criteria.bbox));
  if (criteria.category) conditions.push(sql`ss.categories @> ARRAY[${criteria.category}]::text[]`);
  if (criteria.population) conditions.push(sql`ss.populations @> ARRAY[${criteria.population}]::text[]`);
  if (criteria.language) conditions.push(sql`ss.languages @> ARRAY[${criteria.language}]::text[]`);
  if (criteria.country) conditions.push(sql`ss.countries @> ARRAY[${criteria.country}]::text[]`);
  // The index row carries the verification date (refreshed on every change to the service), so this needs no join.
  if (criteria.hideAfterMonths !== undefined) {
    conditions.push(sql`ss.verified_at >= ${monthsAgo(criteria.hideAfterMonths)}`);
  }
  const distance = origin ? sql`earth_distance(c.earth, ${origin})` : sql`NULL::float8`;
  // Text relevance × recency of verification (half weight after ~6 months) × closeness (half at 10 km).
  const recency = sql`(1.0 / (1 + greatest(0, extract(epoch FROM now() - coalesce(c.verified_at, now() - interval '3 years')) / 15552000)))`;
  const closeness = origin ? sql`(1.0 / (1 + earth_distance(c.earth, ${origin}) / 10000))` : sql`1.0`;
  const score = tsq
    ? sql`ts_rank(c.document, ${tsq}) * (0.6 + 0.4 * ${recency}) * ${closeness}`
    : origin
      ? sql`-earth_distance(c.earth, ${origin})`
      : recency;
  // Nearest first through the GiST index (`<->` on the earth cube orders by straight-line distance, which orders
  // great-circle distance the same way), so only the candidates are read, not every place in the radius.
  const preorder = origin ? sql`ss.earth <-> ${origin}` : sql`ss.verified_at DESC NULLS LAST`;
  const statement = sql<Match & { score: number }>`
    WITH candidates AS (
      SELECT ss.service_id, ${tsq ? sql`ss.document` : sql`NULL::tsvector AS document`}, ss.earth, ss.verified_at
      FROM service_search ss
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${preorder}, ss.service_id
      LIMIT ${MAX_CANDIDATES}
    ),
    scored AS (SELECT c.service_id, ${distance} AS distance_m, (${score})::float8 AS score FROM candidates c)
    SELECT service_id, distance_m, score, (count(*) OVER ())::int AS total FROM scored
    ORDER BY score DESC, service_id
    LIMIT ${window.limit} OFFSET ${window.offset}`;
  // One word (with its alternatives) only: for several, the planner multiplies their shares as if the words were
  // unrelated ("familiares desaparecidos": 3,225 expected, 9,536 found) and the estimate misleads.
  const oneWord = tsquery !== null && !tsquery.includes(' & ');
  const readRarely = oneWord && !origin && (await matchesAreRare(db, tsquery));
  // With a place and no words, the planner underestimates how many places a radius holds and reads them all
  // through a bitmap (24 ms around Tapachula at 100,000 services) instead of walking the index nearest first
  // (3 ms). With words it keeps bitmaps: GIN can only be read through one, and it can AND the text and the box.
  // Words that few services contain: the recency index would be walked far to find the candidates, while the
  // text index hands them over at once (see `matchesAreRare`).
  const setting = origin && !tsq ? 'enable_bitmapscan' : readRarely ? 'enable_indexscan' : null;
  const { rows } = setting
    ? await db.query.transaction().execute(async (trx) => {
        await sql`SELECT set_config(${setting}, 'off', true)`.execute(trx);
        return statement.execute(trx);
      })
    : await statement.execute(db.query);
  if (rows.length || window.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // Past the last page: still say how many there are.
  const first = await findMatches(db, criteria, { limit: 1, offset: 0 });
  return { rows: [], total: first.total };
}

/**
 * Below this share of the directory, a text search reads its matches through the text (GIN) index and sorts them;
 * above it, it walks the recency index until it has its candidates. Measured at 100,000 services on PGlite: a word
 * in 1–2 % of services takes 17–42 ms walking and 7–8 ms through GIN; one in 9 % takes 4–5 ms walking and 18 ms
 * through GIN. The crossover is near 4 %.
 */
const RARE_SHARE = 0.04;
const directorySize = new WeakMap<Db, { rows: number; at: number }>();

type JsonPlan = [{ Plan: { 'Plan Rows': number } }];

/** Whether the planner expects the words to match under RARE_SHARE of the indexed services. */
export async function matchesAreRare(db: Db, tsquery: string, minServices = 20_000): Promise<boolean> {
  let size = directorySize.get(db);
  if (!size || Date.now() - size.at > 60_000) {
    const { rows } = await sql<{ n: number }>`
      SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'service_search'::regclass`.execute(
      db.query,
    );
    size = { rows: rows[0]?.n ?? 0, at: Date.now() };
    directorySize.set(db, size);
  }
  // Small directories are fast either way; without statistics (never analyzed) the planner's guesses mean little.
  if (size.rows < minServices) return false;
  const { rows } = await sql<{ 'QUERY PLAN': JsonPlan | string }>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM service_search ss WHERE ss.document @@ ${tsquery}::tsquery`.execute(db.query);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = typeof raw === 'string' ? (JSON.parse(raw) as JsonPlan) : raw;
  const estimate = plan?.[0]?.Plan['Plan Rows'];
  return estimate !== undefined && estimate < size.rows * RARE_SHARE;
}

/** A bounding box; one that crosses the antimeridian (west > east) is searched as its two halves. */
function bboxCondition(b: Bbox): RawBuilder<unknown> {
  const box = (w: number, e: number) => sql`ss.lon_lat <@ box(point(${w}, ${b.south}), point(${e}, ${b.north}))`;
  if (b.west <= b.east) return box(b.west, b.east);
  return sql`(${box(b.west, 180)} OR ${box(-180, b.east)})`;
}
