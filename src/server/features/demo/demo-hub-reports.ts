// The demo's information hubs and their monthly reports, January 2020 – December 2021: demo directory locations
// that offer information and orientation (government offices first; Puebla and Chetumal, the hubs named in the news
// seeds, always), in the seven countries of the seeds' headline. Figures are deterministic (seeded PRNG) and
// plausible: a dip in the spring of 2020, growth in 2021, sex, age and nationality breakdowns that add up to the
// total, referrals within referral services, and a few small hubs whose small counts show the public suppression.
// Together the hubs assisted more than 12,000 people in 2021Q1, as the seeds say. All reports are approved except
// December 2021 of a few hubs (submitted, for the moderators' queues) and of Puebla (returned with a comment).
import type { Db } from '../../db/db.js';
import type { HubReportStatus } from '../../db/schema.js';
import {
  countHubReports,
  insertDataValues,
  insertHubReports,
  listDemoInformationPoints,
  type DataValueRow,
  type HubReportRow,
  type InformationPoint,
} from '../hub-reports/exchange/exchange.repository.js';
import { ensureHubOrgUnit } from '../hub-reports/org-units.repository.js';
import { monthsBetween } from '../hub-reports/periods.js';
import { loadReportMetadata, type ReportMetadata } from '../hub-reports/report-metadata.repository.js';
import { rebuildRollups } from '../hub-reports/rollups.repository.js';
import { SEED_PLACES } from './demo-organizations.js';
import { lockDemoSeeding } from './demo.repository.js';
import { createRng, type Rng } from './demo-support.js';

export const DEMO_HUB_COUNTRIES = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'DO'] as const;
export const DEMO_REPORT_MONTHS = monthsBetween('202001', '202112');
const LAST_MONTH = '202112';

/** People assisted per month in 2021 (before seasonality), by rank of the hub in its country. */
const HUB_SIZES: Record<(typeof DEMO_HUB_COUNTRIES)[number], number[]> = {
  MX: [480, 430, 170, 18],
  GT: [560, 230],
  SV: [340, 14],
  HN: [500, 290, 410],
  CR: [390, 12],
  BZ: [75, 9],
  DO: [220, 45],
};

/** Month by month: the 2020 lockdown dip, the rise of early 2021. */
const SEASON: Record<string, number[]> = {
  '2020': [0.8, 0.82, 0.7, 0.35, 0.4, 0.5, 0.6, 0.68, 0.72, 0.78, 0.8, 0.82],
  '2021': [1.02, 1.0, 1.08, 1.02, 0.98, 0.95, 1.0, 1.05, 1.08, 1.02, 0.98, 0.92],
};

/** Where the people a hub assists come from, by the hub's country (weights over the nationality options). */
const NATIONALITY_MIX: Record<string, Record<string, number>> = {
  MX: { VEN: 10, HND: 34, GTM: 16, SLV: 10, NIC: 4, HTI: 12, CUB: 6, COL: 2, ECU: 2, MEX: 1, OTHER: 2, UNKNOWN: 1 },
  GT: { HND: 45, SLV: 15, NIC: 6, VEN: 8, HTI: 6, CUB: 5, GTM: 8, COL: 2, ECU: 2, OTHER: 2, UNKNOWN: 1 },
  SV: { SLV: 55, HND: 15, GTM: 8, NIC: 8, VEN: 6, CUB: 2, HTI: 2, OTHER: 3, UNKNOWN: 1 },
  HN: { HND: 45, VEN: 15, CUB: 12, HTI: 10, NIC: 8, COL: 3, ECU: 3, OTHER: 2, UNKNOWN: 2 },
  CR: { NIC: 55, VEN: 20, COL: 6, HTI: 5, CUB: 5, HND: 3, SLV: 2, OTHER: 3, UNKNOWN: 1 },
  BZ: { GTM: 40, HND: 28, SLV: 22, NIC: 3, MEX: 3, OTHER: 3, UNKNOWN: 1 },
  DO: { HTI: 80, VEN: 12, CUB: 3, COL: 2, OTHER: 2, UNKNOWN: 1 },
};
const REFERRAL_MIX = {
  HEALTH: 22,
  LEGAL: 18,
  SHELTER: 20,
  PROTECTION: 12,
  FOOD: 10,
  EDUCATION: 5,
  EMPLOYMENT: 8,
  OTHER: 5,
};

const KIND_RANK: Record<string, number> = { government: 0, international: 1, ngo: 2, diaspora: 3 };
const [PUEBLA, CHETUMAL] = SEED_PLACES.map((place) => place.name);
const RETURN_COMMENT =
  'Por favor revisen la cifra de nacionalidad «no indicada»: es mucho más alta que en los meses anteriores. ' +
  'Si es correcta, confírmenla y vuelvan a enviar.';

export interface DemoHub {
  locationId: string;
  countryCode: string;
  organizationName: string;
  /** 0 for the country's first (largest) hub. */
  rank: number;
  /** People assisted in an average month of 2021. */
  size: number;
}

/** Chooses the hubs: Puebla and Chetumal, then per country government offices first, one location per organization. */
export function chooseDemoHubs(points: InformationPoint[]): DemoHub[] {
  const rank = (p: InformationPoint) =>
    p.organizationName === PUEBLA ? -2 : p.organizationName === CHETUMAL ? -1 : (KIND_RANK[p.organizationKind] ?? 9);
  const hubs: DemoHub[] = [];
  for (const country of DEMO_HUB_COUNTRIES) {
    const seen = new Set<string>();
    const ordered = points
      .filter((p) => p.countryCode === country)
      .sort((a, b) => rank(a) - rank(b) || (a.locationId < b.locationId ? -1 : 1))
      .filter((p) => !seen.has(p.organizationName) && seen.add(p.organizationName));
    HUB_SIZES[country].forEach((size, i) => {
      const point = ordered[i];
      if (!point) return;
      hubs.push({
        locationId: point.locationId,
        countryCode: country,
        organizationName: point.organizationName,
        rank: i,
        size,
      });
    });
  }
  return hubs;
}

/** Splits `total` in proportion to `weights`, in whole numbers that add up to it (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i]! += 1;
    rest -= 1;
  }
  return parts;
}

const jittered = (rng: Rng, weights: number[], spread: number) =>
  weights.map((w) => w * (1 - spread + 2 * spread * rng.next()));
const share = (rng: Rng, total: number, low: number, high: number) =>
  Math.round(total * (low + (high - low) * rng.next()));

/** One hub's month: cell values by option code, per data element code. */
export function demoMonthFigures(rng: Rng, hub: DemoHub, month: string): Record<string, Record<string, number>> {
  const season = SEASON[month.slice(0, 4)]?.[Number(month.slice(4, 6)) - 1] ?? 1;
  const noise = 0.92 + 0.16 * rng.next();
  const total = Math.max(0, Math.round(hub.size * season * noise));
  const [female, male, other] = apportion(total, jittered(rng, [40, 58.5, 1.5], 0.12));
  const [children, adults, elderly] = apportion(total, jittered(rng, [20, 74, 6], 0.2));
  const mix = NATIONALITY_MIX[hub.countryCode] ?? { OTHER: 1 };
  const nationalities = Object.keys(mix);
  const byNationality = apportion(total, jittered(rng, Object.values(mix), 0.25));
  const referralServices = share(rng, total, 0.15, 0.3);
  const referrals = apportion(share(rng, referralServices, 0.8, 1), jittered(rng, Object.values(REFERRAL_MIX), 0.3));
  return {
    PEOPLE_ASSISTED: { default: total },
    PEOPLE_ASSISTED_BY_SEX: { FEMALE: female!, MALE: male!, SEX_OTHER_UNKNOWN: other! },
    PEOPLE_ASSISTED_BY_AGE: { AGE_0_17: children!, AGE_18_59: adults!, AGE_60_PLUS: elderly! },
    PEOPLE_ASSISTED_BY_NATIONALITY: Object.fromEntries(nationalities.map((n, i) => [`NAT_${n}`, byNationality[i]!])),
    SERVICES_PROVIDED: {
      SVC_INFORMATION: share(rng, total, 0.85, 0.98),
      SVC_ORIENTATION: share(rng, total, 0.45, 0.7),
      SVC_REFERRAL: referralServices,
      SVC_DOCUMENTS: share(rng, total, 0.1, 0.3),
      SVC_PSYCHOSOCIAL_FIRST_AID: share(rng, total, 0.03, 0.1),
      SVC_CONNECTIVITY: share(rng, total, 0.2, 0.45),
    },
    REFERRALS: Object.fromEntries(Object.keys(REFERRAL_MIX).map((d, i) => [`REF_${d}`, referrals[i]!])),
  };
}

/** Hubs whose December 2021 waits for a moderator (country and rank): the demo moderators of MX and CR have some. */
const SUBMITTED_LAST = new Set(['MX:1', 'CR:0', 'HN:1', 'GT:1']);

/** Status of a hub's month: December 2021 is submitted for a few hubs and returned for Puebla. */
function statusOf(hub: DemoHub, month: string): HubReportStatus {
  if (month !== LAST_MONTH) return 'approved';
  if (hub.organizationName === PUEBLA) return 'returned';
  return SUBMITTED_LAST.has(`${hub.countryCode}:${hub.rank}`) ? 'submitted' : 'approved';
}

const at = (month: string, day: number, hour: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), day, hour));

export interface DemoHubReports {
  reports: HubReportRow[];
  values: Omit<DataValueRow, 'report_id'>[];
}

/** Every report and value of the demo hubs (a pure function of the hubs and the metadata). */
export function buildDemoHubReports(meta: ReportMetadata, hubs: (DemoHub & { orgUnitId: string })[]): DemoHubReports {
  const rng = createRng(20_210_331);
  const out: DemoHubReports = { reports: [], values: [] };
  hubs.forEach((hub, index) => {
    for (const month of DEMO_REPORT_MONTHS) {
      const status = statusOf(hub, month);
      const submitted = at(month, 3 + (index % 5), 15);
      const decided = at(month, 8 + (index % 6), 17);
      out.reports.push({
        data_set_id: meta.dataSet.id,
        org_unit_id: hub.orgUnitId,
        period: month,
        country_code: hub.countryCode,
        status,
        review_comment: status === 'returned' ? RETURN_COMMENT : null,
        submitted_at: submitted,
        decided_at: status === 'approved' || status === 'returned' ? decided : null,
        is_demo: true,
        created_at: submitted,
        updated_at: status === 'submitted' ? submitted : decided,
      });
      const figures = demoMonthFigures(rng, hub, month);
      for (const element of meta.dataElements) {
        for (const coc of element.cocs) {
          out.values.push({
            data_element_id: element.id,
            period: month,
            org_unit_id: hub.orgUnitId,
            category_option_combo_id: coc.id,
            value: figures[element.code]?.[coc.code] ?? 0,
            stored_by: null,
            created_at: submitted,
            updated_at: submitted,
          });
        }
      }
    }
  });
  return out;
}

export interface DemoHubReportsResult {
  seeded: boolean;
  hubs: number;
  reports: number;
  values: number;
}

/** Seeds the demo hub reports once (when there is no report yet), in one transaction, then rebuilds the rollups. */
export async function seedDemoHubReports(db: Db): Promise<DemoHubReportsResult> {
  const none = { seeded: false, hubs: 0, reports: 0, values: 0 };
  if ((await countHubReports(db.query)) > 0) return none;
  const meta = await loadReportMetadata(db);
  const hubs = chooseDemoHubs(await listDemoInformationPoints(db, [...DEMO_HUB_COUNTRIES]));
  if (hubs.length === 0) return none;
  return db.query.transaction().execute(async (trx) => {
    await lockDemoSeeding(trx);
    if ((await countHubReports(trx)) > 0) return none;
    const withUnits = [];
    for (const hub of hubs) {
      const unit = await ensureHubOrgUnit(trx, hub.locationId);
      if (unit) withUnits.push({ ...hub, orgUnitId: unit.id });
    }
    const built = buildDemoHubReports(meta, withUnits);
    const ids = await insertHubReports(trx, built.reports);
    await insertDataValues(
      trx,
      built.values.map((v) => ({ ...v, report_id: ids.get(`${v.org_unit_id}:${v.period}`)! })),
    );
    await rebuildRollups(trx);
    return { seeded: true, hubs: withUnits.length, reports: built.reports.length, values: built.values.length };
  });
}
