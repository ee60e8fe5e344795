// CSV rows of the HSDS tabular form → HSDS records: empty cells are absent fields, and numbers, booleans and JSON
// objects (profile columns such as `translations`) are typed by the data package's field types.
import type { HsdsObject } from '../hsds.presenter.js';

export interface FieldType {
  name: string;
  type: string;
}

export function rowToRecord(
  fields: FieldType[],
  row: Record<string, string>,
): { record: HsdsObject; errors: string[] } {
  const record: HsdsObject = {};
  const errors: string[] = [];
  for (const field of fields) {
    const raw = row[field.name];
    if (raw === undefined || raw === '') continue;
    if (field.type === 'number' || field.type === 'integer') {
      const value = Number(raw);
      if (Number.isNaN(value)) errors.push(`${field.name}: "${raw.slice(0, 40)}" is not a number`);
      else record[field.name] = value;
    } else if (field.type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') errors.push(`${field.name}: "${raw.slice(0, 40)}" is not true or false`);
      else record[field.name] = raw === 'true';
    } else if (field.type === 'object' || field.type === 'array') {
      try {
        record[field.name] = JSON.parse(raw) as unknown;
      } catch {
        errors.push(`${field.name}: not valid JSON`);
      }
    } else {
      record[field.name] = raw;
    }
  }
  return { record, errors };
}
