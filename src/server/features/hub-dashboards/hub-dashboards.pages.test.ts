// The hub dashboards through the app: five locales; the public page and every CSV checked number by number against
// the approved data (never 1–4, never a figure an outsider could solve for); the full figures for roles that may
// read them; bad filters answered with a 400 page in the user's language.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { intlLocale, LOCALES, translator } from '../../i18n/i18n.js';
import { ensureHubOrgUnit } from '../hub-reports/org-units.repository.js';
import { REGION_ORG_UNIT_ID } from '../hub-reports/org-units.js';
import { parsePeriod } from '../hub-reports/periods.js';
import { countryOrgUnitId, figureKey, loadPublicFigures, TOTAL } from '../hub-reports/public-figures.service.js';
import { determinedFigures } from '../hub-reports/public-figures.test-support.js';
import { loadReportMetadata, type ReportMetadata } from '../hub-reports/report-metadata.repository.js';
import { rebuildRollups, refreshRollups } from '../hub-reports/rollups.repository.js';
import { isSmall } from '../hub-reports/suppression.js';
import { CHARTS, type ChartId } from './hub-dashboards.service.js';
import { withoutWorkerRegistration } from '../../../../tests/support/html.js';

let t: TestApp;
let meta: ReportMetadata;
const MONTHS = ['202101', '202102', '202103'];
const PLACES = [
  { country: 'MX', city: 'Tapachula' },
  { country: 'MX', city: 'Tijuana' },
  { country: 'GT', city: 'Tecún Umán' },
  { country: 'GT', city: 'Esquipulas' },
  { country: 'CR', city: 'Upala' },
];
/** Approved leaves: 'element.cell.hub.month' → value. */
const leaves = new Map<string, number>();
const hubCountry = new Map<string, string>();
let pendingReportId = '';
let pendingHub = '';

/** A small deterministic generator (mulberry32), so the data and therefore the decisions are the same each run. */
function rng(seed: number) {
  let a = seed;
  return (max: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * (max + 1));
  };
}

/** One hub-month whose breakdowns add up (nationality may fall short of the total), with many small counts. */
function hubMonth(next: (max: number) => number): Map<string, number> {
  const cells = new Map<string, number>();
  const el = (code: string) => meta.elementByCode.get(code)!;
  const sex = [next(14), next(14), next(2)];
  const total = sex[0]! + sex[1]! + sex[2]!;
  cells.set(`${el('PEOPLE_ASSISTED').id}.${el('PEOPLE_ASSISTED').cocs[0]!.id}`, total);
  el('PEOPLE_ASSISTED_BY_SEX').cocs.forEach((c, i) => cells.set(`${el('PEOPLE_ASSISTED_BY_SEX').id}.${c.id}`, sex[i]!));
  const child = next(total);
  const old = next(total - child);
  const age = [child, total - child - old, old];
  el('PEOPLE_ASSISTED_BY_AGE').cocs.forEach((c, i) => cells.set(`${el('PEOPLE_ASSISTED_BY_AGE').id}.${c.id}`, age[i]!));
  const nat = el('PEOPLE_ASSISTED_BY_NATIONALITY');
  let left = total - next(1);
  nat.cocs.forEach((c, i) => {
    const v = i === nat.cocs.length - 1 ? Math.max(0, left) : Math.min(Math.max(0, left), next(3) === 0 ? next(12) : 0);
    left -= v;
    cells.set(`${nat.id}.${c.id}`, v);
  });
  for (const code of ['SERVICES_PROVIDED', 'REFERRALS']) {
    const e = el(code);
    for (const c of e.cocs) cells.set(`${e.id}.${c.id}`, next(code === 'REFERRALS' ? 4 : 12));
  }
  return cells;
}

async function fileReport(
  hub: string,
  country: string,
  month: string,
  cells: Map<string, number>,
  status: 'approved' | 'submitted',
) {
  const report = await t.db.query
    .insertInto('hub_reports')
    .values({
      data_set_id: meta.dataSet.id,
      org_unit_id: hub,
      period: month,
      country_code: country,
      status,
      decided_at: status === 'approved' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.query
    .insertInto('report_data_values')
    .values(
      [...cells].map(([column, value]) => {
        const [element, coc] = column.split('.') as [string, string];
        return {
          report_id: report.id,
          data_element_id: element,
          period: month,
          org_unit_id: hub,
          category_option_combo_id: coc,
          value,
          stored_by: null,
        };
      }),
    )
    .execute();
  return report.id;
}

beforeAll(async () => {
  t = await createTestApp();
  meta = await loadReportMetadata(t.db);
  const next = rng(20210101);
  const org = await buildOrganization(t.db, { name: 'Centro de información' });
  for (const place of PLACES) {
    const location = await buildLocation(t.db, org.id, {
      country_code: place.country,
      admin_area: place.city,
      city: place.city,
    });
    const hub = (await ensureHubOrgUnit(t.db.query, location.id))!.id;
    hubCountry.set(hub, place.country);
    for (const month of MONTHS) {
      const cells = hubMonth(next);
      await fileReport(hub, place.country, month, cells, 'approved');
      for (const [column, value] of cells) leaves.set(`${column}.${hub}.${month}`, value);
    }
  }
  // A report still waiting for review: its numbers must not count anywhere.
  pendingHub = [...hubCountry.keys()][4]!;
  const pending = hubMonth(next);
  pending.set(`${meta.elementByCode.get('PEOPLE_ASSISTED')!.id}.HllvX50cXC0`, 777);
  pendingReportId = await fileReport(pendingHub, 'CR', '202104', pending, 'submitted');
  await rebuildRollups(t.db.query);
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** The true value of a figure, from the approved leaves (computed apart from the code under test). */
function truth(element: string, coc: string, org: string, period: string): number {
  const months = parsePeriod(period)!.months;
  let sum = 0;
  for (const [hub, country] of hubCountry) {
    if (org !== REGION_ORG_UNIT_ID && org !== hub && org !== countryOrgUnitId(country)) continue;
    for (const month of months) sum += leaves.get(`${element}.${coc}.${hub}.${month}`) ?? 0;
  }
  return sum;
}

/** The figure behind a CSV row of a chart. */
function figureOf(chart: ChartId, code: string, period: string, country: string | undefined) {
  const total = meta.elementByCode.get('PEOPLE_ASSISTED')!;
  const org = country ? countryOrgUnitId(country) : REGION_ORG_UNIT_ID;
  const element = (name: string) => meta.elementByCode.get(name)!;
  const byCode = (name: string) => ({
    dataElementId: element(name).id,
    cocId: element(name).cocs.find((c) => c.code === code)!.id,
    orgUnitId: org,
    period,
  });
  switch (chart) {
    case 'trend':
      return { dataElementId: total.id, cocId: 'HllvX50cXC0', orgUnitId: org, period: code };
    case 'countries':
      return { dataElementId: total.id, cocId: 'HllvX50cXC0', orgUnitId: countryOrgUnitId(code), period };
    case 'hubs':
      return { dataElementId: total.id, cocId: 'HllvX50cXC0', orgUnitId: code, period };
    case 'sex':
      return byCode('PEOPLE_ASSISTED_BY_SEX');
    case 'age':
      return byCode('PEOPLE_ASSISTED_BY_AGE');
    case 'nationality':
      return byCode('PEOPLE_ASSISTED_BY_NATIONALITY');
    case 'services':
      return byCode('SERVICES_PROVIDED');
    case 'referrals':
      return byCode('REFERRALS');
  }
}

async function get(url: string, cookie?: string) {
  return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

/** Text of an HTML fragment as a reader sees it. */
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const csvRows = (body: string) => parse(body, { from_line: 2 }) as [string, string, string][];
const FILTERS = [
  { period: '2021', country: undefined },
  { period: '2021Q1', country: undefined },
  { period: '202102', country: undefined },
  { period: '2021Q1', country: 'MX' },
  { period: '202103', country: 'GT' },
  { period: '2021', country: 'CR' },
];
const query = (f: { period: string; country: string | undefined }) =>
  `period=${f.period}${f.country ? `&country=${f.country}` : ''}`;

describe('hub dashboards', () => {
  it('render in the five locales, with headline, charts, tables and CSV links, and no inline style', async () => {
    const people = truth(meta.elementByCode.get('PEOPLE_ASSISTED')!.id, 'HllvX50cXC0', REGION_ORG_UNIT_ID, '2021Q1');
    expect(people).toBeGreaterThan(100);
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const response = await get(`/${locale}/dashboards/hubs?period=2021Q1`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, no-cache');
      const html = response.body;
      expect(html).toContain(`<h1>${tr('hubdash.title')}</h1>`);
      expect(html).toContain(new Intl.NumberFormat(intlLocale(locale)).format(people));
      expect(html).toContain(tr('hubdash.version.public'));
      for (const chart of CHARTS) {
        expect(html).toContain(`aria-labelledby="svg-${chart}-title"`);
        expect(html).toContain(`<title id="svg-${chart}-title">`);
        expect(html).toContain(`/${locale}/dashboards/hubs/${chart}.csv?period=2021Q1`);
      }
      expect((html.match(/<table/g) ?? []).length).toBe(CHARTS.length);
      expect(html).not.toMatch(/\sstyle=/);
      expect(withoutWorkerRegistration(html)).not.toMatch(/<script/);
      expect(html).toContain(`href="/${locale}/dashboards/hubs"`);
    }
  });

  it('never shows 1–4 in the public page or CSV, and shows every other figure as it is', async () => {
    const figures = await loadPublicFigures(t.db);
    let checked = 0;
    let small = 0;
    let withheld = 0;
    for (const filter of FILTERS) {
      const page = (await get(`/en/dashboards/hubs?${query(filter)}`)).body;
      // Every figure on the page sits in a table cell or an SVG value label: none may read 1 to 4.
      const texts = [
        ...[...page.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => unescape(m[1]!)),
        ...[...page.matchAll(/class="chart-value[^"]*"[^>]*>([^<]*)</g)].map((m) => unescape(m[1]!)),
      ];
      for (const text of texts) {
        expect(['<5', '—', 'withheld'].includes(text) || /^\d{1,3}(,\d{3})*$/.test(text), text).toBe(true);
        if (/^\d/.test(text)) expect(isSmall(Number(text.replace(/,/g, ''))), text).toBe(false);
      }
      for (const chart of CHARTS) {
        const response = await get(`/en/dashboards/hubs/${chart}.csv?${query(filter)}`);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        const pageCells = (
          page
            .split(`id="chart-${chart}"`)[1]!
            .split('</table>')[0]!
            .match(/<td>([^<]*)<\/td>/g) ?? []
        ).map((cell) => unescape(cell.slice(4, -5)));
        const rows = csvRows(response.body);
        for (const [index, [code, , cell]] of rows.entries()) {
          const ref = figureOf(chart, code, parsePeriod(filter.period)!.id, filter.country);
          const value = truth(ref.dataElementId, ref.cocId, ref.orgUnitId, ref.period);
          const hidden = figures.hidden(figureKey(ref));
          if (isSmall(value)) {
            expect(cell, `${chart} ${code}`).toBe('<5');
            small++;
          } else if (cell === '') {
            expect(hidden, `${chart} ${code}`).toBe('suppressed');
            expect(value).toBeGreaterThan(0);
            withheld++;
          } else {
            expect(Number(cell), `${chart} ${code}`).toBe(value);
            expect(hidden).toBeNull();
          }
          // The page's table says the same as the CSV.
          if (index < pageCells.length) {
            const shown = pageCells[index]!;
            expect(shown === 'withheld' ? '' : shown.replace(/,/g, '')).toBe(cell);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
    expect(small).toBeGreaterThan(10);
    expect(withheld).toBeGreaterThan(0);
  });

  it('lets no hidden count from 1 to 4 be worked out from everything the public figures publish', async () => {
    const figures = await loadPublicFigures(t.db);
    const hubs = [...hubCountry.keys()];
    const countries = [...new Set(hubCountry.values())];
    const orgs = [REGION_ORG_UNIT_ID, ...countries.map(countryOrgUnitId), ...hubs];
    const periods = [...MONTHS, '2021Q1', '2021'];
    // Every cell, and the totals of the breakdowns that have their own (an export may publish them).
    const columns = meta.dataElements.flatMap((e) => [
      ...e.cocs.map((c) => [e.id, [c.id]] as const),
      ...(['SERVICES_PROVIDED', 'REFERRALS'].includes(e.code) ? [[e.id, e.cocs.map((c) => c.id)] as const] : []),
    ]);
    const nationality = meta.elementByCode.get('PEOPLE_ASSISTED_BY_NATIONALITY')!;
    const total = `${meta.elementByCode.get('PEOPLE_ASSISTED')!.id}.HllvX50cXC0`;
    const under = (org: string) =>
      org === REGION_ORG_UNIT_ID ? hubs : hubs.filter((h) => h === org || countryOrgUnitId(hubCountry.get(h)!) === org);
    // Every figure is the sum of its leaves; a hub-month's breakdowns add up to its total (nationality up to an
    // unpublished shortfall, which is an unknown like any hidden figure).
    const equations: Map<string, number>[] = [];
    const hidden: string[] = [];
    for (const org of orgs) {
      for (const period of periods) {
        for (const [element, cocs] of columns) {
          const cocId = cocs.length === 1 ? cocs[0]! : TOTAL;
          const key = figureKey({ dataElementId: element, cocId, orgUnitId: org, period });
          if (figures.hidden(key)) hidden.push(key);
          if (cocs.length === 1 && MONTHS.includes(period) && hubs.includes(org)) continue;
          const equation = new Map<string, number>([[key, -1]]);
          for (const hub of under(org)) {
            for (const month of parsePeriod(period)!.months) {
              for (const coc of cocs) {
                equation.set(figureKey({ dataElementId: element, cocId: coc, orgUnitId: hub, period: month }), 1);
              }
            }
          }
          equations.push(equation);
        }
      }
    }
    for (const hub of hubs) {
      for (const month of MONTHS) {
        const at = (column: string) => `${column}.${hub}.${month}`;
        for (const code of ['PEOPLE_ASSISTED_BY_SEX', 'PEOPLE_ASSISTED_BY_AGE', 'PEOPLE_ASSISTED_BY_NATIONALITY']) {
          const element = meta.elementByCode.get(code)!;
          const equation = new Map<string, number>([[at(total), -1]]);
          for (const coc of element.cocs) equation.set(at(`${element.id}.${coc.id}`), 1);
          if (element.id === nationality.id) {
            equation.set(at('shortfall'), 1);
            hidden.push(at('shortfall'));
          }
          equations.push(equation);
        }
      }
    }
    const smallHidden = new Set(hidden.filter((key) => figures.hidden(key) === 'small'));
    expect(smallHidden.size).toBeGreaterThan(20);
    expect(determinedFigures(equations, hidden.sort()).filter((key) => smallHidden.has(key))).toEqual([]);
  });

  it('shows the full figures, labelled, to roles that may read them, and only approved ones', async () => {
    const moderator = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })]);
    const cookie = await sessionCookie(t.db, moderator.id);
    const response = await get('/en/dashboards/hubs?period=2021', cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body).toContain('Full figures.');
    expect(response.body).toContain('See the public version');
    const csv = csvRows((await get('/en/dashboards/hubs/referrals.csv?period=202102&country=MX', cookie)).body);
    let exactSmall = 0;
    for (const [code, , cell] of csv) {
      const ref = figureOf('referrals', code, '202102', 'MX');
      const value = truth(ref.dataElementId, ref.cocId, ref.orgUnitId, ref.period);
      expect(Number(cell)).toBe(value);
      if (isSmall(value)) exactSmall++;
    }
    expect(exactSmall).toBeGreaterThan(0);
    // The review queue's report (777 people) is not approved: nowhere in the full figures.
    const hubsCsv = (await get('/en/dashboards/hubs/hubs.csv?period=2021', cookie)).body;
    expect(hubsCsv).not.toContain('777');
    // The same viewer can look at what the public sees.
    const publicView = await get('/en/dashboards/hubs?period=2021&view=public', cookie);
    expect(publicView.body).toContain('Public version.');
    expect(publicView.body).toContain('See the full figures');
    // A signed-in role without the right sees the public figures.
    const organization = await buildOrganization(t.db);
    const editor = await buildUser(t.db, [grant('org_editor', { organizationId: organization.id })]);
    const editorPage = await get('/en/dashboards/hubs?period=2021', await sessionCookie(t.db, editor.id));
    expect(editorPage.body).toContain('Public version.');
    expect(editorPage.body).not.toContain('See the full figures');
  });

  it('answers bad filters with a 400 page in the user’s language, never a 500', async () => {
    const fr = translator('fr');
    const cases = [
      ['/fr/dashboards/hubs?period=2021Q5', fr('errors.DASHBOARD_PERIOD_INVALID', { period: '2021Q5' })],
      ['/fr/dashboards/hubs?period=1999', fr('errors.DASHBOARD_PERIOD_INVALID', { period: '1999' })],
      ['/fr/dashboards/hubs?country=XX', fr('errors.DASHBOARD_COUNTRY_INVALID', { country: 'XX' })],
      ['/fr/dashboards/hubs/sex.csv?country=mexico', fr('errors.DASHBOARD_COUNTRY_INVALID', { country: 'mexico' })],
      [`/fr/dashboards/hubs?period=${'9'.repeat(40)}`, null],
      ['/fr/dashboards/hubs?view=everything', null],
      ['/fr/dashboards/hubs?period=%3Cscript%3E', fr('errors.DASHBOARD_PERIOD_INVALID', { period: '<script>' })],
    ] as const;
    for (const [url, message] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('lang="fr"');
      if (message) expect(unescape(response.body)).toContain(message);
      expect(response.body).not.toContain('<script>');
    }
    expect((await get('/fr/dashboards/hubs/unknown.csv')).statusCode).toBe(404);
    // A country of the region without reports is not an error: the page says there is nothing yet.
    const empty = await get('/es/dashboards/hubs?country=PA&period=2021');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(translator('es')('hubdash.empty'));
  });

  it('follows approvals: the cached public decision is replaced when the approved data changes', async () => {
    const before = await loadPublicFigures(t.db);
    expect(await loadPublicFigures(t.db)).toBe(before);
    const hubsCsv = () => get('/en/dashboards/hubs/hubs.csv?period=202104&country=CR');
    expect(csvRows((await hubsCsv()).body)).toEqual([]);
    await t.db.query
      .updateTable('hub_reports')
      .set({ status: 'approved', decided_at: new Date() })
      .where('id', '=', pendingReportId)
      .execute();
    await refreshRollups(t.db.query, [{ period: '202104', countryCode: 'CR' }]);
    const after = await loadPublicFigures(t.db);
    expect(after.version).not.toBe(before.version);
    expect(csvRows((await hubsCsv()).body)).toEqual([[pendingHub, expect.stringContaining('Costa Rica'), '777']]);
  });
});
