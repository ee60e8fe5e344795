// The SQL of an unverified import's moderation entries: who owns the live locations and services it names, which
// submissions earlier imports queued for its organizations, and the batched writes of submissions and their links.
import { sql, type Generated } from 'kysely';
import type { Locale } from '../../../db/schema.js';
import type { ImportTrx } from './hsds-import.repository.js';

/** `hsds_import_submissions` (migration 0011); typed here, the only place it is queried. */
type ImportSubmissionTables = {
  hsds_import_submissions: { organization_id: string; submission_id: string; imported_at: Generated<Date> };
};

const CHUNK = 1000;
const ID_CHUNK = 10_000;
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Organization of each of `ids` that is a live row of `table`. */
export async function liveOwners(
  trx: ImportTrx,
  table: 'locations' | 'services',
  ids: string[],
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const chunk of chunks(ids, ID_CHUNK)) {
    const rows = await trx.selectFrom(table).select(['id', 'organization_id']).where('id', 'in', chunk).execute();
    for (const row of rows) owners.set(row.id, row.organization_id);
  }
  return owners;
}

export interface ImportSubmissionLink {
  submissionId: string;
  status: string;
  kind: 'new_listing' | 'edit';
}

/** The submission an earlier import queued for each of these (imported) organization ids. */
export async function importSubmissionLinks(
  trx: ImportTrx,
  organizationIds: string[],
): Promise<Map<string, ImportSubmissionLink>> {
  const links = new Map<string, ImportSubmissionLink>();
  const db = trx.withTables<ImportSubmissionTables>();
  for (const chunk of chunks(organizationIds, ID_CHUNK)) {
    const rows = await db
      .selectFrom('hsds_import_submissions as l')
      .innerJoin('submissions as s', 's.id', 'l.submission_id')
      .select(['l.organization_id', 's.id', 's.status', 's.kind'])
      .where('l.organization_id', 'in', chunk)
      .execute();
    for (const row of rows)
      links.set(row.organization_id, { submissionId: row.id, status: row.status, kind: row.kind });
  }
  return links;
}

export interface QueuedListing {
  id: string;
  kind: 'new_listing' | 'edit';
  /** The live organization an edit changes; null for a new listing. */
  organizationId: string | null;
  /** The listing document, as JSON text. */
  listing: string;
  locale: Locale;
  countryCode: string | null;
  draftTokenHash: string;
  submittedAt: Date;
}

/** Inserts pending submissions: no submitter (nobody is mailed), no draft link anyone holds. */
export async function insertQueuedListings(trx: ImportTrx, listings: QueuedListing[]): Promise<void> {
  for (const chunk of chunks(listings, CHUNK)) {
    await trx
      .insertInto('submissions')
      .values(
        chunk.map((l) => ({
          id: l.id,
          draft_token_hash: l.draftTokenHash,
          kind: l.kind,
          organization_id: l.organizationId,
          status: 'pending' as const,
          listing: l.listing,
          locale: l.locale,
          country_code: l.countryCode,
          submitted_at: l.submittedAt,
        })),
      )
      .execute();
  }
}

/** Replaces the document of submissions that are still pending (a decision made meanwhile wins). */
export async function refreshQueuedListings(trx: ImportTrx, listings: QueuedListing[]): Promise<void> {
  for (const chunk of chunks(listings, CHUNK)) {
    const values = sql.join(chunk.map((l) => sql`(${l.id}::uuid, ${l.listing}::jsonb, ${l.countryCode}::text)`));
    await sql`
      UPDATE submissions AS s SET listing = v.listing, country_code = v.country_code, updated_at = now()
      FROM (VALUES ${values}) AS v (id, listing, country_code)
      WHERE s.id = v.id AND s.status = 'pending'`.execute(trx);
  }
}

/** Remembers which submission holds each imported organization. */
export async function linkImportSubmissions(
  trx: ImportTrx,
  links: { organization_id: string; submission_id: string }[],
): Promise<void> {
  const db = trx.withTables<ImportSubmissionTables>();
  for (const chunk of chunks(links, CHUNK)) {
    await db
      .insertInto('hsds_import_submissions')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('organization_id')
          .doUpdateSet({ submission_id: sql.ref('excluded.submission_id'), imported_at: sql`now()` }),
      )
      .execute();
  }
}
