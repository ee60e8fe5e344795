// The JSON form of HSDS (like the export's services.json): an array of services — or an API page with
// `contents` — whose related records are nested. Each nested object becomes a record of its own table, with the
// link to its parent filled in when the nesting implies it; a record repeated under several services is read once.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HsdsObject } from '../hsds.presenter.js';
import { HsdsInputError } from './import-report.js';
import { SizeBudget } from './file-source.js';
import { formatBytes, type ImportLimits } from './import-limits.js';
import type { ReadResult, SourceRecord } from './source-record.js';

/** Nested keys of the JSON form and the table their objects belong to. */
const NESTED: Record<string, string> = {
  organization: 'organization',
  organizations: 'organization',
  program: 'program',
  programs: 'program',
  services: 'service',
  service_at_locations: 'service_at_location',
  location: 'location',
  locations: 'location',
  addresses: 'address',
  phones: 'phone',
  schedules: 'schedule',
  languages: 'language',
  required_documents: 'required_document',
  attributes: 'attribute',
  taxonomy_term: 'taxonomy_term',
  taxonomy_detail: 'taxonomy',
  contacts: 'contact',
  funding: 'funding',
  cost_options: 'cost_option',
  service_areas: 'service_area',
  accessibility: 'accessibility',
  organization_identifiers: 'organization_identifier',
  metadata: 'metadata',
};
/** Tables a child may link to by `<table>_id`. */
const PARENTS = new Set(['organization', 'service', 'location', 'service_at_location', 'contact']);

interface Parent {
  resource: string;
  id: unknown;
  link?: (field: string, id: string) => void;
}

const isObject = (value: unknown): value is HsdsObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function tooLargeString(value: unknown, limit: number): boolean {
  if (typeof value === 'string') return value.length > limit / 4 && Buffer.byteLength(value) > limit;
  if (Array.isArray(value)) return value.some((v) => tooLargeString(v, limit));
  if (isObject(value)) return Object.values(value).some((v) => tooLargeString(v, limit));
  return false;
}

export async function readJsonForm(file: string, limits: ImportLimits): Promise<ReadResult> {
  const name = path.basename(file);
  new SizeBudget(limits).spend(name, (await stat(file)).size);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new HsdsInputError('malformed_json', `${name} is not valid JSON: ${(error as Error).message}.`, {
      file: name,
    });
  }
  const services = Array.isArray(parsed) ? parsed : isObject(parsed) ? parsed.contents : undefined;
  if (!Array.isArray(services)) {
    throw new HsdsInputError('malformed_json', `${name} must be an array of HSDS services (or a page with contents).`, {
      file: name,
    });
  }
  const out: ReadResult = { records: [], rejected: [] };
  const seen = new Map<string, string>();
  const emit = (resource: string, value: HsdsObject, row: number, parent?: Parent) => {
    const record: HsdsObject = {};
    const children: [string, HsdsObject][] = [];
    for (const [key, field] of Object.entries(value)) {
      const table = NESTED[key];
      if (table && (isObject(field) || (Array.isArray(field) && field.every(isObject)))) {
        for (const child of Array.isArray(field) ? field : [field]) children.push([table, child as HsdsObject]);
      } else {
        record[key] = field;
      }
    }
    if (parent && PARENTS.has(parent.resource) && parent.resource !== resource) {
      const link = `${parent.resource}_id`;
      // A nested organization or location is what its parent links to, not the other way round.
      if (resource === 'organization' || resource === 'location' || resource === 'program') {
        if (typeof record.id === 'string') parent.link?.(`${resource}_id`, record.id);
      } else if (record[link] === undefined && parent.id !== undefined) record[link] = parent.id;
    }
    for (const [field, text] of Object.entries(record)) {
      if (tooLargeString(text, limits.maxFieldBytes)) {
        throw new HsdsInputError(
          'field_too_large',
          `A value is larger than the ${formatBytes(limits.maxFieldBytes)} limit per field.`,
          {
            file: name,
            row,
            field: `${resource}.${field}`,
          },
        );
      }
    }
    const key = `${resource}:${String(record.id)}`;
    const text = JSON.stringify(record);
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, text);
      out.records.push({ resource, record, file: name, row } satisfies SourceRecord);
    } else if (before !== text) {
      out.rejected.push({
        outcome: 'rejected',
        resource,
        id: String(record.id),
        file: name,
        row,
        reason: 'appears twice with different contents',
      });
    }
    for (const [table, child] of children) {
      emit(table, child, row, {
        resource,
        id: record.id,
        link: (field, id) => {
          if (record[field] === undefined) record[field] = id;
        },
      });
    }
  };
  services.forEach((service, index) => {
    if (!isObject(service)) {
      out.rejected.push({
        outcome: 'rejected',
        resource: 'service',
        file: name,
        row: index + 1,
        reason: 'not an object',
      });
    } else emit('service', service, index + 1);
  });
  return out;
}
