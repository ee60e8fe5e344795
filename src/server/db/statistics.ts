// Planner statistics after bulk loads. PostgreSQL's autovacuum gathers them on its own; PGlite has no background
// workers, so without this a freshly loaded embedded database is planned as if its tables were empty (a search
// walks a whole index, an export scans a table per batch). On PostgreSQL it is merely early.
import { sql } from 'kysely';
import type { Db } from './db.js';

/** Tables worth analyzing after a bulk load (names are fixed here, never taken from input). */
export type AnalyzedTable =
  | 'organizations'
  | 'services'
  | 'locations'
  | 'service_at_locations'
  | 'service_taxonomy_terms'
  | 'service_search'
  | 'search_lexicon'
  | 'submissions'
  | 'hub_reports'
  | 'report_data_values'
  | 'report_rollups';

/** ANALYZE the given tables (every table when none are given). */
export async function refreshStatistics(db: Db, tables: AnalyzedTable[] = []): Promise<void> {
  if (tables.length === 0) {
    await sql`ANALYZE`.execute(db.query);
    return;
  }
  for (const table of new Set(tables)) await sql`ANALYZE ${sql.table(table)}`.execute(db.query);
}
