// The audit log (HSDS `metadata`): append-only rows, one per changed field. The table refuses UPDATE and DELETE
// (migrations/0007_accounts.sql), so this file only inserts and reads.
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { AuditAction, AuditLogTable, Database } from '../../db/schema.js';

export const AUDIT_RESOURCE_TYPES = ['organization', 'service', 'location', 'hub_report'] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditEntry {
  resourceId: string;
  resourceType: AuditResourceType;
  action: AuditAction;
  /** e.g. 'name', 'description.en', 'hours'; '' for the record as a whole. */
  fieldName: string;
  previousValue: unknown;
  replacementValue: unknown;
  /** Shown as HSDS `updated_by`: the actor's display label. */
  updatedBy: string;
  actorUserId: string | null;
  submissionId: string | null;
}

/** Accepts the app's query builder or a transaction, so a change and its audit rows commit together. */
export async function recordAudit(executor: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await executor
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        resource_id: entry.resourceId,
        resource_type: entry.resourceType,
        last_action_type: entry.action,
        field_name: entry.fieldName,
        previous_value: json(entry.previousValue),
        replacement_value: json(entry.replacementValue),
        updated_by: entry.updatedBy,
        actor_user_id: entry.actorUserId,
        submission_id: entry.submissionId,
      })),
    )
    .execute();
}

/** Every change to one record, newest first. */
export function listAudit(db: Db, resourceType: string, resourceId: string, limit = 500): Promise<AuditRow[]> {
  return db.query
    .selectFrom('audit_log')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', resourceId)
    .orderBy('last_action_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
