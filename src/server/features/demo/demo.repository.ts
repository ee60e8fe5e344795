// The only SQL of the demo feature: inserting a whole directory in batches, counting services, and the lock that
// keeps two app instances from seeding the same empty database at once.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DemoDirectory } from './demo-directory.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** PostgreSQL's limit on bind parameters in one statement is 65535; stay clear of it. */
const MAX_PARAMETERS = 60_000;
const DEMO_SEED_LOCK = 727_002; // arbitrary, constant: "rumbo demo seed"

export interface InsertOptions {
  /** Upper bound on rows per INSERT; the parameter limit may lower it further. Default 500. */
  maxRowsPerBatch?: number;
}

/** Splits rows into batches small enough for both the row bound and the parameter limit. */
function batches<T extends object>(rows: readonly T[], maxRows: number): T[][] {
  if (rows.length === 0) return [];
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS / Math.max(1, columns.size))));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Taxonomy term ids by code (terms come from migration 0002). */
export async function termIdsByCode(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/**
 * Inserts every row of `directory`, parents before children. Run it inside a transaction so that a failure leaves
 * nothing half-written. Throws when a service refers to a taxonomy code the database does not have.
 */
export async function insertDemoDirectory(
  trx: Executor,
  directory: DemoDirectory,
  options: InsertOptions = {},
): Promise<void> {
  const maxRows = options.maxRowsPerBatch ?? 500;
  const terms = await termIdsByCode(trx);
  const serviceTerms = directory.serviceTerms.map((link) => {
    const taxonomyTermId = terms.get(link.term_code);
    if (!taxonomyTermId) throw new Error(`Unknown taxonomy term code: ${link.term_code}`);
    return { service_id: link.service_id, taxonomy_term_id: taxonomyTermId };
  });

  for (const chunk of batches(directory.organizations, maxRows)) {
    await trx.insertInto('organizations').values(chunk).execute();
  }
  for (const chunk of batches(directory.organizationCountries, maxRows)) {
    await trx.insertInto('organization_countries').values(chunk).execute();
  }
  for (const chunk of batches(directory.locations, maxRows)) {
    await trx.insertInto('locations').values(chunk).execute();
  }
  for (const chunk of batches(directory.addresses, maxRows)) {
    await trx.insertInto('addresses').values(chunk).execute();
  }
  for (const chunk of batches(directory.services, maxRows)) {
    await trx.insertInto('services').values(chunk).execute();
  }
  for (const chunk of batches(directory.serviceAtLocations, maxRows)) {
    await trx.insertInto('service_at_locations').values(chunk).execute();
  }
  for (const chunk of batches(serviceTerms, maxRows)) {
    await trx.insertInto('service_taxonomy_terms').values(chunk).execute();
  }
  for (const chunk of batches(directory.servicePopulations, maxRows)) {
    await trx.insertInto('service_populations').values(chunk).execute();
  }
  for (const chunk of batches(directory.serviceLanguages, maxRows)) {
    await trx.insertInto('service_languages').values(chunk).execute();
  }
  for (const chunk of batches(directory.requiredDocuments, maxRows)) {
    await trx.insertInto('required_documents').values(chunk).execute();
  }
  for (const chunk of batches(directory.phones, maxRows)) {
    await trx.insertInto('phones').values(chunk).execute();
  }
  for (const chunk of batches(directory.schedules, maxRows)) {
    await trx.insertInto('schedules').values(chunk).execute();
  }
}

export async function countServices(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Serialises demo seeding across app instances until the surrounding transaction ends. */
export async function lockDemoSeeding(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
}
