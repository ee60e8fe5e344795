// The hub dashboards' figures for one period (year, quarter or month) and optionally one country: headline
// sentences, the trend by month, and every breakdown, each figure passed through the public suppression (or the
// full figures for roles that may read them). Every number on the page and in its CSV files comes from here.
import type { Db } from '../../db/db.js';
import { AppError } from '../../http/errors.js';
import type { Locale, Translate } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { ISO3, REGION_ORG_UNIT_ID } from '../hub-reports/org-units.js';
import { parsePeriod, quarterOf, type Period } from '../hub-reports/periods.js';
import {
  approvedDataVersion,
  countryOrgUnitId,
  figureKey,
  FULL_FIGURES,
  loadPublicFigures,
  type PublicFigures,
} from '../hub-reports/public-figures.service.js';
import { loadReportMetadata, type DataElement } from '../hub-reports/report-metadata.repository.js';
import type { Shown } from '../hub-reports/suppression.js';
import {
  listDashboardFacets,
  listHubTotals,
  listRollups,
  type HubTotalRow,
  type RollupRow,
} from './hub-dashboards.repository.js';
import { periodName, shortMonthName } from './hub-dashboards.periods.js';

export const CHARTS = ['trend', 'countries', 'sex', 'age', 'nationality', 'services', 'referrals', 'hubs'] as const;
export type ChartId = (typeof CHARTS)[number];

const BREAKDOWNS = {
  sex: 'PEOPLE_ASSISTED_BY_SEX',
  age: 'PEOPLE_ASSISTED_BY_AGE',
  nationality: 'PEOPLE_ASSISTED_BY_NATIONALITY',
  services: 'SERVICES_PROVIDED',
  referrals: 'REFERRALS',
} as const satisfies Partial<Record<ChartId, string>>;

export interface ChartRow {
  /** Stable code for CSV: a month '202103', an ISO country code, an option code, a hub's org unit id. */
  code: string;
  label: string;
  /** A short label for the chart's axis (months). */
  shortLabel?: string;
  shown: Shown;
  /** Within the selected period (months of the trend). */
  current?: boolean;
}

export interface Headline {
  people: Shown;
  countries: number;
  hubs: number;
  /** Share of women among the people assisted, when both figures are shown. */
  womenShare: number | null;
  /** The service given most often, when no withheld figure could be larger. */
  topService: { label: string; value: number } | null;
}

export interface Dashboard {
  period: Period | null;
  countryCode: string | null;
  /** Which figures the viewer sees, and whether they may switch. */
  version: 'public' | 'full';
  canSeeFull: boolean;
  facets: { months: string[]; countries: string[] };
  headline: Headline | null;
  charts: Record<ChartId, ChartRow[]>;
}

export interface DashboardRequest {
  period?: string | undefined;
  country?: string | undefined;
  /** 'public': a viewer who may read the full figures asks for the public ones. */
  view?: 'public' | 'full' | undefined;
  canSeeFull: boolean;
  locale: Locale;
  t: Translate;
}

/** Checks the filters: a period in one of the three forms, a country Rumbo knows. Throws a 400 otherwise. */
export function checkFilters(period: string | undefined, country: string | undefined) {
  const parsed = period === undefined ? null : parsePeriod(period);
  if (period !== undefined && !parsed) throw new AppError('DASHBOARD_PERIOD_INVALID', { period });
  const countryCode = country === undefined ? null : country.trim().toUpperCase();
  if (countryCode !== null && !(countryCode in ISO3)) {
    throw new AppError('DASHBOARD_COUNTRY_INVALID', { country: country ?? '' });
  }
  return { period: parsed, countryCode };
}

const EMPTY_CHARTS = (): Record<ChartId, ChartRow[]> =>
  Object.fromEntries(CHARTS.map((chart) => [chart, []])) as unknown as Record<ChartId, ChartRow[]>;

export async function loadDashboard(db: Db, request: DashboardRequest): Promise<Dashboard> {
  const filters = checkFilters(request.period, request.country);
  const version = request.canSeeFull && request.view !== 'public' ? 'full' : 'public';
  const [facets, meta] = await Promise.all([listDashboardFacets(db), loadReportMetadata(db)]);
  const latest = facets.months[0];
  const period = filters.period ?? (latest ? parsePeriod(quarterOf(latest)) : null);
  const base = { period, countryCode: filters.countryCode, version, canSeeFull: request.canSeeFull, facets } as const;
  if (!period) return { ...base, headline: null, charts: EMPTY_CHARTS() };

  const yearMonths = parsePeriod(period.id.slice(0, 4))!.months;
  const [figures, rollups, fullVersion] = await Promise.all([
    version === 'full' ? FULL_FIGURES : loadPublicFigures(db),
    listRollups(db, yearMonths, filters.countryCode),
    version === 'full' ? approvedDataVersion(db) : null,
  ]);
  if (!rollups.some((row) => period.months.includes(row.period)))
    return { ...base, headline: null, charts: EMPTY_CHARTS() };
  const total = meta.elementByCode.get('PEOPLE_ASSISTED')!;
  const totalCell = total.cocs[0]!.id;
  const dataVersion = fullVersion ?? figures.version;
  const hubTotals = await hubComparison(db, dataVersion, period, total.id, totalCell, filters.countryCode);
  const builder = new FigureBuilder(figures, rollups, period, filters.countryCode, request);

  const charts = EMPTY_CHARTS();
  charts.trend = yearMonths.map((month) => ({
    code: month,
    label: periodName(request.t, parsePeriod(month)!),
    shortLabel: shortMonthName(request.t, month),
    shown: builder.show(total.id, totalCell, builder.org, month, (r) => r.period === month),
    current: period.months.includes(month),
  }));
  const countries = [...new Set(rollups.map((r) => r.countryCode))]
    .map((code) => ({ code, label: countryName(request.t, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, request.locale));
  charts.countries = countries.map(({ code, label }) => ({
    code,
    label,
    shown: builder.show(total.id, totalCell, countryOrgUnitId(code), period.id, (r) => r.countryCode === code),
  }));
  for (const [chart, code] of Object.entries(BREAKDOWNS) as [keyof typeof BREAKDOWNS, string][]) {
    charts[chart] = builder.breakdown(meta.elementByCode.get(code)!);
  }
  charts.hubs = rankHubs(
    hubTotals.map((hub) => ({
      code: hub.orgUnitId,
      label: `${hub.name[request.locale] ?? hub.name.es ?? hub.orgUnitId} (${countryName(request.t, hub.countryCode)})`,
      shown: figures.show(
        figureKey({ dataElementId: total.id, cocId: totalCell, orgUnitId: hub.orgUnitId, period: period.id }),
        hub.value,
      ),
    })),
    request.locale,
  );

  const people = builder.show(total.id, totalCell, builder.org, period.id, () => true);
  const headline: Headline = {
    people,
    countries: countries.filter((c) => builder.sum(total.id, totalCell, (r) => r.countryCode === c.code) > 0).length,
    hubs: hubTotals.filter((hub) => hub.value > 0).length,
    womenShare: womenShare(charts.sex, people),
    topService: topOf(charts.services),
  };
  return { ...base, headline, charts };
}

/** Hub comparisons by filter, kept while the approved data stays the same (they read one value per hub and
 *  month from the million rows; everything else reads the rollups). */
const HUB_COMPARISONS_KEPT = 64;
const hubComparisons = new WeakMap<Db, { version: string; entries: Map<string, Promise<HubTotalRow[]>> }>();

function hubComparison(
  db: Db,
  dataVersion: string,
  period: Period,
  dataElementId: string,
  cocId: string,
  countryCode: string | null,
): Promise<HubTotalRow[]> {
  let cache = hubComparisons.get(db);
  if (cache?.version !== dataVersion) {
    cache = { version: dataVersion, entries: new Map() };
    hubComparisons.set(db, cache);
  }
  const key = `${period.id}|${countryCode ?? ''}|${dataElementId}|${cocId}`;
  let rows = cache.entries.get(key);
  if (!rows) {
    rows = listHubTotals(db, period.months, dataElementId, cocId, countryCode);
    const entries = cache.entries;
    entries.set(key, rows);
    rows.catch(() => entries.delete(key));
    if (entries.size > HUB_COMPARISONS_KEPT) entries.delete(entries.keys().next().value!);
  }
  return rows;
}

/** Sums of the rollups for the selected period, shown through the figures. */
class FigureBuilder {
  readonly org: string;
  private readonly inPeriod: RollupRow[];
  constructor(
    private readonly figures: PublicFigures,
    private readonly rollups: RollupRow[],
    private readonly period: Period,
    countryCode: string | null,
    private readonly request: DashboardRequest,
  ) {
    this.org = countryCode ? countryOrgUnitId(countryCode) : REGION_ORG_UNIT_ID;
    const months = new Set(period.months);
    this.inPeriod = rollups.filter((r) => months.has(r.period));
  }

  sum(dataElementId: string, cocId: string, where: (row: RollupRow) => boolean, rows = this.inPeriod): number {
    let sum = 0;
    for (const row of rows) {
      if (row.dataElementId === dataElementId && row.cocId === cocId && where(row)) sum += row.value;
    }
    return sum;
  }

  show(dataElementId: string, cocId: string, orgUnitId: string, period: string, where: (row: RollupRow) => boolean) {
    // The trend's months reach outside the selected period: sum over the whole year's rows for them.
    const rows = period === this.period.id ? this.inPeriod : this.rollups;
    const value = this.sum(dataElementId, cocId, where, rows);
    return this.figures.show(figureKey({ dataElementId, cocId, orgUnitId, period }), value);
  }

  breakdown(element: DataElement): ChartRow[] {
    const { locale } = this.request;
    return element.cocs.map((coc) => ({
      code: coc.code,
      label: coc.name[locale] ?? coc.name.es ?? coc.code,
      shown: this.show(element.id, coc.id, this.org, this.period.id, () => true),
    }));
  }
}

/**
 * Hubs by the figure shown, largest first. Hidden figures go last, by name: ranking them by their true value
 * would place them between shown ones and tell roughly how large they are.
 */
function rankHubs(rows: ChartRow[], locale: Locale): ChartRow[] {
  const shownValue = (row: ChartRow) => (row.shown.kind === 'value' ? row.shown.value : -1);
  return rows.sort((a, b) => shownValue(b) - shownValue(a) || a.label.localeCompare(b.label, locale));
}

function womenShare(sex: ChartRow[], people: Shown): number | null {
  const women = sex.find((row) => row.code === 'FEMALE')?.shown;
  if (women?.kind !== 'value' || people.kind !== 'value' || people.value === 0) return null;
  return women.value / people.value;
}

function topOf(rows: ChartRow[]): Headline['topService'] {
  if (rows.some((row) => row.shown.kind === 'suppressed')) return null;
  let top: Headline['topService'] = null;
  for (const row of rows) {
    if (row.shown.kind === 'value' && row.shown.value > 0 && (!top || row.shown.value > top.value)) {
      top = { label: row.label, value: row.shown.value };
    }
  }
  return top;
}
