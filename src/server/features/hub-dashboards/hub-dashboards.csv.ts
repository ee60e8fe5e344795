// A chart's table as CSV, with the same filters and the same suppression as the page: a withheld figure is an
// empty cell, a small one "<5". Numbers are plain integers; labels in the page's language.
import { stringify } from 'csv-stringify/sync';
import type { Translate } from '../../i18n/i18n.js';
import type { ChartId, ChartRow } from './hub-dashboards.service.js';

/** A cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function chartCsv(t: Translate, chart: ChartId, rows: ChartRow[]): string {
  const header = [t('hubdash.columns.code'), t(`hubdash.columns.${chart}`), t('hubdash.columns.value')];
  const body = rows.map((row) => [
    row.code,
    safeCell(row.label),
    row.shown.kind === 'value' ? String(row.shown.value) : row.shown.kind === 'small' ? '<5' : '',
  ]);
  return stringify([header, ...body]);
}

export function csvFileName(chart: ChartId, period: string | undefined, country: string | null): string {
  return ['hubs', chart, period, country].filter(Boolean).join('-') + '.csv';
}
