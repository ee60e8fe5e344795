// Reads of the taxonomy of needs.
import type { Db } from '../../db/db.js';

export function listTaxonomyTerms(db: Db) {
  return db.query
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'parent_id', 'taxonomy', 'name', 'description', 'position'])
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export function findTaxonomyTerm(db: Db, id: string) {
  return db.query
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'parent_id', 'taxonomy', 'name', 'description', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type TaxonomyTermRow = Awaited<ReturnType<typeof listTaxonomyTerms>>[number];
