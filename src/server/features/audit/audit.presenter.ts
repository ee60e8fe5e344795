// An audit row as an HSDS 3.0 `metadata` object (standards/hsds-3.0/schema/metadata.json): every field a string.
import type { AuditRow } from './audit.repository.js';

export interface HsdsMetadata {
  id: string;
  resource_id: string;
  resource_type: string;
  last_action_date: string;
  last_action_type: string;
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
}

/** A stored JSON value as text: strings as they are, anything else as JSON, nothing as ''. */
export function auditValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isoDate(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString().slice(0, 10);
}

export function toHsdsMetadata(row: AuditRow): HsdsMetadata {
  return {
    id: row.id,
    resource_id: row.resource_id,
    resource_type: row.resource_type,
    last_action_date: isoDate(row.last_action_date),
    last_action_type: row.last_action_type,
    field_name: row.field_name,
    previous_value: auditValueText(row.previous_value),
    replacement_value: auditValueText(row.replacement_value),
    updated_by: row.updated_by,
  };
}
