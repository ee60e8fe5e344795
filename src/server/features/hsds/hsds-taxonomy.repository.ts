// Reads of taxonomies and their terms for the HSDS API. Rumbo names a taxonomy by a text key on each term.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import { hsdsQuery, type Window } from './hsds.repository.js';

export interface TermSelection {
  search?: string | undefined;
  taxonomies?: string[] | undefined;
  topOnly?: boolean | undefined;
  parentId?: string | undefined;
}

function selectTerms(db: Db, selection: TermSelection) {
  let query = hsdsQuery(db).selectFrom('taxonomy_terms as tt');
  if (selection.search) {
    const pattern = `%${selection.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb(sql`tt.name::text`, 'ilike', pattern), eb('tt.code', 'ilike', pattern)]));
  }
  if (selection.taxonomies)
    query = query.where('tt.taxonomy', 'in', selection.taxonomies.length ? selection.taxonomies : ['']);
  if (selection.topOnly) query = query.where('tt.parent_id', 'is', null);
  if (selection.parentId) query = query.where('tt.parent_id', '=', selection.parentId);
  return query;
}

export async function listTermRows(db: Db, selection: TermSelection, window: Window) {
  const [rows, count] = await Promise.all([
    selectTerms(db, selection)
      .selectAll('tt')
      .orderBy('tt.taxonomy')
      .orderBy('tt.position')
      .orderBy('tt.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    selectTerms(db, selection)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export function findTermRow(db: Db, id: string) {
  return hsdsQuery(db).selectFrom('taxonomy_terms').selectAll().where('id', '=', id).executeTakeFirst();
}
export type TermRow = NonNullable<Awaited<ReturnType<typeof findTermRow>>>;

/** Every taxonomy name in use, alphabetically. */
export async function taxonomyNames(db: Db): Promise<string[]> {
  const rows = await hsdsQuery(db)
    .selectFrom('taxonomy_terms')
    .select('taxonomy')
    .distinct()
    .orderBy('taxonomy')
    .execute();
  return rows.map((r) => r.taxonomy);
}

/** Records of HSDS tables Rumbo does not model, kept from imports (e.g. a taxonomy's own row). */
export function hsdsRecords(db: Db, resource: string) {
  return hsdsQuery(db)
    .selectFrom('hsds_records')
    .select(['id', 'record'])
    .where('resource', '=', resource)
    .orderBy('id')
    .execute();
}
