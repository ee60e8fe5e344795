import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrganization } from '../../../../../tests/support/factories.js';
import { createTestDb, type TestDb } from '../../../../../tests/support/test-db.js';
import type { OrgUnit } from '../org-units.repository.js';
import { hubOrgUnitCode, orgUnitUid } from '../org-units.js';
import { buildHub, consistentFigures, fileReport, type Figures } from './exchange.test-support.js';
import { importHubReports, type HubImportOptions } from './import.service.js';

let t: TestDb;
let hub: OrgUnit;
const NOW = new Date('2022-01-15T12:00:00Z');
const APPROVE: HubImportOptions = {
  dryRun: false,
  status: 'approved',
  userId: null,
  updatedBy: 'Test import',
  now: NOW,
};

beforeAll(async () => {
  t = await createTestDb();
  hub = await buildHub(t.db, { country: 'GT', area: 'Guatemala', city: 'Ciudad de Guatemala' });
});
afterAll(() => t.drop());

/** A DHIS2 dataValueSets file for one hub and month, naming elements and cells by code. */
function dataValueSet(orgUnit: string, period: string, figures: Figures) {
  const dataValues = Object.entries(figures).flatMap(([dataElement, cells]) =>
    Object.entries(cells).map(([coc, value]) => ({
      dataElement,
      period,
      orgUnit,
      categoryOptionCombo: coc === 'default' ? '' : coc,
      attributeOptionCombo: 'HllvX50cXC0',
      value: String(value),
    })),
  );
  return JSON.stringify({ dataValues });
}

const count = async (table: 'report_data_values' | 'hub_reports' | 'report_org_units') =>
  Number(
    (
      await t.db.query
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const rollup = async (period: string, countryCode: string) =>
  (
    await t.db.query
      .selectFrom('report_rollups')
      .select('value')
      .where('period', '=', period)
      .where('country_code', '=', countryCode)
      .where('data_element_id', '=', 'RbDePplTot1')
      .executeTakeFirst()
  )?.value;

describe('importing hub reports', () => {
  it('creates a hub from HUB-<location id>, its approved report and values, and refreshes the rollups', async () => {
    const organization = await buildOrganization(t.db, { name: 'Oficina de Información Santa Ana' });
    const location = await buildLocation(t.db, organization.id, {
      country_code: 'SV',
      admin_area: 'Santa Ana',
      city: 'Santa Ana',
    });
    // Any case: the location id is what counts.
    const code = `hub-${location.id.toUpperCase()}`;
    const report = await importHubReports(t.db, dataValueSet(code, '202103', consistentFigures(40)), APPROVE);
    expect(report).toMatchObject({ format: 'dhis2-json', committed: true, reports: { created: 1, updated: 0 } });
    expect(report.counts).toEqual({ created: 12, updated: 0, unchanged: 0, rejected: 0 });
    const hubId = orgUnitUid(hubOrgUnitCode(location.id));
    const stored = await t.db.query
      .selectFrom('hub_reports')
      .select(['status', 'country_code', 'decided_at'])
      .where('org_unit_id', '=', hubId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'approved', country_code: 'SV' });
    expect(Number(await rollup('202103', 'SV'))).toBe(40);

    const again = await importHubReports(t.db, dataValueSet(hubId, '202103', consistentFigures(40)), APPROVE);
    expect(again).toMatchObject({ committed: false, reports: { created: 0, updated: 0 } });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 12, rejected: 0 });
  });

  it('changes nothing on a dry run, and reports what it would do', async () => {
    const before = [await count('report_data_values'), await count('hub_reports')];
    const figures = consistentFigures(30);
    const report = await importHubReports(t.db, dataValueSet(hub.id, '202104', figures), { ...APPROVE, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, reports: { created: 1 } });
    expect(report.counts.created).toBe(12);
    expect([await count('report_data_values'), await count('hub_reports')]).toEqual(before);
  });

  it('matches elements, cells and hubs by code as well as UID', async () => {
    const csv = [
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value',
      `PEOPLE_ASSISTED,2021-05,${hub.code.toLowerCase()},,default,12`,
      `people_assisted_by_sex,202105,${hub.code},female,,5`,
      `RbDePplSex1,202105,${hub.id},MALE,,7`,
      `PEOPLE_ASSISTED_BY_AGE,202105,${hub.id},AGE_18_59,,12`,
    ].join('\n');
    const report = await importHubReports(t.db, csv, APPROVE);
    expect(report.counts).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.committed).toBe(true);
  });

  it('rejects every broken value with its reason, and then writes nothing at all', async () => {
    const country = await t.db.query
      .selectFrom('report_org_units')
      .select('code')
      .where('level', '=', 2)
      .executeTakeFirstOrThrow();
    const rows = [
      // A report that is valid on its own…
      ['RbDePplTot1', '202106', hub.id, '', '', '25'],
      ['RbDePplSex1', '202106', hub.id, 'RbCocSexF01', '', '25'],
      ['RbDePplAge1', '202106', hub.id, 'RbCocAge185', '', '25'],
      // …and one broken value of each kind.
      ['NOPE', '202106', hub.id, '', '', '1'],
      ['RbDePplSex1', '202106', hub.id, 'RbCocAge017', '', '1'],
      ['RbDePplSex1', '202106', hub.id, '', '', '1'],
      ['RbDePplTot1', '202107', hub.id, '', 'XYZ', '1'],
      ['RbDePplTot1', '2021Q1', hub.id, '', '', '1'],
      ['RbDePplTot1', '2021-13', hub.id, '', '', '1'],
      ['RbDePplTot1', '202202', hub.id, '', '', '1'],
      ['RbDePplTot1', '202108', hub.id, '', '', '-3'],
      ['RbDePplTot1', '202109', hub.id, '', '', '2.5'],
      ['RbDePplTot1', '202110', hub.id, '', '', ''],
      ['RbDePplTot1', '202111', hub.id, '', '', '<5'],
      ['RbDePplTot1', '202106', 'OuNope12345', '', '', '1'],
      ['RbDePplTot1', '202106', country.code, '', '', '1'],
      ['RbDePplTot1', '202106', `HUB-${randomUUID()}`, '', '', '1'],
      ['RbDePplTot1', '202106', hub.id, '', '', '26'],
      ['RbDePplTot1', '202112', hub.id, '', '', '1000001'],
    ];
    const csv = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value', ...rows.map((r) => r.join(','))].join(
      '\n',
    );
    const before = [await count('report_data_values'), await count('hub_reports')];
    const report = await importHubReports(t.db, csv, APPROVE);
    expect(report.committed).toBe(false);
    expect(report.lines.map((l) => [l.line, l.outcome, l.reason ?? null, l.detail ?? null])).toEqual([
      [2, 'created', null, null],
      [3, 'created', null, null],
      [4, 'created', null, null],
      [5, 'rejected', 'unknown_data_element', null],
      [6, 'rejected', 'unknown_cell', null],
      [7, 'rejected', 'unknown_cell', null],
      [8, 'rejected', 'unsupported_attribute_combo', null],
      [9, 'rejected', 'bad_period', null],
      [10, 'rejected', 'bad_period', null],
      [11, 'rejected', 'future_period', null],
      [12, 'rejected', 'not_whole_number', null],
      [13, 'rejected', 'not_whole_number', null],
      [14, 'rejected', 'missing_value', null],
      [15, 'rejected', 'not_whole_number', null],
      [16, 'rejected', 'unknown_org_unit', null],
      [17, 'rejected', 'org_unit_not_hub', null],
      [18, 'rejected', 'unknown_org_unit', null],
      [19, 'rejected', 'duplicate_in_file', '2'],
      [20, 'rejected', 'too_large', null],
    ]);
    expect([await count('report_data_values'), await count('hub_reports')]).toEqual(before);
  });

  it('rejects a report that would break a blocking rule, all its values', async () => {
    const figures = consistentFigures(30);
    figures.PEOPLE_ASSISTED_BY_SEX!.FEMALE = 99;
    const failed = await importHubReports(t.db, dataValueSet(hub.id, '202108', figures), APPROVE);
    expect(failed.committed).toBe(false);
    expect(failed.lines).toHaveLength(12);
    expect(failed.lines.every((l) => l.outcome === 'rejected' && l.reason === 'rule_failed')).toBe(true);
    expect(failed.lines[0]!.detail).toBe('SEX_SUM_EQUALS_TOTAL');
  });

  it('keeps approved reports locked (unchanged values pass) and updates reports that are not approved', async () => {
    const locked = await buildHub(t.db, { country: 'HN', area: 'Cortés', city: 'San Pedro Sula' });
    await fileReport(t.db, locked, '202103', consistentFigures(80));
    const same = await importHubReports(t.db, dataValueSet(locked.id, '202103', consistentFigures(80)), APPROVE);
    expect(same.counts).toEqual({ created: 0, updated: 0, unchanged: 12, rejected: 0 });
    const changed = await importHubReports(t.db, dataValueSet(locked.id, '202103', consistentFigures(81)), APPROVE);
    expect(changed.committed).toBe(false);
    const rejected = changed.lines.filter((l) => l.outcome === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((l) => l.reason === 'report_locked')).toBe(true);
    expect(rejected.length + changed.counts.unchanged).toBe(12);

    const reportId = await fileReport(t.db, locked, '202104', consistentFigures(60), 'submitted');
    const submitted = await importHubReports(t.db, dataValueSet(locked.id, '202104', consistentFigures(61)), {
      ...APPROVE,
      status: 'submitted',
    });
    expect(submitted).toMatchObject({ committed: true, reports: { created: 0, updated: 1 } });
    const updated = submitted.lines.filter((l) => l.outcome === 'updated');
    expect(updated.map((l) => [l.dataElement, l.categoryOptionCombo, l.value, l.detail])).toEqual([
      ['PEOPLE_ASSISTED', '', '61', '60'],
      ['PEOPLE_ASSISTED_BY_SEX', 'MALE', '31', '30'],
      ['PEOPLE_ASSISTED_BY_AGE', 'AGE_18_59', '46', '45'],
      ['PEOPLE_ASSISTED_BY_NATIONALITY', 'NAT_HND', '41', '40'],
      ['SERVICES_PROVIDED', 'SVC_INFORMATION', '61', '60'],
    ]);
    const row = () =>
      t.db.query
        .selectFrom('hub_reports')
        .select(['status', 'version'])
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow();
    expect(await row()).toEqual({ status: 'submitted', version: 2 });
    expect(await rollup('202104', 'HN')).toBeUndefined();
    const approved = await importHubReports(t.db, dataValueSet(locked.id, '202104', consistentFigures(62)), APPROVE);
    expect(approved.committed).toBe(true);
    expect(await row()).toEqual({ status: 'approved', version: 3 });
    expect(Number(await rollup('202104', 'HN'))).toBe(62);
  });

  it('writes what it changed to the audit log, naming who imported', async () => {
    const place = await buildHub(t.db, { country: 'PA', area: 'Darién', city: 'Metetí' });
    const audit = (reportId: string) =>
      t.db.query
        .selectFrom('audit_log')
        .select(['last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'])
        .where('resource_id', '=', reportId)
        .orderBy('field_name')
        .execute();
    const options = { ...APPROVE, status: 'submitted' as const, updatedBy: 'Ana (admin)' };
    const first = await importHubReports(t.db, dataValueSet(place.id, '202105', consistentFigures(20)), options);
    expect(first.committed).toBe(true);
    const report = await t.db.query
      .selectFrom('hub_reports')
      .select('id')
      .where('org_unit_id', '=', place.id)
      .where('period', '=', '202105')
      .executeTakeFirstOrThrow();
    expect(await audit(report.id)).toEqual([
      {
        last_action_type: 'create',
        field_name: '',
        previous_value: null,
        replacement_value: { status: 'submitted', cells: 12, source: 'import' },
        updated_by: 'Ana (admin)',
      },
    ]);
    await importHubReports(t.db, dataValueSet(place.id, '202105', consistentFigures(21)), {
      ...options,
      status: 'approved',
    });
    const rows = (await audit(report.id)).filter((r) => r.last_action_type === 'update');
    expect(rows).toContainEqual({
      last_action_type: 'update',
      field_name: 'PEOPLE_ASSISTED.default',
      previous_value: 20,
      replacement_value: 21,
      updated_by: 'Ana (admin)',
    });
    expect(rows).toContainEqual({
      last_action_type: 'update',
      field_name: 'status',
      previous_value: 'submitted',
      replacement_value: 'approved',
      updated_by: 'Ana (admin)',
    });
    // Unchanged cells are not logged; a dry run logs nothing.
    expect(rows).toHaveLength(6);
    const before = (await audit(report.id)).length;
    await importHubReports(t.db, dataValueSet(place.id, '202106', consistentFigures(5)), { ...options, dryRun: true });
    expect((await audit(report.id)).length).toBe(before);
  });

  it('imports the wide CSV of the export', async () => {
    const csv = [
      'period_start,period_end,country_iso3,admin1_code,hub_code,hub_name,people_assisted,people_assisted_by_sex__female,people_assisted_by_sex__male,people_assisted_by_age__age_18_59',
      '#date+start,#date+end,#country+code,#adm1+code,#loc+code,#org+name,#reached+ind,#reached+ind+f,#reached+ind+m,#reached+ind+adults',
      `2021-09-01,2021-09-30,GTM,GTM-GUATEMALA,${hub.code},Hub,9,4,5,9`,
    ].join('\n');
    const report = await importHubReports(t.db, csv, APPROVE);
    expect(report).toMatchObject({ format: 'wide-csv', committed: true });
    expect(report.counts.created).toBe(4);
    expect(report.lines[0]).toMatchObject({ line: 3, column: 'people_assisted', period: '202109' });
    expect(Number(await rollup('202109', 'GT'))).toBe(9);
  });

  it('reports an unreadable file as an input error', async () => {
    const report = await importHubReports(t.db, '{"dataValues": [', APPROVE);
    expect(report).toMatchObject({ committed: false, format: null, error: { code: 'malformed_json' } });
    expect(report.lines).toEqual([]);
  });
});
