// Reading an import file into source values, whatever its shape: DHIS2 dataValueSets JSON, DHIS2 CSV (long form:
// dataelement, period, orgunit, catoptcombo, attroptcombo, value …, with or without a header), or the wide CSV of
// the export (one row per hub × month; an HXL hashtag row under the header is skipped). Nothing is resolved here:
// codes and numbers stay as written, and the import service decides what each one means.
import { parse } from 'csv-parse/sync';
import type { ReportMetadata } from '../report-metadata.repository.js';
import { PLACE_COLUMNS, valueColumns } from './exchange-columns.js';

export type ImportFormat = 'dhis2-json' | 'dhis2-csv' | 'wide-csv';

/** One value as the file gives it; `line` is the CSV line, or the position in dataValues (from 1). */
export interface SourceValue {
  line: number;
  /** The wide CSV's column, when the value came from one. */
  column?: string;
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  /** A problem already seen while reading (the wide CSV's total column disagrees with its cells). */
  problem?: 'total_mismatch';
}

export type InputErrorCode = 'empty_input' | 'malformed_json' | 'malformed_csv' | 'missing_column' | 'too_many_values';

export class ImportInputError extends Error {
  override name = 'ImportInputError';
  constructor(
    readonly code: InputErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** More values than this in one file is refused (an import is one transaction). */
export const MAX_IMPORT_VALUES = 200_000;

export function readImportFile(text: string, meta: ReportMetadata): { format: ImportFormat; values: SourceValue[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new ImportInputError('empty_input');
  const result = /^\s*[[{]/.test(body)
    ? { format: 'dhis2-json' as const, values: readDataValueSets(body) }
    : readCsv(body, meta);
  if (result.values.length > MAX_IMPORT_VALUES) {
    throw new ImportInputError('too_many_values', String(result.values.length));
  }
  return result;
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

function readDataValueSets(body: string): SourceValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new ImportInputError('malformed_json', (error as Error).message);
  }
  // A bare array of data values is accepted too; a set's own period/orgUnit/attributeOptionCombo are defaults.
  const set = (Array.isArray(parsed) ? { dataValues: parsed } : parsed) as Record<string, unknown> | null;
  if (!set || typeof set !== 'object' || !Array.isArray(set.dataValues)) {
    throw new ImportInputError('malformed_json', 'dataValues');
  }
  return (set.dataValues as unknown[]).map((entry, index) => {
    const item = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    return {
      line: index + 1,
      dataElement: str(item.dataElement),
      period: str(item.period ?? set.period),
      orgUnit: str(item.orgUnit ?? set.orgUnit),
      categoryOptionCombo: str(item.categoryOptionCombo),
      attributeOptionCombo: str(item.attributeOptionCombo ?? set.attributeOptionCombo),
      value: str(item.value),
    };
  });
}

interface CsvRow {
  cells: string[];
  /** The file's line number (empty lines are skipped but still counted). */
  line: number;
}

function parseCsv(body: string): CsvRow[] {
  try {
    const rows = parse(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map((row) => ({ cells: row.record, line: row.info.lines }));
  } catch (error) {
    throw new ImportInputError('malformed_csv', (error as Error).message);
  }
}

/** DHIS2's CSV columns, in its default order (used when the file has no header). */
const DHIS2_COLUMNS = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value'] as const;
const HEADER_ALIASES: Record<string, (typeof DHIS2_COLUMNS)[number]> = {
  dataelement: 'dataelement',
  period: 'period',
  orgunit: 'orgunit',
  catoptcombo: 'catoptcombo',
  categoryoptioncombo: 'catoptcombo',
  attroptcombo: 'attroptcombo',
  attributeoptioncombo: 'attroptcombo',
  value: 'value',
};

function readCsv(body: string, meta: ReportMetadata): { format: ImportFormat; values: SourceValue[] } {
  const records = parseCsv(body);
  const header = (records[0]?.cells ?? []).map((cell) => cell.toLowerCase());
  if (header.includes('period_start') || header.includes('hub_code')) {
    return { format: 'wide-csv', values: readWideCsv(records, meta) };
  }
  const named = header.map((cell) => HEADER_ALIASES[cell.replace(/[^a-z]/g, '')]);
  const hasHeader = named.includes('dataelement') && named.includes('value');
  const index = (column: (typeof DHIS2_COLUMNS)[number]) =>
    hasHeader ? named.indexOf(column) : DHIS2_COLUMNS.indexOf(column);
  if (hasHeader && (index('period') < 0 || index('orgunit') < 0)) {
    throw new ImportInputError('missing_column', index('period') < 0 ? 'period' : 'orgUnit');
  }
  const at = (record: string[], column: (typeof DHIS2_COLUMNS)[number]) => {
    const i = index(column);
    return i < 0 ? '' : str(record[i]);
  };
  const rows = hasHeader ? records.slice(1) : records;
  return {
    format: 'dhis2-csv',
    values: rows.map(({ cells: record, line }) => ({
      line,
      dataElement: at(record, 'dataelement'),
      period: at(record, 'period'),
      orgUnit: at(record, 'orgunit'),
      categoryOptionCombo: at(record, 'catoptcombo'),
      attributeOptionCombo: at(record, 'attroptcombo'),
      value: at(record, 'value'),
    })),
  };
}

/** '2021-03-01' (and an end of '2021-03-31' or none) → '202103'; anything else is passed on as written. */
function wideRowPeriod(start: string, end: string): string {
  const match = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (!match) return start;
  const [, year, month] = match;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (end && end !== `${year}-${month}-${String(last).padStart(2, '0')}`) return `${start}/${end}`;
  return `${year}${month}`;
}

function readWideCsv(records: CsvRow[], meta: ReportMetadata): SourceValue[] {
  const header = records[0]!.cells.map((cell) => cell.trim());
  const position = (name: string) => header.findIndex((cell) => cell.toLowerCase() === name);
  for (const column of PLACE_COLUMNS) {
    if (['period_start', 'hub_code'].includes(column.name) && position(column.name) < 0) {
      throw new ImportInputError('missing_column', column.name);
    }
  }
  const known = new Map(valueColumns(meta).map((column) => [column.name, column]));
  const place = new Set<string>(PLACE_COLUMNS.map((column) => column.name));
  const figureColumns = header.map((name, i) => ({ name, i })).filter(({ name }) => !place.has(name.toLowerCase()));
  const values: SourceValue[] = [];
  for (const { cells: record, line } of records.slice(1)) {
    // The HXL hashtag row: every non-empty cell is a hashtag.
    const filled = record.filter((cell) => cell.trim() !== '');
    if (filled.length > 0 && filled.every((cell) => cell.trim().startsWith('#'))) continue;
    const period = wideRowPeriod(str(record[position('period_start')]), str(record[position('period_end')]));
    const orgUnit = str(record[position('hub_code')]);
    const rowValues: SourceValue[] = [];
    const totals = new Map<string, string>();
    for (const { name, i } of figureColumns) {
      const value = str(record[i]);
      if (value === '') continue;
      const column = known.get(name.toLowerCase());
      if (column?.cocId === '*') {
        totals.set(column.dataElementId, value);
        continue;
      }
      rowValues.push({
        line,
        column: name,
        dataElement: column?.dataElementId ?? name,
        period,
        orgUnit,
        categoryOptionCombo: column?.cocId ?? '',
        attributeOptionCombo: '',
        value,
      });
    }
    // An element's total column is derived: it is not stored, but it must agree with the cells given.
    for (const [dataElementId, total] of totals) {
      const cells = rowValues.filter((v) => v.dataElement === dataElementId);
      const sum = cells.reduce((acc, v) => acc + (/^\d+$/.test(v.value) ? Number(v.value) : NaN), 0);
      if (cells.length > 0 && String(sum) !== total) for (const cell of cells) cell.problem = 'total_mismatch';
    }
    values.push(...rowValues);
  }
  return values;
}
