import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { loadReportMetadata } from './report-metadata.repository.js';
import { ensureHubOrgUnit, listHubOrgUnits, listOrgUnits } from './org-units.repository.js';
import { orgUnitUid } from './org-units.js';
import { rebuildRollups, refreshRollups } from './rollups.repository.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe('reporting metadata', () => {
  it('holds the hub data set with its elements, option combos and rules', async () => {
    const meta = await loadReportMetadata(t.db);
    expect(meta.dataSet.code).toBe('HUB_MONTHLY');
    expect(meta.dataElements.map((e) => e.code)).toEqual([
      'PEOPLE_ASSISTED',
      'PEOPLE_ASSISTED_BY_SEX',
      'PEOPLE_ASSISTED_BY_AGE',
      'PEOPLE_ASSISTED_BY_NATIONALITY',
      'SERVICES_PROVIDED',
      'REFERRALS',
    ]);
    const sex = meta.elementByCode.get('PEOPLE_ASSISTED_BY_SEX')!;
    expect(sex.cocs.map((c) => c.name.es)).toEqual(['Mujeres', 'Hombres', 'Otro o no indicado']);
    expect(meta.elementByCode.get('PEOPLE_ASSISTED')!.cocs).toEqual([
      expect.objectContaining({ id: 'HllvX50cXC0', isDefault: true }),
    ]);
    expect(meta.elementByCode.get('SERVICES_PROVIDED')!.cocs).toHaveLength(6);
    expect(meta.rules.filter((r) => r.importance === 'blocking').map((r) => r.code)).toEqual([
      'SEX_SUM_EQUALS_TOTAL',
      'AGE_SUM_EQUALS_TOTAL',
      'NATIONALITY_NOT_ABOVE_TOTAL',
    ]);
  });
});

describe('organisation units', () => {
  it('creates a hub under its country and admin area once, with stable ids', async () => {
    const org = await buildOrganization(t.db, { name: 'Centro de Información Puebla' });
    const location = await buildLocation(t.db, org.id, { country_code: 'MX', admin_area: 'Puebla', city: 'Puebla' });
    const hub = (await ensureHubOrgUnit(t.db.query, location.id))!;
    expect(hub).toMatchObject({ level: 4, countryCode: 'MX', iso3: 'MEX', locationId: location.id });
    expect(hub.name.es).toBe('Centro de Información Puebla — Puebla');
    const country = (await listOrgUnits(t.db)).find((u) => u.id === hub.path.split('/')[2]);
    expect(country?.name).toMatchObject({ es: 'México', ht: 'Meksik' });
    expect(hub.path.split('/').slice(1)).toEqual(['RbOuRegion1', orgUnitUid('MEX'), orgUnitUid('MEX-PUEBLA'), hub.id]);
    expect((await ensureHubOrgUnit(t.db.query, location.id))!.id).toBe(hub.id);
    expect((await listHubOrgUnits(t.db, ['MX'])).map((u) => u.id)).toContain(hub.id);
    expect(await listHubOrgUnits(t.db, ['CR'])).toEqual([]);
    expect(await ensureHubOrgUnit(t.db.query, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('rollups', () => {
  it('sum approved values only, per country and month', async () => {
    const org = await buildOrganization(t.db);
    const meta = await loadReportMetadata(t.db);
    const total = meta.elementByCode.get('PEOPLE_ASSISTED')!;
    const units = [];
    for (const city of ['San José', 'Upala']) {
      const location = await buildLocation(t.db, org.id, { country_code: 'CR', admin_area: city, city });
      units.push((await ensureHubOrgUnit(t.db.query, location.id))!);
    }
    const statuses = ['approved', 'submitted'] as const;
    for (const [i, unit] of units.entries()) {
      const report = await t.db.query
        .insertInto('hub_reports')
        .values({
          data_set_id: meta.dataSet.id,
          org_unit_id: unit.id,
          period: '202103',
          country_code: 'CR',
          status: statuses[i],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db.query
        .insertInto('report_data_values')
        .values({
          report_id: report.id,
          data_element_id: total.id,
          period: '202103',
          org_unit_id: unit.id,
          category_option_combo_id: 'HllvX50cXC0',
          value: 100 + i,
          stored_by: null,
        })
        .execute();
    }
    await refreshRollups(t.db.query, [{ period: '202103', countryCode: 'CR' }]);
    const rows = await t.db.query.selectFrom('report_rollups').selectAll().where('country_code', '=', 'CR').execute();
    expect(rows.map((r) => [r.data_element_id, Number(r.value), r.hubs])).toEqual([[total.id, 100, 1]]);
    await t.db.query.updateTable('hub_reports').set({ status: 'approved' }).where('country_code', '=', 'CR').execute();
    await rebuildRollups(t.db.query);
    const after = await t.db.query.selectFrom('report_rollups').selectAll().where('country_code', '=', 'CR').execute();
    expect(after.map((r) => [Number(r.value), r.hubs])).toEqual([[201, 2]]);
  });
});
