// The checks a hub report goes through, as pure functions: each typed figure (a whole number ≥ 0), the data set's
// validation rules (rules are data: migrations/0010_hub_reports.sql), and values far outside the hub's own history.
import type { ReportMetadata, ValidationRule } from './report-metadata.repository.js';

/** A cell of the form: `${dataElementId}.${categoryOptionComboId}`. */
export type CellKey = string;
/** Figures of one report by cell; a cell left empty is absent. */
export type CellValues = Map<CellKey, number>;

export const cellKey = (dataElementId: string, cocId: string): CellKey => `${dataElementId}.${cocId}`;
/** The form field of a cell, e.g. 'v.RbDePplTot1.HllvX50cXC0'. */
export const cellField = (key: CellKey) => `v.${key}`;
const FIELD_PREFIX = 'v.';

/** No hub sees a million people in a month; anything above is a typing slip (and fits the integer column). */
export const MAX_CELL_VALUE = 1_000_000;

export type ValueError = 'notNumber' | 'negative' | 'decimal' | 'tooLarge';

/** One typed figure: empty (null), a whole number ≥ 0, or what is wrong with it. */
export function parseCellValue(text: string): { ok: true; value: number | null } | { ok: false; error: ValueError } {
  const value = text.trim();
  if (value === '') return { ok: true, value: null };
  if (/^\+?\d+$/.test(value)) {
    const digits = value.replace(/^\+/, '').replace(/^0+(?=\d)/, '');
    if (digits.length > 7 || Number(digits) > MAX_CELL_VALUE) return { ok: false, error: 'tooLarge' };
    return { ok: true, value: Number(digits) };
  }
  if (/^-\s*\d*([.,]\d+)?$/.test(value) && /\d/.test(value)) return { ok: false, error: 'negative' };
  if (/^\d*([.,]\d+)+$/.test(value)) return { ok: false, error: 'decimal' };
  return { ok: false, error: 'notNumber' };
}

export interface ReadCells {
  /** Every cell the form sent, as typed (to show again next to its error). */
  typed: Map<CellKey, string>;
  values: CellValues;
  errors: Map<CellKey, ValueError>;
  /** Fields named like cells that the data set does not have, or cells sent more than once. */
  unknown: string[];
}

/** Reads the cells of a posted form (fields 'v.<element>.<cell>'); other fields are not its business. */
export function readCells(metadata: ReportMetadata, body: Record<string, unknown>): ReadCells {
  const known = new Set(allCells(metadata));
  const result: ReadCells = { typed: new Map(), values: new Map(), errors: new Map(), unknown: [] };
  for (const [field, raw] of Object.entries(body)) {
    if (!field.startsWith(FIELD_PREFIX)) continue;
    const key = field.slice(FIELD_PREFIX.length);
    if (!known.has(key) || typeof raw !== 'string') {
      result.unknown.push(field.slice(0, 80));
      continue;
    }
    result.typed.set(key, raw.slice(0, 40));
    const parsed = parseCellValue(raw);
    if (!parsed.ok) result.errors.set(key, parsed.error);
    else if (parsed.value !== null) result.values.set(key, parsed.value);
  }
  return result;
}

/** Every cell of the data set, in form order. */
export function allCells(metadata: ReportMetadata): CellKey[] {
  return metadata.dataElements.flatMap((element) => element.cocs.map((coc) => cellKey(element.id, coc.id)));
}

export interface RuleResult {
  rule: ValidationRule;
  left: number;
  right: number;
  passed: boolean;
}

function sideSum(metadata: ReportMetadata, values: CellValues, side: ValidationRule['left']): number {
  const element = metadata.elementById.get(side.dataElement);
  if (!element) return 0;
  const cocIds = side.cocIds ?? element.cocs.map((coc) => coc.id);
  return cocIds.reduce((sum, cocId) => sum + (values.get(cellKey(element.id, cocId)) ?? 0), 0);
}

/** Every rule of the data set on these figures; an empty cell counts as 0. */
export function evaluateRules(metadata: ReportMetadata, values: CellValues): RuleResult[] {
  return metadata.rules.map((rule) => {
    const left = sideSum(metadata, values, rule.left);
    const right = sideSum(metadata, values, rule.right);
    const passed = rule.operator === '==' ? left === right : rule.operator === '<=' ? left <= right : left >= right;
    return { rule, left, right, passed };
  });
}

export const blockingFailures = (results: RuleResult[]) =>
  results.filter((r) => !r.passed && r.rule.importance === 'blocking');
export const warningFailures = (results: RuleResult[]) =>
  results.filter((r) => !r.passed && r.rule.importance === 'warning');

// ---- Values far outside the hub's own history ----------------------------------------------------------------
// A figure is flagged for a second look when it is more than OUTLIER_FACTOR times, or less than 1/OUTLIER_FACTOR
// of, the median of the same cell in the hub's last OUTLIER_HISTORY approved months (looking back at most
// OUTLIER_WINDOW_MONTHS), and only when the cell has at least OUTLIER_MIN_MONTHS of them. A cell whose median is 0
// is not judged: a ratio to 0 means nothing, and small hubs legitimately swing between 0 and a few people. The median
// (not the mean) so one odd month in the history does not move the baseline; the window so a hub that reopens after
// two years is compared with nothing rather than with another era. Empty cells of past months are not counted.
export const OUTLIER_FACTOR = 3;
export const OUTLIER_HISTORY = 12;
export const OUTLIER_MIN_MONTHS = 3;
export const OUTLIER_WINDOW_MONTHS = 24;

export interface OutlierFlag {
  key: CellKey;
  value: number;
  median: number;
  months: number;
}

export function median(numbers: number[]): number {
  if (numbers.length === 0) return 0;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `history`: for each cell, its values in the hub's recent approved months (newest first, at most 12 used). */
export function findOutliers(values: CellValues, history: Map<CellKey, number[]>): OutlierFlag[] {
  const flags: OutlierFlag[] = [];
  for (const [key, value] of values) {
    const past = (history.get(key) ?? []).slice(0, OUTLIER_HISTORY);
    if (past.length < OUTLIER_MIN_MONTHS) continue;
    const typical = median(past);
    if (typical === 0) continue;
    if (value > typical * OUTLIER_FACTOR || value < typical / OUTLIER_FACTOR) {
      flags.push({ key, value, median: typical, months: past.length });
    }
  }
  return flags;
}
