// The only SQL of the HSDS import: which ids exist, batched upserts by id (an imported record with a known id
// updates the row instead of duplicating it), links, and the whole-record store `hsds_records`. Every function
// runs on the import's one transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, HsdsTables } from '../../../db/schema.js';

export type ImportDb = Kysely<Database & HsdsTables>;
export type ImportTrx = Transaction<Database & HsdsTables>;

/** Tables whose rows have their own id and take an upsert. */
export type IdTable =
  | 'organizations'
  | 'locations'
  | 'addresses'
  | 'services'
  | 'service_at_locations'
  | 'phones'
  | 'schedules'
  | 'required_documents';

/** PostgreSQL allows 65535 bind parameters per statement; stay clear of it. */
const MAX_PARAMETERS = 60_000;

function batches<T extends object>(rows: readonly T[], maxRows = 1000): T[][] {
  if (!rows.length) return [];
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS / columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Which of `ids` already exist in `table`. */
export async function existingIds(trx: ImportTrx, table: IdTable, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of batches(
    ids.map((id) => ({ id })),
    10_000,
  )) {
    const rows = await trx
      .selectFrom(table)
      .select('id')
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      )
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Inserts rows, or updates every given column of the row with the same id (created_at is left alone). */
export async function upsertById(trx: ImportTrx, table: IdTable, rows: Record<string, unknown>[]): Promise<void> {
  for (const chunk of batches(rows)) {
    const columns = Object.keys(chunk[0] ?? {}).filter((c) => c !== 'id');
    const updates = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
    await trx
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) => oc.column('id').doUpdateSet(updates as never))
      .execute();
  }
}

export async function linkLanguages(trx: ImportTrx, rows: { service_id: string; language_code: string }[]) {
  for (const chunk of batches(rows)) {
    await trx
      .insertInto('service_languages')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function linkTerms(trx: ImportTrx, rows: { service_id: string; taxonomy_term_id: string }[]) {
  for (const chunk of batches(rows)) {
    await trx
      .insertInto('service_taxonomy_terms')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Rumbo's taxonomy terms, to map HSDS terms by id or code. */
export function taxonomyTermKeys(trx: ImportTrx) {
  return trx.selectFrom('taxonomy_terms').select(['id', 'code']).execute();
}

/** Which (resource, id) pairs are already kept whole. */
export async function keptKeys(trx: ImportTrx, keys: { resource: string; id: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of batches(keys, 10_000)) {
    const rows = await trx
      .selectFrom('hsds_records')
      .select(['resource', 'id'])
      .where(
        'id',
        'in',
        chunk.map((k) => k.id),
      )
      .execute();
    for (const row of rows) found.add(`${row.resource}:${row.id}`);
  }
  return found;
}

export async function keepRecords(trx: ImportTrx, records: { resource: string; id: string; record: string }[]) {
  for (const chunk of batches(records)) {
    await trx
      .insertInto('hsds_records')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['resource', 'id']).doUpdateSet({ record: sql.ref('excluded.record'), imported_at: sql`now()` }),
      )
      .execute();
  }
}

/** Forgets kept copies of records that are now live rows. */
export async function forgetKept(trx: ImportTrx, resource: string, ids: string[]) {
  for (const chunk of batches(
    ids.map((id) => ({ id })),
    10_000,
  )) {
    await trx
      .deleteFrom('hsds_records')
      .where('resource', '=', resource)
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      )
      .execute();
  }
}
