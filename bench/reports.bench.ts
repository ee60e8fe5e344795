// Hub reports at scale: a million approved data values (seeded, so every run loads the same figures) over many hubs
// in the region's countries, monthly for 2020–2021; bulk load time; the public suppression's first decision; p95
// of each dashboard query, of the whole dashboard's data and of the page and a CSV over HTTP; the full and public
// export of every value (time and peak memory).
// Options: --values N (default 1000000), --engine pglite|postgres (default pglite), --runs N (default 200).
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/server/db/db.js';
import { buildApp } from '../src/server/http/app.js';
import { translator, type Locale } from '../src/server/i18n/i18n.js';
import { createRng, type Rng } from '../src/server/features/demo/demo-support.js';
import {
  countryOrgUnitCode,
  orgUnitUid,
  REGION_ORG_UNIT_ID,
  ISO3,
} from '../src/server/features/hub-reports/org-units.js';
import { monthsBetween, parsePeriod, quarterOf } from '../src/server/features/hub-reports/periods.js';
import {
  loadReportMetadata,
  type ReportMetadata,
} from '../src/server/features/hub-reports/report-metadata.repository.js';
import { rebuildRollups } from '../src/server/features/hub-reports/rollups.repository.js';
import { loadPublicFigures } from '../src/server/features/hub-reports/public-figures.service.js';
import { exportHubReports } from '../src/server/features/hub-reports/exchange/export.service.js';
import {
  listDashboardFacets,
  listHubTotals,
  listRollups,
} from '../src/server/features/hub-dashboards/hub-dashboards.repository.js';
import { loadDashboard } from '../src/server/features/hub-dashboards/hub-dashboards.service.js';
import { percentiles, pgliteBenchDb, postgresBenchDb } from './support.js';

/** Countries of the region and how many of the hubs each has (weights). */
const COUNTRIES: [string, number][] = [
  ['MX', 30],
  ['GT', 14],
  ['HN', 12],
  ['SV', 8],
  ['CR', 10],
  ['PA', 8],
  ['BZ', 3],
  ['DO', 7],
  ['NI', 4],
  ['HT', 4],
];
const MONTHS = monthsBetween('202001', '202112');
/** Share of people of each nationality, in the order of the data set's cells (other, not stated last). */
const NATIONALITY = [0.34, 0.2, 0.1, 0.08, 0.05, 0.08, 0.05, 0.03, 0.02, 0.01, 0.01];
const SERVICES = [0.9, 0.5, 0.2, 0.1, 0.05, 0.3];
const REFERRALS = [0.25, 0.2, 0.15, 0.15, 0.1, 0.05, 0.05, 0.05];
const BATCH = 20_000;

/** Splits n by shares (the rest to the last cell), with some noise, so breakdowns add up exactly. */
function split(rng: Rng, n: number, shares: number[]): number[] {
  const parts: number[] = [];
  let left = n;
  for (const share of shares) {
    const part = Math.min(left, Math.round(n * share * (0.6 + rng.next() * 0.8)));
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return parts;
}

/** The 33 values of one hub-month: total, sex, age, nationality, services, referrals (element.cell → value). */
function hubMonthValues(rng: Rng, meta: ReportMetadata, size: number): [string, string, number][] {
  const el = (code: string) => meta.elementByCode.get(code)!;
  const total = Math.max(0, Math.round(size * (0.7 + rng.next() * 0.6)));
  const other = rng.int(0, 2) === 0 ? Math.min(total, rng.int(0, 3)) : 0;
  const female = Math.round((total - other) * (0.4 + rng.next() * 0.15));
  const cells: [string, number[]][] = [
    ['PEOPLE_ASSISTED', [total]],
    ['PEOPLE_ASSISTED_BY_SEX', [female, total - other - female, other]],
    ['PEOPLE_ASSISTED_BY_AGE', split(rng, total, [0.25, 0.7])],
    ['PEOPLE_ASSISTED_BY_NATIONALITY', split(rng, total, NATIONALITY)],
    ['SERVICES_PROVIDED', SERVICES.map((share) => Math.round(total * share * (0.5 + rng.next())))],
  ];
  const referralServices = cells[4]![1][2]!;
  cells.push(['REFERRALS', split(rng, referralServices, REFERRALS.slice(0, -1))]);
  return cells.flatMap(([code, values]) =>
    el(code).cocs.map((coc, i): [string, string, number] => [el(code).id, coc.id, values[i] ?? 0]),
  );
}

interface Hub {
  id: string;
  countryCode: string;
  size: number;
}

async function insertOrgUnits(db: Db, rng: Rng, hubCount: number): Promise<Hub[]> {
  const weight = COUNTRIES.reduce((sum, [, w]) => sum + w, 0);
  const hubs: Hub[] = [];
  const units: unknown[][] = [[], [], [], [], [], [], [], []];
  const add = (id: string, code: string, level: number, parent: string, country: string, path: string) => {
    const name = JSON.stringify(Object.fromEntries(['es', 'en', 'fr', 'ht', 'pt'].map((l) => [l, code])));
    for (const [i, v] of [id, code, level, parent, name, country, ISO3[country] ?? null, path].entries())
      units[i]!.push(v);
  };
  for (const [country, w] of COUNTRIES) {
    const countryId = orgUnitUid(countryOrgUnitCode(country));
    const adminCode = `${countryOrgUnitCode(country)}-BENCH`;
    const adminId = orgUnitUid(adminCode);
    add(countryId, countryOrgUnitCode(country), 2, REGION_ORG_UNIT_ID, country, `/${REGION_ORG_UNIT_ID}/${countryId}`);
    add(adminId, adminCode, 3, countryId, country, `/${REGION_ORG_UNIT_ID}/${countryId}/${adminId}`);
    const count = Math.max(1, Math.round((hubCount * w) / weight));
    for (let i = 0; i < count && hubs.length < hubCount; i++) {
      const code = `HUB-BENCH-${country}-${i}`;
      const id = orgUnitUid(code);
      add(id, code, 4, adminId, country, `/${REGION_ORG_UNIT_ID}/${countryId}/${adminId}/${id}`);
      // Most hubs see tens of people a month, a few hundreds, some only a handful.
      hubs.push({
        id,
        countryCode: country,
        size: Math.round(3 + 120 * rng.next() ** 2 + (rng.chance(0.05) ? 300 : 0)),
      });
    }
  }
  await db.withSession((s) =>
    s.query(
      `INSERT INTO report_org_units (id, code, level, parent_id, name, country_code, iso3, path, is_demo)
       SELECT u.id, u.code, u.level, u.parent, u.name::jsonb, u.country, u.iso3, u.path, true
       FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(id, code, level, parent, name, country, iso3, path)`,
      units,
    ),
  );
  return hubs;
}

/** Approved reports and their values, inserted in batches of array parameters (one statement per batch). */
async function insertValues(db: Db, meta: ReportMetadata, rng: Rng, hubs: Hub[], target: number): Promise<number> {
  let reports: unknown[][] = [[], [], [], []];
  let values: unknown[][] = [[], [], [], [], [], []];
  let count = 0;
  const flush = async () => {
    await db.withSession(async (s) => {
      await s.query(
        `INSERT INTO hub_reports (id, data_set_id, org_unit_id, period, country_code, status, decided_at, is_demo)
         SELECT r.id, $5, r.unit, r.period, r.country, 'approved', now(), true
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(id, unit, period, country)`,
        [...reports, meta.dataSet.id],
      );
      await s.query(
        `INSERT INTO report_data_values (report_id, data_element_id, period, org_unit_id, category_option_combo_id, value)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        values,
      );
    });
    reports = [[], [], [], []];
    values = [[], [], [], [], [], []];
  };
  outer: for (const month of MONTHS) {
    for (const hub of hubs) {
      if (count >= target) break outer;
      const id = randomUUID();
      for (const [i, v] of [id, hub.id, month, hub.countryCode].entries()) reports[i]!.push(v);
      for (const [element, coc, value] of hubMonthValues(rng, meta, hub.size)) {
        for (const [i, v] of [id, element, month, hub.id, coc, value].entries()) values[i]!.push(v);
        count++;
      }
      if (values[0]!.length >= BATCH) await flush();
    }
  }
  if (reports[0]!.length) await flush();
  return count;
}

/** Loads `target` approved values (seeded) and rebuilds the rollups; also used to keep a database for profiling. */
export async function loadHubReports(db: Db, target: number) {
  const meta = await loadReportMetadata(db);
  const rng = createRng(6);
  const perHubMonth = meta.dataElements.reduce((sum, e) => sum + e.cocs.length, 0);
  const hubCount = Math.ceil(target / perHubMonth / MONTHS.length);
  const loadStart = performance.now();
  const hubs = await insertOrgUnits(db, rng, hubCount);
  const valueCount = await insertValues(db, meta, rng, hubs, target);
  const insertS = (performance.now() - loadStart) / 1000;
  const rollupStart = performance.now();
  await rebuildRollups(db.query);
  await db.withSession((s) => s.exec('ANALYZE'));
  const rollupS = (performance.now() - rollupStart) / 1000;
  return { hubs, valueCount, insertS, rollupS, loadS: (performance.now() - loadStart) / 1000 };
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

/** Time and peak resident memory of consuming an export to the end. */
async function measureExport(chunks: AsyncGenerator<string>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  return {
    s: Math.round((performance.now() - start) / 100) / 10,
    kb: Math.round(bytes / 1e3),
    peakRssMb: Math.round(peak / 1e6),
  };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values: options } = parseArgs({
    args,
    options: {
      values: { type: 'string', default: '1000000' },
      engine: { type: 'string', default: 'pglite' },
      runs: { type: 'string', default: '200' },
    },
  });
  const target = Number(options.values);
  const runs = Math.max(200, Number(options.runs));
  const engine = options.engine === 'postgres' ? 'postgres' : 'pglite';
  const bench =
    engine === 'postgres'
      ? await postgresBenchDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
      : await pgliteBenchDb();
  if (!bench) throw new Error('No PostgreSQL server answered (set BENCH_DATABASE_URL).');
  const { db } = bench;
  try {
    const meta = await loadReportMetadata(db);
    const loaded = await loadHubReports(db, target);
    const { hubs, valueCount, insertS, rollupS, loadS } = loaded;
    console.log(JSON.stringify({ loaded: valueCount, hubs: hubs.length, insert_s: insertS, rollups_s: rollupS }));

    const suppressionStart = performance.now();
    await loadPublicFigures(db);
    const suppressionS = (performance.now() - suppressionStart) / 1000;
    const rssAfterSuppression = process.memoryUsage().rss;

    // Filters the dashboard gets: years, quarters and months, all countries or one.
    const periods = [
      '2020',
      '2021',
      ...MONTHS.filter((m) => m.endsWith('03') || m.endsWith('09')).map(quarterOf),
      ...MONTHS.slice(-6),
    ];
    const countries: (string | null)[] = [null, ...COUNTRIES.map(([c]) => c)];
    const filter = (i: number) => ({ period: periods[i % periods.length]!, country: countries[i % countries.length]! });
    const total = meta.elementByCode.get('PEOPLE_ASSISTED')!;
    const locale: Locale = 'es';
    const t = translator(locale);

    const samples: Record<string, number[]> = {};
    const measure = async (name: string, work: (i: number) => Promise<unknown>) => {
      samples[name] = [];
      for (let i = 0; i < runs; i++) await timed(samples[name]!, () => work(i));
    };
    await measure('public_figures_cached', () => loadPublicFigures(db));
    await measure('facets', () => listDashboardFacets(db));
    await measure('rollups_year', (i) => {
      const { period, country } = filter(i);
      return listRollups(db, parsePeriod(period.slice(0, 4))!.months, country);
    });
    await measure('hub_comparison', (i) => {
      const { period, country } = filter(i);
      return listHubTotals(db, parsePeriod(period)!.months, total.id, total.cocs[0]!.id, country);
    });
    await measure('hub_comparison_year_all', (i) =>
      listHubTotals(db, parsePeriod(i % 2 ? '2021' : '2020')!.months, total.id, total.cocs[0]!.id, null),
    );
    const dashboard = (version: 'public' | 'full') => (i: number) => {
      const { period, country } = filter(i);
      return loadDashboard(db, { period, country: country ?? undefined, canSeeFull: version === 'full', locale, t });
    };
    await measure('dashboard_data_public', dashboard('public'));
    await measure('dashboard_data_full', dashboard('full'));

    const app = await buildApp({ db });
    await app.ready();
    const url = (i: number, path = '') => {
      const { period, country } = filter(i);
      return `/es/dashboards/hubs${path}?period=${period}${country ? `&country=${country}` : ''}`;
    };
    await measure('page_http', async (i) => {
      const response = await app.inject({ method: 'GET', url: url(i) });
      if (response.statusCode !== 200) throw new Error(`${url(i)}: ${response.statusCode}`);
    });
    await measure('csv_http', async (i) => {
      const response = await app.inject({ method: 'GET', url: url(i, '/nationality.csv') });
      if (response.statusCode !== 200) throw new Error(`${url(i, '/nationality.csv')}: ${response.statusCode}`);
    });
    await app.close();

    const figures = await loadPublicFigures(db);
    const exportFull = await measureExport(exportHubReports(db, { format: 'csv', filter: {}, locale, figures: null }));
    const exportPublic = await measureExport(exportHubReports(db, { format: 'csv', filter: {}, locale, figures }));
    const exportDhis2 = await measureExport(
      exportHubReports(db, { format: 'dhis2', filter: {}, locale, figures: null }),
    );

    const detail = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, percentiles(s)]));
    console.log(
      JSON.stringify({
        detail,
        export_full_csv: exportFull,
        export_public_csv: exportPublic,
        export_dhis2: exportDhis2,
      }),
    );
    return {
      engine,
      values: valueCount,
      hubs: hubs.length,
      months: MONTHS.length,
      load_s: Math.round(loadS * 10) / 10,
      insert_s: Math.round(insertS * 10) / 10,
      rollups_s: Math.round(rollupS * 10) / 10,
      suppression_first_s: Math.round(suppressionS * 10) / 10,
      rss_after_suppression_mb: Math.round(rssAfterSuppression / 1e6),
      ...Object.fromEntries(Object.entries(detail).map(([name, p]) => [`${name}_p95_ms`, p.p95])),
      export_all_csv_s: exportFull.s,
      export_all_csv_peak_rss_mb: exportFull.peakRssMb,
      export_all_public_csv_s: exportPublic.s,
      export_all_public_csv_peak_rss_mb: exportPublic.peakRssMb,
      export_all_dhis2_s: exportDhis2.s,
      export_all_dhis2_peak_rss_mb: exportDhis2.peakRssMb,
      rss_mb: Math.round(process.memoryUsage().rss / 1e6),
    };
  } finally {
    await bench.drop();
  }
}
