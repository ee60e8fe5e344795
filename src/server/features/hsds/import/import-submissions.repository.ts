// The SQL of an unverified import's moderation entries: who owns the live locations and services it names, which
// submissions earlier imports queued for its organizations, the batched writes of submissions and their links, and
// the HSDS ids an approval gives a submission's new rows.
import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { Database, Locale } from '../../../db/schema.js';
import type { PreferredIds } from '../../listings/listing.service.js';
import type { ImportTrx } from './hsds-import.repository.js';
import type { NewKeyIds } from './listing-documents.js';

/** `hsds_import_submissions` (migrations 0011, 0012); typed here, the only place it is queried. */
type ImportSubmissionTables = {
  hsds_import_submissions: {
    organization_id: string;
    submission_id: string;
    imported_at: Generated<Date>;
    hsds_ids: ColumnType<unknown, string | undefined, string>;
  };
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

export interface ImportSubmissionLinkRow {
  organizationId: string;
  submissionId: string;
  /** HSDS id of each new location and service of the submitted document, by key. */
  hsdsIds: NewKeyIds;
}

/** Remembers which submission holds each imported organization, and the HSDS ids of its document's new keys. */
export async function linkImportSubmissions(trx: ImportTrx, links: ImportSubmissionLinkRow[]): Promise<void> {
  const db = trx.withTables<ImportSubmissionTables>();
  for (const chunk of chunks(links, CHUNK)) {
    await db
      .insertInto('hsds_import_submissions')
      .values(
        chunk.map((l) => ({
          organization_id: l.organizationId,
          submission_id: l.submissionId,
          hsds_ids: JSON.stringify(l.hsdsIds),
        })),
      )
      .onConflict((oc) =>
        oc.column('organization_id').doUpdateSet({
          submission_id: sql.ref('excluded.submission_id'),
          hsds_ids: sql.ref('excluded.hsds_ids'),
          imported_at: sql`now()`,
        }),
      )
      .execute();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEW_KEY = /^new-[0-9]{1,3}$/;

/** Only "new-<n>" keys with UUID values: what the column holds is used as ids, so nothing else gets through. */
function keyIds(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, id] of Object.entries(value)) {
    if (NEW_KEY.test(key) && typeof id === 'string' && UUID.test(id)) out[key] = id;
  }
  return out;
}

/**
 * The ids approving this submission should give its new rows, when an import queued it: the organization's and its
 * new locations' and services' HSDS ids. Undefined for a submission no import holds (any other submission, or one
 * a later import replaced).
 */
export async function importedListingIds(
  db: Kysely<Database>,
  submissionId: string,
): Promise<PreferredIds | undefined> {
  const row = await db
    .withTables<ImportSubmissionTables>()
    .selectFrom('hsds_import_submissions')
    .select(['organization_id', 'hsds_ids'])
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const ids = (row.hsds_ids ?? {}) as { locations?: unknown; services?: unknown };
  return { organization: row.organization_id, locations: keyIds(ids.locations), services: keyIds(ids.services) };
}
