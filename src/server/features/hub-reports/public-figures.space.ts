// How published figures are named and how the data set's elements add up: every hub, country and the region ×
// month, quarter and year × data element cell or element total. Pure: no database here.
import type { ReportMetadata } from './report-metadata.repository.js';

/** The option combo id that names an element's total (the sum of its cells). */
export const TOTAL = '*';

export interface FigureRef {
  dataElementId: string;
  /** An option combo, or TOTAL for the element's total. */
  cocId: string;
  orgUnitId: string;
  /** DHIS2 period: '202103', '2021Q1' or '2021'. */
  period: string;
}

/** A figure's name. UIDs and periods are alphanumeric, so the dot cannot be ambiguous. */
export function figureKey(ref: FigureRef): string {
  return `${ref.dataElementId}.${ref.cocId}.${ref.orgUnitId}.${ref.period}`;
}

export function parseFigureKey(key: string): FigureRef {
  const [dataElementId = '', cocId = '', orgUnitId = '', period = ''] = key.split('.');
  return { dataElementId, cocId, orgUnitId, period };
}

/** A row of raw data: one hub's value for one month and cell. */
export interface RawValue {
  orgUnitId: string;
  /** Monthly, '202103'. */
  period: string;
  dataElementId: string;
  cocId: string;
  value: number;
}

export interface FigureShape {
  /** Each element's cells, in order. */
  cellsOf: Map<string, string[]>;
  /** Elements whose total is another element's single cell (sex and age add up to people assisted). */
  totalAlias: Map<string, string>;
}

/**
 * Reads which breakdown adds up to which total from the blocking validation rules: a breakdown that must equal
 * (or stay below) an element with a single cell has that cell as its total, so its own total is never a separate
 * figure that could disagree with it.
 */
export function figureShape(meta: Pick<ReportMetadata, 'dataElements' | 'rules'>): FigureShape {
  const cellsOf = new Map(meta.dataElements.map((e) => [e.id, e.cocs.map((c) => c.id)]));
  const totalAlias = new Map<string, string>();
  for (const rule of meta.rules) {
    if (rule.importance !== 'blocking' || rule.operator === '>=') continue;
    if (rule.left.cocIds || rule.right.cocIds) continue;
    const target = cellsOf.get(rule.right.dataElement);
    if (target?.length === 1 && (cellsOf.get(rule.left.dataElement)?.length ?? 0) > 1) {
      totalAlias.set(rule.left.dataElement, `${rule.right.dataElement}.${target[0]}`);
    }
  }
  return { cellsOf, totalAlias };
}

/** The column (element.cell) a figure reference stands for: element totals resolved to the figure they equal. */
export function canonicalColumn(shape: FigureShape, dataElementId: string, cocId: string): string {
  if (cocId !== TOTAL) return `${dataElementId}.${cocId}`;
  const cells = shape.cellsOf.get(dataElementId) ?? [];
  if (cells.length === 1) return `${dataElementId}.${cells[0]}`;
  return shape.totalAlias.get(dataElementId) ?? `${dataElementId}.${TOTAL}`;
}

/** The key under which a figure is decided (element totals resolved). */
export function canonicalKey(shape: FigureShape, key: string): string {
  const ref = parseFigureKey(key);
  if (ref.cocId !== TOTAL) return key;
  return `${canonicalColumn(shape, ref.dataElementId, TOTAL)}.${ref.orgUnitId}.${ref.period}`;
}
