// Submissions as the submitter sees them: drafts under their private link, the queue entry, the editor's open edit.
// Writes take a Kysely executor so a service can run several in one transaction.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, Locale, SubmissionStatus, SubmissionTable } from '../../db/schema.js';

export type SubmissionRow = Selectable<SubmissionTable>;
type Executor = Kysely<Database>;

/** Statuses in which an edit is still open (one per organization and editor). */
export const OPEN_STATUSES: SubmissionStatus[] = ['draft', 'awaiting_confirmation', 'pending', 'changes_requested'];

export interface NewSubmission {
  draftTokenHash: string;
  kind: 'new_listing' | 'edit';
  organizationId: string | null;
  status: SubmissionStatus;
  listing: unknown;
  draftForm: unknown;
  locale: Locale;
  submitterEmail: string | null;
  submitterUserId: string | null;
  countryCode?: string | null;
  duplicates?: unknown[];
  submittedAt?: Date | null;
}

export async function insertSubmission(executor: Executor, row: NewSubmission): Promise<SubmissionRow> {
  return executor
    .insertInto('submissions')
    .values({
      draft_token_hash: row.draftTokenHash,
      kind: row.kind,
      organization_id: row.organizationId,
      status: row.status,
      listing: JSON.stringify(row.listing),
      draft_form: row.draftForm === null ? null : JSON.stringify(row.draftForm),
      locale: row.locale,
      submitter_email: row.submitterEmail,
      submitter_user_id: row.submitterUserId,
      country_code: row.countryCode ?? null,
      duplicates: JSON.stringify(row.duplicates ?? []),
      submitted_at: row.submittedAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findSubmissionByTokenHash(db: Db, tokenHash: string): Promise<SubmissionRow | undefined> {
  return db.query.selectFrom('submissions').selectAll().where('draft_token_hash', '=', tokenHash).executeTakeFirst();
}

export function findSubmission(executor: Executor, id: string): Promise<SubmissionRow | undefined> {
  return executor.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Holds the organization's row until the transaction ends, so that one post at a time looks for an editor's open
 *  edit of it and makes one when there is none (FOR NO KEY UPDATE: rows that merely refer to it are not held up). */
export async function lockOrganizationForEdit(executor: Executor, organizationId: string): Promise<void> {
  await executor.selectFrom('organizations').select('id').where('id', '=', organizationId).forNoKeyUpdate().execute();
}

/** The viewer's open edit of an organization, newest first. */
export function findOpenEdit(db: Db, organizationId: string, userId: string): Promise<SubmissionRow | undefined> {
  return db.query
    .selectFrom('submissions')
    .selectAll()
    .where('kind', '=', 'edit')
    .where('organization_id', '=', organizationId)
    .where('submitter_user_id', '=', userId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Saves what was typed, only while the row is still in one of `editable` (a decision made meanwhile wins). */
export async function saveDraftForm(
  db: Db,
  id: string,
  draftForm: unknown,
  editable: SubmissionStatus[],
): Promise<boolean> {
  const result = await db.query
    .updateTable('submissions')
    .set({ draft_form: JSON.stringify(draftForm), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', editable)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a submission on from one of `from`: the whole document replaces the typed form. */
export async function advanceSubmission(
  executor: Executor,
  id: string,
  from: SubmissionStatus[],
  change: {
    status: SubmissionStatus;
    listing?: unknown;
    submitterEmail?: string | null;
    countryCode?: string | null;
    duplicates?: unknown[];
    submittedAt?: Date;
  },
): Promise<boolean> {
  const result = await executor
    .updateTable('submissions')
    .set({
      status: change.status,
      ...(change.listing !== undefined ? { listing: JSON.stringify(change.listing), draft_form: null } : {}),
      ...(change.submitterEmail !== undefined ? { submitter_email: change.submitterEmail } : {}),
      ...(change.countryCode !== undefined ? { country_code: change.countryCode } : {}),
      ...(change.duplicates !== undefined ? { duplicates: JSON.stringify(change.duplicates) } : {}),
      ...(change.submittedAt !== undefined ? { submitted_at: change.submittedAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Submissions sent for confirmation or review from this address since a moment (drafts do not count). */
/** Lock class of `lockSubmitterEmail` (the two-key form: apart from the single-key locks of demo data and news). */
const SUBMITTER_EMAIL_LOCK = 7301;

/** Holds the address until the transaction ends, so that posts from one address count and write one at a time. */
export async function lockSubmitterEmail(executor: Executor, email: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${SUBMITTER_EMAIL_LOCK}, hashtext(lower(${email})))`.execute(executor);
}

export async function countSubmissionsFrom(db: Db, email: string, since: Date): Promise<number> {
  const row = await db.query
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('submitter_email', '=', email)
    .where('status', '<>', 'draft')
    .where('updated_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Organizations an editor edits, with their open edit if any. */
export function editableOrganizations(db: Db, userId: string) {
  return db.query
    .selectFrom('user_roles as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('submissions as s', (join) =>
      join
        .onRef('s.organization_id', '=', 'o.id')
        .on('s.kind', '=', 'edit')
        .on('s.submitter_user_id', '=', userId)
        .on('s.status', 'in', OPEN_STATUSES),
    )
    .select(['o.id', 'o.name', 's.status as openStatus', 's.updated_at as openUpdatedAt'])
    .where('r.user_id', '=', userId)
    .where('r.role', '=', 'org_editor')
    .orderBy('o.name')
    .execute();
}

export async function taxonomyCodes(db: Db): Promise<Set<string>> {
  const rows = await db.query.selectFrom('taxonomy_terms').select('code').execute();
  return new Set(rows.map((row) => row.code));
}
