// The SQL of moderation: the queue of submissions (filtered, counted, paginated) and the decisions on one.
// A decision only moves a submission that is still pending, so two moderators cannot both decide it.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, SubmissionStatus, SubmissionTable } from '../../db/schema.js';

export type SubmissionRow = Selectable<SubmissionTable>;
export const QUEUE_STATUSES = ['pending', 'changes_requested', 'approved', 'rejected'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type SubmissionKind = SubmissionRow['kind'];

export interface QueueFilters {
  status: QueueStatus;
  countryCode?: string | undefined;
  kind?: SubmissionKind | undefined;
  /** Countries the viewer moderates; null: every country (admins). */
  countries: string[] | null;
}

export interface QueueEntry {
  id: string;
  kind: SubmissionKind;
  status: SubmissionStatus;
  countryCode: string | null;
  organizationName: string;
  submittedAt: Date | null;
  duplicateCount: number;
}

export interface QueueCounts {
  byCountry: { countryCode: string | null; count: number }[];
  byStatus: { status: string; count: number }[];
}

function scoped(db: Db, countries: string[] | null) {
  let query = db.query.selectFrom('submissions').where('status', 'in', [...QUEUE_STATUSES]);
  if (countries !== null) {
    query = countries.length ? query.where('country_code', 'in', countries) : query.where(sql<boolean>`false`);
  }
  return query;
}

export async function listQueue(
  db: Db,
  filters: QueueFilters,
  window: { limit: number; offset: number },
): Promise<{ entries: QueueEntry[]; total: number }> {
  let query = scoped(db, filters.countries).where('status', '=', filters.status);
  if (filters.countryCode) query = query.where('country_code', '=', filters.countryCode);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'id',
      'kind',
      'status',
      'country_code',
      'submitted_at',
      sql<string>`listing->'organization'->>'name'`.as('organization_name'),
      sql<number>`jsonb_array_length(duplicates)`.as('duplicate_count'),
    ])
    .orderBy(sql`submitted_at ASC NULLS LAST`)
    .orderBy('id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return {
    total: Number(total.n),
    entries: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      countryCode: row.country_code?.trim() ?? null,
      organizationName: row.organization_name ?? '',
      submittedAt: row.submitted_at,
      duplicateCount: Number(row.duplicate_count),
    })),
  };
}

/** Submissions per country (in the chosen status) and per status, within what the viewer moderates. */
export async function queueCounts(db: Db, countries: string[] | null, status: QueueStatus): Promise<QueueCounts> {
  const byCountry = await scoped(db, countries)
    .where('status', '=', status)
    .select(['country_code', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('country_code')
    .orderBy('country_code')
    .execute();
  const byStatus = await scoped(db, countries)
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return {
    byCountry: byCountry.map((r) => ({ countryCode: r.country_code?.trim() ?? null, count: Number(r.n) })),
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
  };
}

export function findSubmissionById(executor: Kysely<Database>, id: string): Promise<SubmissionRow | undefined> {
  return executor.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a decision on a pending submission; false when it was no longer pending (someone decided first). */
export async function decideSubmission(
  executor: Kysely<Database>,
  id: string,
  decision: {
    status: Extract<SubmissionStatus, 'approved' | 'rejected' | 'changes_requested'>;
    decidedBy: string;
    reason: string | null;
    organizationId?: string;
    draftTokenHash?: string;
  },
): Promise<boolean> {
  const result = await executor
    .updateTable('submissions')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      decision_reason: decision.reason,
      updated_at: new Date(),
      ...(decision.organizationId ? { organization_id: decision.organizationId } : {}),
      ...(decision.draftTokenHash ? { draft_token_hash: decision.draftTokenHash } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The submission points at the organization it became (a new listing had none before). */
export async function linkSubmissionOrganization(
  executor: Kysely<Database>,
  id: string,
  organizationId: string,
): Promise<void> {
  await executor.updateTable('submissions').set({ organization_id: organizationId }).where('id', '=', id).execute();
}

/** Public names of organizations (for the duplicate list). */
export async function organizationNamesById(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
