import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app.js';
import type { OrgUnit } from '../org-units.repository.js';
import { loadReportMetadata, type ReportMetadata } from '../report-metadata.repository.js';
import { consistentFigures, buildHub, fileReport } from './exchange.test-support.js';
import { streamAllValues } from './export.service.js';
import { importHubReports } from './import.service.js';

let t: TestApp;
let meta: ReportMetadata;
let puebla: OrgUnit;
let tapachula: OrgUnit;
let sanJose: OrgUnit;
let publisherCookie: string;
let plainCookie: string;

/** A small hub's month: every count from 1 to 4 somewhere, as the public version must never show them. */
const SMALL_MONTH = {
  PEOPLE_ASSISTED: { default: 7 },
  PEOPLE_ASSISTED_BY_SEX: { FEMALE: 3, MALE: 4, SEX_OTHER_UNKNOWN: 0 },
  PEOPLE_ASSISTED_BY_AGE: { AGE_0_17: 2, AGE_18_59: 5, AGE_60_PLUS: 0 },
  PEOPLE_ASSISTED_BY_NATIONALITY: { NAT_HND: 6, NAT_VEN: 1 },
  SERVICES_PROVIDED: { SVC_INFORMATION: 7, SVC_REFERRAL: 1 },
  REFERRALS: { REF_HEALTH: 1 },
};

beforeAll(async () => {
  t = await createTestApp();
  meta = await loadReportMetadata(t.db);
  puebla = await buildHub(t.db, { country: 'MX', area: 'Puebla', city: 'Puebla' });
  tapachula = await buildHub(t.db, { country: 'MX', area: 'Chiapas', city: 'Tapachula' });
  sanJose = await buildHub(t.db, { country: 'CR', area: 'San José', city: 'San José' });
  await fileReport(t.db, puebla, '202103', consistentFigures(120));
  await fileReport(t.db, puebla, '202104', consistentFigures(90));
  await fileReport(t.db, puebla, '202105', consistentFigures(80), 'submitted');
  await fileReport(t.db, tapachula, '202103', SMALL_MONTH);
  await fileReport(t.db, sanJose, '202103', consistentFigures(50));
  const publisher = await buildUser(t.db, [grant('publisher')]);
  publisherCookie = await sessionCookie(t.db, publisher.id);
  plainCookie = await sessionCookie(t.db, (await buildUser(t.db)).id);
});
afterAll(() => t.close());

const get = (url: string, cookie = '', language = 'en') =>
  t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': language } });
const rowsOf = (body: string) => parse(body, { columns: true }) as Record<string, string>[];
const figureColumns = (row: Record<string, string>) =>
  Object.entries(row).filter(
    ([name]) => !['period_start', 'period_end', 'country_iso3', 'admin1_code', 'hub_code', 'hub_name'].includes(name),
  );

describe('GET /api/v1/hub-reports/export (full, for users who may read hub figures)', () => {
  it('sends a CSV with one row per hub and approved month, placed and named, and every element total and cell', async () => {
    const res = await get('/api/v1/hub-reports/export?format=csv', publisherCookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rumbo-hub-reports-full-all.csv"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const rows = rowsOf(res.body);
    expect(rows.map((r) => `${r.hub_code} ${r.period_start}`).sort()).toEqual(
      [
        `${puebla.code} 2021-03-01`,
        `${puebla.code} 2021-04-01`,
        `${tapachula.code} 2021-03-01`,
        `${sanJose.code} 2021-03-01`,
      ].sort(),
    );
    const march = rows.find((r) => r.hub_code === puebla.code && r.period_start === '2021-03-01')!;
    expect(march).toMatchObject({
      period_end: '2021-03-31',
      country_iso3: 'MEX',
      admin1_code: 'MEX-PUEBLA',
      hub_name: 'Centro de información Puebla — Puebla',
      people_assisted: '120',
      people_assisted_by_sex: '120',
      people_assisted_by_sex__female: '60',
      people_assisted_by_sex__male: '60',
      people_assisted_by_sex__sex_other_unknown: '0',
      people_assisted_by_age__age_0_17: '30',
      people_assisted_by_nationality: '120',
      services_provided__svc_referral: '24',
      // A cell never reported stays empty, and so does the total of an element with no cell reported.
      services_provided__svc_documents: '',
      referrals__ref_legal: '',
    });
    expect(rows.find((r) => r.hub_code === sanJose.code)).toMatchObject({ country_iso3: 'CRI', people_assisted: '50' });
  });

  it('filters by period (month, quarter, year) and country', async () => {
    const quarter = rowsOf((await get('/api/v1/hub-reports/export?period=2021Q1&country=mx', publisherCookie)).body);
    expect(quarter.map((r) => r.hub_code).sort()).toEqual([puebla.code, tapachula.code].sort());
    const month = await get('/api/v1/hub-reports/export?period=2021-04', publisherCookie);
    expect(rowsOf(month.body).map((r) => r.period_start)).toEqual(['2021-04-01']);
    expect(month.headers['content-disposition']).toContain('rumbo-hub-reports-full-202104.csv');
    expect(rowsOf((await get('/api/v1/hub-reports/export?period=2020', publisherCookie)).body)).toEqual([]);
  });

  it('sends HXL: the same table with a hashtag row under the header', async () => {
    const res = await get('/api/v1/hub-reports/export?format=hxl&period=202103', publisherCookie);
    expect(res.headers['content-disposition']).toContain('rumbo-hub-reports-full-202103-hxl.csv');
    const [header, tags, ...rows] = parse(res.body) as string[][];
    expect(header!.slice(0, 8)).toEqual([
      'period_start',
      'period_end',
      'country_iso3',
      'admin1_code',
      'hub_code',
      'hub_name',
      'people_assisted',
      'people_assisted_by_sex',
    ]);
    expect(tags!.slice(0, 9)).toEqual([
      '#date+start',
      '#date+end',
      '#country+code',
      '#adm1+code',
      '#loc+code',
      '#org+name',
      '#reached+ind',
      '#reached+ind+total+sex',
      '#reached+ind+f',
    ]);
    expect(rows).toHaveLength(3);
  });

  it('sends DHIS2 dataValueSets: approved values only, values as strings, no person in storedBy', async () => {
    const res = await get('/api/v1/hub-reports/export?format=dhis2', publisherCookie);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('rumbo-hub-reports-full-all.json');
    const { dataValues } = res.json() as { dataValues: Record<string, string>[] };
    const approved = await t.db.query
      .selectFrom('report_data_values as v')
      .innerJoin('hub_reports as r', 'r.id', 'v.report_id')
      .select(['v.org_unit_id', 'v.period', 'v.data_element_id', 'v.category_option_combo_id', 'v.value'])
      .where('r.status', '=', 'approved')
      .execute();
    expect(dataValues).toHaveLength(approved.length);
    const first = dataValues.find(
      (v) => v.orgUnit === puebla.id && v.period === '202103' && v.dataElement === 'RbDePplTot1',
    );
    expect(first).toEqual({
      dataElement: 'RbDePplTot1',
      period: '202103',
      orgUnit: puebla.id,
      categoryOptionCombo: 'HllvX50cXC0',
      attributeOptionCombo: 'HllvX50cXC0',
      value: '120',
      storedBy: 'rumbo',
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(dataValues.every((v) => typeof v.value === 'string' && !v.storedBy!.includes('@'))).toBe(true);
    expect(dataValues.some((v) => v.period === '202105')).toBe(false);
  });

  it('reads values a few reports at a time: never more than one batch ahead of what it has written', async () => {
    const all = [];
    for await (const value of streamAllValues(t.db, {}, { batchSize: 2 })) all.push(value);
    const keys = all.map((v) => `${v.orgUnitId}|${v.period}|${v.dataElementId}|${v.cocId}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Each hub-month's values come together (rows are built from runs), whatever the database's collation.
    const runs = all.map((v) => `${v.orgUnitId}|${v.period}`).filter((key, i, list) => key !== list[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs).toHaveLength(4);

    // Take the first batch (two reports' values), then remove every value: a stream that had read ahead would
    // still yield them.
    const firstBatch = all.filter((v) => runs.slice(0, 2).includes(`${v.orgUnitId}|${v.period}`)).length;
    const stream = streamAllValues(t.db, {}, { batchSize: 2 });
    const taken = [];
    for (let i = 0; i < firstBatch; i++) taken.push((await stream.next()).value);
    const saved = await t.db.query.selectFrom('report_data_values').selectAll().execute();
    await t.db.query.deleteFrom('report_data_values').execute();
    try {
      expect((await stream.next()).done).toBe(true);
    } finally {
      await t.db.query.insertInto('report_data_values').values(saved).execute();
    }
    expect(taken.map((v) => v?.value)).toEqual(all.slice(0, firstBatch).map((v) => v.value));
  });

  it('round-trips: importing its own CSV and dataValueSets changes nothing', async () => {
    const approved = await t.db.query
      .selectFrom('report_data_values as v')
      .innerJoin('hub_reports as r', 'r.id', 'v.report_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('r.status', '=', 'approved')
      .executeTakeFirstOrThrow();
    for (const format of ['csv', 'hxl', 'dhis2']) {
      const body = (await get(`/api/v1/hub-reports/export?format=${format}`, publisherCookie)).body;
      const report = await importHubReports(t.db, body, {
        dryRun: true,
        status: 'approved',
        userId: null,
        updatedBy: 'Test import',
      });
      expect(report.counts, format).toMatchObject({ created: 0, updated: 0, rejected: 0 });
      expect(report.counts.unchanged, format).toBe(Number(approved.n));
    }
  });
});

describe('GET /api/v1/hub-reports/export (public)', () => {
  it('is what anonymous visitors get: no count from 1 to 4, "<5" or empty instead, the rest as in the full one', async () => {
    const res = await get('/api/v1/hub-reports/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('rumbo-hub-reports-public-all.csv');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const rows = rowsOf(res.body);
    const full = rowsOf((await get('/api/v1/hub-reports/export?format=csv', publisherCookie)).body);
    expect(rows).toHaveLength(full.length);
    for (const row of rows) {
      for (const [name, text] of figureColumns(row)) {
        expect(['1', '2', '3', '4'], name).not.toContain(text);
        const fullRow = full.find((r) => r.hub_code === row.hub_code && r.period_start === row.period_start)!;
        if (text !== '<5' && text !== '') expect(text, name).toBe(fullRow[name]);
      }
    }
    const small = rows.find((r) => r.hub_code === tapachula.code)!;
    expect(small.people_assisted_by_sex__female).toBe('<5');
    expect(small.people_assisted_by_nationality__nat_ven).toBe('<5');
    // Hidden so the small one cannot be computed from the total.
    expect(small.people_assisted_by_nationality__nat_hnd).not.toBe('6');
  });

  it('leaves hidden values out of the public dataValueSets, and gives signed-in readers the public one on request', async () => {
    const anonymous = (await get('/api/v1/hub-reports/export?format=dhis2')).json() as {
      dataValues: { value: string; orgUnit: string }[];
    };
    expect(anonymous.dataValues.some((v) => ['1', '2', '3', '4'].includes(v.value))).toBe(false);
    const full = (await get('/api/v1/hub-reports/export?format=dhis2', publisherCookie)).json() as {
      dataValues: unknown[];
    };
    expect(anonymous.dataValues.length).toBeLessThan(full.dataValues.length);
    const asked = await get('/api/v1/hub-reports/export?format=dhis2&version=public', publisherCookie);
    expect(asked.json()).toEqual(anonymous);
    expect(asked.headers['content-disposition']).toContain('public');
  });
});

describe('GET /api/v1/hub-reports/export (errors)', () => {
  it('answers bad parameters and missing rights with catalogue errors in the request’s language', async () => {
    const period = await get('/api/v1/hub-reports/export?period=2021-13');
    expect(period.statusCode).toBe(400);
    expect(period.json().error).toMatchObject({ code: 'HUB_EXPORT_BAD_PERIOD', details: { period: '2021-13' } });
    expect(period.json().error.message).toContain('is not a period');
    const country = await get('/api/v1/hub-reports/export?country=ZZ', '', 'es');
    expect(country.json().error).toMatchObject({ code: 'HUB_EXPORT_BAD_COUNTRY' });
    expect(country.json().error.message).toContain('no es un país');
    expect((await get('/api/v1/hub-reports/export?format=xml')).json().error.code).toBe('VALIDATION_FAILED');
    const anonymousFull = await get('/api/v1/hub-reports/export?version=full');
    expect([anonymousFull.statusCode, anonymousFull.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const plainFull = await get('/api/v1/hub-reports/export?version=full', plainCookie);
    expect([plainFull.statusCode, plainFull.json().error.code]).toEqual([403, 'FORBIDDEN']);
    // A signed-in user without the right gets the public version by default.
    expect((await get('/api/v1/hub-reports/export', plainCookie)).headers['content-disposition']).toContain('public');
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    const operation = spec.paths['/api/v1/hub-reports/export']?.get;
    expect(operation).toBeDefined();
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['format', 'period', 'country', 'version']),
    );
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/csv', 'application/json']);
    expect(meta.dataElements.length).toBeGreaterThan(0);
  });
});
