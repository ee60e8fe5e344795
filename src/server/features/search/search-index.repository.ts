// Keeps service_search and search_lexicon in step with the directory: re-indexes the services that the triggers of
// migrations/0006_search.sql queued in service_search_stale, in batches.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { SearchTables } from '../../db/schema.js';

type Executor = Db['query'];

/** Word separators: ASCII classes plus common non-ASCII punctuation (a C-locale [[:alpha:]] misses "í"). */
const SEPARATORS = '[[:space:][:punct:][:digit:]¿¡«»“”‘’–—…·]+';

function searchTables(db: Executor) {
  return db.withTables<SearchTables>();
}

export async function hasStaleServices(db: Executor): Promise<boolean> {
  const row = await searchTables(db)
    .selectFrom('service_search_stale')
    .select('service_id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function staleBatch(db: Executor, size: number): Promise<string[]> {
  const rows = await searchTables(db)
    .selectFrom('service_search_stale')
    .select('service_id')
    .orderBy('service_id')
    .limit(size)
    .execute();
  return rows.map((r) => r.service_id);
}

/**
 * Merges the text and trigram indexes' pending lists into the indexes (see migrations/0015), so that searches after
 * a bulk load do not read the last insertions one by one. The index names are fixed here.
 */
export async function mergePendingIndexEntries(db: Executor): Promise<void> {
  await sql`SELECT gin_clean_pending_list('service_search_document'::regclass),
    gin_clean_pending_list('search_lexicon_trigram'::regclass)`.execute(db);
}

/** Rebuilds the search rows of `ids` (removing those no longer active) and adds their words to the lexicon. */
export async function indexServices(db: Executor, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const idList = sql`${ids}::uuid[]`;
  await sql`
    DELETE FROM service_search ss
    USING unnest(${idList}) AS b(id)
    WHERE ss.service_id = b.id
      AND NOT EXISTS (SELECT 1 FROM services s WHERE s.id = ss.service_id AND s.status = 'active')`.execute(db);
  await sql`
    WITH batch AS MATERIALIZED (
      SELECT s.id FROM unnest(${idList}) AS b(id) JOIN services s ON s.id = b.id WHERE s.status = 'active'
    ),
    term_docs AS MATERIALIZED (
      SELECT tt.id, tt.code,
        rumbo_translated_tsvector(tt.name, 'C') || rumbo_translated_tsvector(coalesce(k.keywords, '{}'), 'C') AS doc
      FROM taxonomy_terms tt LEFT JOIN search_keywords k ON k.term_code = tt.code
    ),
    terms AS (
      SELECT st.service_id, array_agg(td.code ORDER BY td.code) AS codes, rumbo_tsvector_agg(td.doc) AS doc
      FROM service_taxonomy_terms st JOIN batch b ON b.id = st.service_id JOIN term_docs td ON td.id = st.taxonomy_term_id
      GROUP BY st.service_id
    ),
    places AS (
      SELECT sal.service_id,
        array_agg(DISTINCT trim(l.country_code)) AS countries,
        string_agg(l.city || ' ' || coalesce(l.admin_area, ''), ' ') AS names
      FROM service_at_locations sal JOIN batch b ON b.id = sal.service_id JOIN locations l ON l.id = sal.location_id
      GROUP BY sal.service_id
    ),
    pops AS (
      SELECT sp.service_id, array_agg(sp.population ORDER BY sp.population) AS list
      FROM service_populations sp JOIN batch b ON b.id = sp.service_id GROUP BY sp.service_id
    ),
    langs AS (
      SELECT sl.service_id, array_agg(sl.language_code ORDER BY sl.language_code) AS list
      FROM service_languages sl JOIN batch b ON b.id = sl.service_id GROUP BY sl.service_id
    )
    INSERT INTO service_search AS ss (service_id, document, categories, populations, languages, countries,
      verified_at)
    SELECT s.id,
      rumbo_translated_tsvector(s.name, 'A') || rumbo_translated_tsvector(s.description, 'B')
        || setweight(to_tsvector('rumbo_ht', o.name || ' ' || coalesce(o.alternate_name, '')), 'B')
        || coalesce(t.doc, ''::tsvector)
        || setweight(to_tsvector('rumbo_ht', coalesce(p.names, '')), 'C'),
      coalesce(t.codes, '{}'), coalesce(pops.list, '{}'), coalesce(langs.list, '{}'), coalesce(p.countries, '{}'),
      s.last_verified_at
    FROM batch b
    JOIN services s ON s.id = b.id
    JOIN organizations o ON o.id = s.organization_id
    LEFT JOIN terms t ON t.service_id = s.id
    LEFT JOIN places p ON p.service_id = s.id
    LEFT JOIN pops ON pops.service_id = s.id
    LEFT JOIN langs ON langs.service_id = s.id
    ON CONFLICT (service_id) DO UPDATE SET document = excluded.document, categories = excluded.categories,
      populations = excluded.populations, languages = excluded.languages, countries = excluded.countries,
      verified_at = excluded.verified_at`.execute(db);
  // Every site with coordinates and its service's filter columns, for searches by place and box (migrations/0016).
  await sql`DELETE FROM service_search_places p USING unnest(${idList}) AS b(id) WHERE p.service_id = b.id`.execute(db);
  await sql`
    INSERT INTO service_search_places (service_id, location_id, earth, lon_lat, categories, populations, languages,
      countries, verified_at)
    SELECT sal.service_id, l.id, ll_to_earth(l.latitude, l.longitude), point(l.longitude, l.latitude),
      ss.categories, ss.populations, ss.languages, ss.countries, ss.verified_at
    FROM unnest(${idList}) AS b(id)
    JOIN service_search ss ON ss.service_id = b.id
    JOIN service_at_locations sal ON sal.service_id = b.id
    JOIN locations l ON l.id = sal.location_id
    WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    WITH texts AS (
      SELECT DISTINCT v.value FROM unnest(${idList}) AS b(id)
      JOIN services s ON s.id = b.id
      CROSS JOIN LATERAL (
        SELECT value FROM jsonb_each_text(s.name) UNION ALL SELECT value FROM jsonb_each_text(s.description)
      ) v
      WHERE s.status = 'active'
      UNION
      SELECT v.value FROM taxonomy_terms tt CROSS JOIN LATERAL jsonb_each_text(tt.name) v
      UNION
      SELECT v.value FROM search_keywords k CROSS JOIN LATERAL jsonb_each_text(k.keywords) v
    ),
    words AS (
      SELECT w, count(*) AS n
      FROM texts CROSS JOIN LATERAL regexp_split_to_table(lower(texts.value), ${SEPARATORS}) AS w
      WHERE length(w) >= 3
      GROUP BY w
    )
    INSERT INTO search_lexicon (word, display, frequency)
    SELECT lower(unaccent(w)), (array_agg(w ORDER BY n DESC, w))[1], sum(n)::int
    FROM words GROUP BY lower(unaccent(w))
    ON CONFLICT (word) DO UPDATE SET frequency = search_lexicon.frequency + excluded.frequency`.execute(db);
  await sql`DELETE FROM service_search_stale st USING unnest(${idList}) AS b(id) WHERE st.service_id = b.id`.execute(
    db,
  );
}
