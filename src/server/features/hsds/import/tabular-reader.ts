// The tabular form of HSDS: datapackage.json plus one CSV per table. The table list and column types come from
// the input's datapackage.json when it has one (an export's adds the Rumbo profile's columns), else from the
// standard's; a CSV must have every column the standard marks required, and no cell may exceed the field limit.
import { parse } from 'csv-parse/sync';
import { officialDataPackage, type DataPackage, type Resource } from '../export/tabular-package.js';
import { PROFILE_PATCHES } from '../profile/rumbo-profile.js';
import { rowToRecord, type FieldType } from './csv-records.js';
import { HsdsInputError } from './import-report.js';
import { isPlainFileName, type FileSource } from './file-source.js';
import { formatBytes, type ImportLimits } from './import-limits.js';
import type { ReadResult, SourceRecord } from './source-record.js';

function profileFieldTypes(resource: string): FieldType[] {
  const properties = (PROFILE_PATCHES[`${resource}.json`]?.properties ?? {}) as Record<string, { type?: string }>;
  return Object.entries(properties).map(([name, p]) => ({
    name,
    type: p.type === 'object' || p.type === 'boolean' || p.type === 'number' ? p.type : 'string',
  }));
}

async function inputPackage(source: FileSource): Promise<DataPackage | null> {
  if (!(await source.has('datapackage.json'))) return null;
  const text = (await source.read('datapackage.json')).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HsdsInputError('malformed_json', `datapackage.json is not valid JSON: ${(error as Error).message}.`, {
      file: 'datapackage.json',
    });
  }
  const resources = (parsed as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) {
    throw new HsdsInputError('malformed_json', 'datapackage.json has no "resources" list.', {
      file: 'datapackage.json',
    });
  }
  return parsed as DataPackage;
}

function parseCsv(name: string, text: string, limits: ImportLimits): string[][] {
  try {
    // max_record_size bounds each field's buffer, so a huge cell stops the parser as soon as it passes the limit.
    return parse(text, { bom: true, skip_empty_lines: true, max_record_size: limits.maxFieldBytes }) as string[][];
  } catch (error) {
    const { lines, code, column } = error as { lines?: number; code?: string; column?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') {
      const header = (parse(text.slice(0, text.indexOf('\n') + 1), { bom: true }) as string[][])[0] ?? [];
      throw new HsdsInputError(
        'field_too_large',
        `A cell is larger than the ${formatBytes(limits.maxFieldBytes)} limit per field.`,
        { file: name, ...(lines ? { row: lines } : {}), field: header[column ?? -1] ?? `column ${(column ?? 0) + 1}` },
      );
    }
    throw new HsdsInputError('malformed_csv', `${name} is not valid CSV: ${(error as Error).message}`, {
      file: name,
      ...(lines ? { row: lines } : {}),
    });
  }
}

async function readTable(
  source: FileSource,
  resource: Resource,
  official: Resource,
  limits: ImportLimits,
  out: ReadResult,
): Promise<void> {
  const file = resource.path;
  const rows = parseCsv(file, (await source.read(file)).toString('utf8'), limits);
  const header = rows[0] ?? [];
  for (const field of official.schema.fields) {
    const required = (field.constraints as { required?: boolean } | undefined)?.required;
    if (required && !header.includes(field.name)) {
      throw new HsdsInputError('missing_column', `${file} has no "${field.name}" column, which HSDS requires.`, {
        file,
        row: 1,
        field: field.name,
      });
    }
  }
  const known = new Map<string, FieldType>();
  for (const field of [...official.schema.fields, ...profileFieldTypes(resource.name), ...resource.schema.fields]) {
    known.set(field.name, { name: field.name, type: field.type });
  }
  const fields = header.map((name) => known.get(name) ?? { name, type: 'string' });
  for (let index = 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    const row: Record<string, string> = {};
    cells.forEach((cell, column) => {
      if (cell.length > limits.maxFieldBytes / 4 && Buffer.byteLength(cell) > limits.maxFieldBytes) {
        throw new HsdsInputError(
          'field_too_large',
          `A cell is larger than the ${formatBytes(limits.maxFieldBytes)} limit per field.`,
          { file, row: index + 1, field: header[column] ?? `column ${column + 1}` },
        );
      }
      row[header[column] ?? `column_${column + 1}`] = cell;
    });
    const { record, errors } = rowToRecord(fields, row);
    if (errors.length) {
      for (const error of errors) {
        out.rejected.push({
          outcome: 'rejected',
          resource: resource.name,
          id: row.id,
          file,
          row: index + 1,
          field: error.split(':')[0],
          reason: error,
        });
      }
      continue;
    }
    out.records.push({ resource: resource.name, record, file, row: index + 1 } satisfies SourceRecord);
  }
}

export async function readTabular(source: FileSource, limits: ImportLimits): Promise<ReadResult> {
  const standard = await officialDataPackage();
  const given = await inputPackage(source);
  const out: ReadResult = { records: [], rejected: [] };
  let tables = 0;
  for (const official of standard.resources) {
    const declared = given?.resources.find((r) => r.name === official.name);
    const resource = declared && Array.isArray(declared.schema?.fields) ? declared : official;
    const file = typeof resource.path === 'string' ? resource.path : official.path;
    if (!isPlainFileName(file)) {
      throw new HsdsInputError('unsafe_path', `datapackage.json names "${file}", which is not a plain file name.`, {
        file: 'datapackage.json',
      });
    }
    if (!(await source.has(file))) continue;
    tables += 1;
    await readTable(source, { ...resource, path: file }, official, limits, out);
  }
  if (tables === 0) {
    throw new HsdsInputError('no_tables', `${source.label} holds no HSDS table (organizations.csv, services.csv …).`);
  }
  return out;
}
