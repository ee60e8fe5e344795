// One year of published figures as a dense table — unit (hubs, countries, the region) × period (12 months,
// 4 quarters, the year) × column (cells, element totals) — and the decision of which to hide. Years share no sum,
// so each is decided alone; a year of a million values fits in a few megabytes of typed arrays.
import { canonicalColumn, TOTAL, type FigureRef, type FigureShape, type RawValue } from './public-figures.space.js';
import { COMPLEMENTARY, protectTable, SMALL, type TableDimension } from './suppression.js';

/** A breakdown's shortfall from the total it adds up to (nationality may stay below it). Never published: it makes
 *  the sum exact, so the protection accounts for what an outsider can work out from the total and the cells. */
const REST = '~rest';
const MONTHS = 12;
const PERIODS = 17;

export interface TableLayout {
  /** Raw cells first (the columns data values have), then element totals, then shortfalls. */
  columns: string[];
  columnIndex: Map<string, number>;
  rawCount: number;
  /** Elements with their own total: the total's column and its cells'. */
  ownTotals: { total: number; parts: number[] }[];
  /** Breakdowns that add up to another figure (sex → people assisted): that figure, the cells, the shortfall. */
  aliased: { total: number; parts: number[]; rest: number }[];
}

export function tableLayout(shape: FigureShape): TableLayout {
  const columns: string[] = [];
  for (const [element, cocs] of shape.cellsOf) for (const coc of cocs) columns.push(`${element}.${coc}`);
  const rawCount = columns.length;
  const breakdowns = [...shape.cellsOf].filter(([, cocs]) => cocs.length > 1);
  for (const [element] of breakdowns) if (!shape.totalAlias.has(element)) columns.push(`${element}.${TOTAL}`);
  for (const [element] of breakdowns) if (shape.totalAlias.has(element)) columns.push(`${element}.${REST}`);
  const columnIndex = new Map(columns.map((column, i) => [column, i]));
  const index = (column: string) => columnIndex.get(column)!;
  const ownTotals: TableLayout['ownTotals'] = [];
  const aliased: TableLayout['aliased'] = [];
  for (const [element, cocs] of breakdowns) {
    const parts = cocs.map((coc) => index(`${element}.${coc}`));
    const total = index(canonicalColumn(shape, element, TOTAL));
    if (shape.totalAlias.has(element)) aliased.push({ total, parts, rest: index(`${element}.${REST}`) });
    else ownTotals.push({ total, parts });
  }
  return { columns, columnIndex, rawCount, ownTotals, aliased };
}

/** Position of a period in the table: months 0–11, quarters 12–15, the year 16; -1 when it is none of them. */
export function periodIndex(period: string): number {
  if (/^\d{4}(0[1-9]|1[0-2])$/.test(period)) return Number(period.slice(4, 6)) - 1;
  const quarter = /^\d{4}Q([1-4])$/.exec(period);
  if (quarter) return MONTHS - 1 + Number(quarter[1]);
  return /^\d{4}$/.test(period) ? PERIODS - 1 : -1;
}

/** One country-year of approved values, compact: hub × month × raw cell. */
export interface ChunkLeaves {
  countryOrgUnitId: string;
  hubs: string[];
  leaves: Float64Array;
}

export function chunkLeaves(layout: TableLayout, countryOrgUnitId: string, values: Iterable<RawValue>): ChunkLeaves {
  const rows: [number, number, number, number][] = [];
  const hubIndex = new Map<string, number>();
  for (const raw of values) {
    const column = layout.columnIndex.get(`${raw.dataElementId}.${raw.cocId}`);
    const month = periodIndex(raw.period);
    if (column === undefined || column >= layout.rawCount || month < 0 || month >= MONTHS) continue;
    let hub = hubIndex.get(raw.orgUnitId);
    if (hub === undefined) hubIndex.set(raw.orgUnitId, (hub = hubIndex.size));
    rows.push([hub, month, column, raw.value]);
  }
  const leaves = new Float64Array(hubIndex.size * MONTHS * layout.rawCount);
  for (const [hub, month, column, value] of rows) leaves[(hub * MONTHS + month) * layout.rawCount + column]! += value;
  return { countryOrgUnitId, hubs: [...hubIndex.keys()], leaves };
}

export interface YearTable {
  orgIndex: Map<string, number>;
  /** SHOWN, SMALL or COMPLEMENTARY per figure. */
  state: Uint8Array;
}

/** Adds up one year of hubs' values into every published figure and decides which to hide. */
export function decideYear(layout: TableLayout, regionOrgUnitId: string, chunks: ChunkLeaves[]): YearTable {
  const K = layout.columns.length;
  const hubs = chunks.flatMap((chunk) => chunk.hubs);
  const countries = [...new Set(chunks.map((chunk) => chunk.countryOrgUnitId))];
  const orgs = [...hubs, ...countries, regionOrgUnitId];
  const orgIndex = new Map(orgs.map((org, i) => [org, i]));
  const region = orgs.length - 1;
  const values = new Float64Array(orgs.length * PERIODS * K);
  const at = (org: number, period: number, column: number) => (org * PERIODS + period) * K + column;

  const countryGroups = new Map<number, number[]>();
  let hubOffset = 0;
  for (const chunk of chunks) {
    const country = orgIndex.get(chunk.countryOrgUnitId)!;
    const members = countryGroups.get(country) ?? [];
    chunk.hubs.forEach((_, h) => {
      const org = hubOffset + h;
      members.push(org);
      for (let month = 0; month < MONTHS; month++) {
        const from = (h * MONTHS + month) * layout.rawCount;
        for (let column = 0; column < layout.rawCount; column++)
          values[at(org, month, column)] = chunk.leaves[from + column]!;
        for (const { total, parts } of layout.ownTotals) {
          let sum = 0;
          for (const part of parts) sum += values[at(org, month, part)]!;
          values[at(org, month, total)] = sum;
        }
        for (const { total, parts, rest } of layout.aliased) {
          let sum = 0;
          for (const part of parts) sum += values[at(org, month, part)]!;
          values[at(org, month, rest)] = Math.max(0, values[at(org, month, total)]! - sum);
        }
      }
      for (let column = 0; column < K; column++) {
        for (let quarter = 0; quarter < 4; quarter++) {
          let sum = 0;
          for (let m = quarter * 3; m < quarter * 3 + 3; m++) sum += values[at(org, m, column)]!;
          values[at(org, MONTHS + quarter, column)] = sum;
          values[at(org, PERIODS - 1, column)]! += sum;
        }
      }
    });
    countryGroups.set(country, members);
    hubOffset += chunk.hubs.length;
  }
  const orgGroups = [...countryGroups].map(([total, parts]) => ({ total, parts }));
  orgGroups.push({ total: region, parts: countries.map((c) => orgIndex.get(c)!) });
  for (const { total, parts } of orgGroups) {
    for (const part of parts) {
      for (let i = 0; i < PERIODS * K; i++) values[total * PERIODS * K + i]! += values[part * PERIODS * K + i]!;
    }
  }

  const unitDimension: TableDimension = { size: orgs.length, groups: orgGroups };
  const periodDimension: TableDimension = {
    size: PERIODS,
    groups: [
      ...[0, 1, 2, 3].map((q) => ({ total: MONTHS + q, parts: [q * 3, q * 3 + 1, q * 3 + 2] })),
      { total: PERIODS - 1, parts: [12, 13, 14, 15] },
    ],
  };
  const columnDimension: TableDimension = {
    size: K,
    groups: [
      ...layout.ownTotals,
      ...layout.aliased.map(({ total, parts, rest }) => ({ total, parts: [...parts, rest] })),
    ],
  };
  return { orgIndex, state: protectTable([unitDimension, periodDimension, columnDimension], values) };
}

/** Whether a figure (element totals already resolved by the caller) is hidden in its year's table. */
export function hiddenIn(
  layout: TableLayout,
  table: YearTable | undefined,
  ref: FigureRef,
): 'small' | 'suppressed' | null {
  if (!table) return null;
  const org = table.orgIndex.get(ref.orgUnitId);
  const column = layout.columnIndex.get(`${ref.dataElementId}.${ref.cocId}`);
  const period = periodIndex(ref.period);
  if (org === undefined || column === undefined || period < 0) return null;
  const state = table.state[(org * PERIODS + period) * layout.columns.length + column];
  return state === SMALL ? 'small' : state === COMPLEMENTARY ? 'suppressed' : null;
}
