// Exports of approved hub report values: a wide CSV (one row per hub × month), the same with an HXL hashtag row,
// and DHIS2 dataValueSets JSON. Everything streams: values are read in keyset-paginated batches and written out as
// text chunks, so a million values pass in constant memory. The public version shows only what the one public
// suppression decision publishes (a count from 1 to 4 reads "<5"; a figure hidden so it cannot be subtracted is
// left empty in CSV and left out of dataValueSets).
import type { Db } from '../../../db/db.js';
import type { Locale } from '../../../db/schema.js';
import { parsePeriod } from '../periods.js';
import { loadReportMetadata } from '../report-metadata.repository.js';
import { figureKey, type PublicFigures } from '../public-figures.service.js';
import { PLACE_COLUMNS, valueColumns, type ValueColumn } from './exchange-columns.js';
import {
  approvedReportsAfter,
  listHubPlaces,
  valuesOfReports,
  type ExportedValue,
  type HubPlace,
  type ReportKey,
  type ValueFilter,
} from './exchange.repository.js';

export type ExportFormat = 'csv' | 'hxl' | 'dhis2';
export type { ExportedValue, ValueFilter };

export interface ExportOptions {
  format: ExportFormat;
  filter: ValueFilter;
  locale: Locale;
  /** The public suppression (loadPublicFigures); null for the full figures (read_hub_figures). */
  figures: PublicFigures | null;
  batchSize?: number;
}

/** Reports per batch: with the hub data set's 33 cells, about 5,000 values. */
export const DEFAULT_BATCH_SIZE = 150;
/** DHIS2's default attribute option combination: Rumbo has no attribute categories. */
export const DEFAULT_ATTRIBUTE_OPTION_COMBO = 'HllvX50cXC0';
/** Text is sent in chunks of about this many characters (fewer, larger writes than one per row). */
const CHUNK_CHARS = 64 * 1024;

/**
 * Every approved value matching `filter`, in primary key order (org unit, period, data element, cell), read the
 * values of `batchSize` reports at a time: at most one batch is held, whatever the total. The benchmark times this.
 */
export async function* streamAllValues(
  db: Db,
  filter: ValueFilter = {},
  options: { batchSize?: number } = {},
): AsyncGenerator<ExportedValue> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let after: ReportKey | null = null;
  for (;;) {
    const reports = await approvedReportsAfter(db, filter, after, batchSize);
    yield* await valuesOfReports(db, reports);
    if (reports.length < batchSize) return;
    after = reports[reports.length - 1]!;
  }
}

/** The values of one hub in one month, keyed 'dataElementId:cocId'. */
export interface HubMonth {
  orgUnitId: string;
  period: string;
  values: Map<string, number>;
}

/** Groups the value stream into hub × month rows (values arrive ordered by org unit, then period). */
export async function* hubMonths(values: AsyncIterable<ExportedValue>): AsyncGenerator<HubMonth> {
  let current: HubMonth | null = null;
  for await (const value of values) {
    if (!current || current.orgUnitId !== value.orgUnitId || current.period !== value.period) {
      if (current) yield current;
      current = { orgUnitId: value.orgUnitId, period: value.period, values: new Map() };
    }
    current.values.set(`${value.dataElementId}:${value.cocId}`, value.value);
  }
  if (current) yield current;
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const csvLine = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** Buffers small pieces of text into chunks of about CHUNK_CHARS. */
async function* chunked(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function figureText(column: ValueColumn, row: HubMonth, cocIds: Map<string, string[]>, figures: PublicFigures | null) {
  let value: number | undefined;
  if (column.cocId === '*') {
    for (const cocId of cocIds.get(column.dataElementId) ?? []) {
      const cell = row.values.get(`${column.dataElementId}:${cocId}`);
      if (cell !== undefined) value = (value ?? 0) + cell;
    }
  } else {
    value = row.values.get(`${column.dataElementId}:${column.cocId}`);
  }
  if (value === undefined) return '';
  if (!figures) return String(value);
  const key = figureKey({ ...column, orgUnitId: row.orgUnitId, period: row.period });
  const shown = figures.show(key, value);
  return shown.kind === 'value' ? String(shown.value) : shown.kind === 'small' ? '<5' : '';
}

function placeFields(row: HubMonth, hub: HubPlace | undefined, locale: Locale): string[] {
  const period = parsePeriod(row.period);
  const name = hub ? (hub.name[locale] ?? Object.values(hub.name).find(Boolean) ?? '') : '';
  return [
    period?.start ?? '',
    period?.end ?? '',
    hub?.iso3 ?? '',
    hub?.admin1Code ?? '',
    hub?.code ?? row.orgUnitId,
    name,
  ];
}

async function* wideTable(db: Db, options: ExportOptions, hxl: boolean): AsyncGenerator<string> {
  const meta = await loadReportMetadata(db);
  const columns = valueColumns(meta);
  const hubs = await listHubPlaces(db);
  const cocIds = new Map(meta.dataElements.map((e) => [e.id, e.cocs.map((c) => c.id)]));
  yield csvLine([...PLACE_COLUMNS.map((c) => c.name), ...columns.map((c) => c.name)]);
  if (hxl) yield csvLine([...PLACE_COLUMNS.map((c) => c.hxl), ...columns.map((c) => c.hxl)]);
  for await (const row of hubMonths(streamAllValues(db, options.filter, options))) {
    const figures = columns.map((column) => figureText(column, row, cocIds, options.figures));
    yield csvLine([...placeFields(row, hubs.get(row.orgUnitId), options.locale), ...figures]);
  }
}

/** DHIS2 dataValueSets: `{"dataValues":[…]}`, values as strings, storedBy a role label (never a person). */
async function* dataValueSets(db: Db, options: ExportOptions): AsyncGenerator<string> {
  let first = true;
  yield '{"dataValues":[';
  for await (const value of streamAllValues(db, options.filter, options)) {
    let text = String(value.value);
    if (options.figures) {
      const shown = options.figures.show(figureKey(value), value.value);
      if (shown.kind !== 'value') continue;
      text = String(shown.value);
    }
    const dataValue = {
      dataElement: value.dataElementId,
      period: value.period,
      orgUnit: value.orgUnitId,
      categoryOptionCombo: value.cocId,
      attributeOptionCombo: DEFAULT_ATTRIBUTE_OPTION_COMBO,
      value: text,
      storedBy: value.storedByPerson ? 'hub_reporter' : 'rumbo',
      created: value.created.toISOString(),
      lastUpdated: value.lastUpdated.toISOString(),
    };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(dataValue)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The export as text chunks, ready for a response stream or a file. */
export function exportHubReports(db: Db, options: ExportOptions): AsyncGenerator<string> {
  const pieces =
    options.format === 'dhis2' ? dataValueSets(db, options) : wideTable(db, options, options.format === 'hxl');
  return chunked(pieces);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  hxl: 'text/csv; charset=utf-8',
  dhis2: 'application/json; charset=utf-8',
};

/** 'rumbo-hub-reports-public-2021Q1-MX.csv', 'rumbo-hub-reports-full-all-hxl.csv', '….json'. */
export function exportFileName(
  format: ExportFormat,
  version: 'public' | 'full',
  period: string | undefined,
  country: string | undefined,
): string {
  const parts = ['rumbo-hub-reports', version, period ?? 'all', ...(country ? [country] : [])];
  const suffix = format === 'dhis2' ? '.json' : format === 'hxl' ? '-hxl.csv' : '.csv';
  return `${parts.join('-')}${suffix}`;
}
