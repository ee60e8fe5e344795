// What the hub dashboards read: approved sums per country and month (report_rollups, thousands of rows), and per
// hub for the hub comparison (report_data_values of approved reports, one element over the period's months).
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Translated } from '../../db/schema.js';

export interface RollupRow {
  period: string;
  countryCode: string;
  dataElementId: string;
  cocId: string;
  value: number;
  hubs: number;
}

/** Approved sums of the given months, of one country or all. */
export async function listRollups(db: Db, months: string[], countryCode: string | null): Promise<RollupRow[]> {
  if (months.length === 0) return [];
  let query = db.query
    .selectFrom('report_rollups')
    .select(['period', 'country_code', 'data_element_id', 'category_option_combo_id', 'value', 'hubs'])
    .where('period', 'in', months);
  if (countryCode) query = query.where('country_code', '=', countryCode);
  const rows = await query.execute();
  return rows.map((r) => ({
    period: r.period,
    countryCode: r.country_code,
    dataElementId: r.data_element_id,
    cocId: r.category_option_combo_id,
    value: Number(r.value),
    hubs: r.hubs,
  }));
}

export interface HubTotalRow {
  orgUnitId: string;
  countryCode: string;
  name: Translated;
  value: number;
}

/** One cell of one element summed per hub over the months, approved reports only, of one country or all. */
export async function listHubTotals(
  db: Db,
  months: string[],
  dataElementId: string,
  cocId: string,
  countryCode: string | null,
): Promise<HubTotalRow[]> {
  if (months.length === 0) return [];
  const { rows } = await sql<{ org_unit_id: string; country_code: string; name: Translated; value: string | number }>`
    SELECT t.org_unit_id, t.country_code, u.name, t.value
    FROM (
      SELECT v.org_unit_id, r.country_code, sum(v.value) AS value
      FROM report_data_values v JOIN hub_reports r ON r.id = v.report_id
      WHERE v.period IN (${sql.join(months)}) AND v.data_element_id = ${dataElementId}
        AND v.category_option_combo_id = ${cocId} AND r.status = 'approved'
        ${countryCode ? sql`AND r.country_code = ${countryCode}` : sql``}
      GROUP BY v.org_unit_id, r.country_code
    ) t JOIN report_org_units u ON u.id = t.org_unit_id`.execute(db.query);
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    countryCode: r.country_code.trim(),
    name: r.name,
    value: Number(r.value),
  }));
}

/** Months and countries that have approved data, for the filters. */
export async function listDashboardFacets(db: Db): Promise<{ months: string[]; countries: string[] }> {
  const [months, countries] = await Promise.all([
    db.query.selectFrom('report_rollups').select('period').distinct().orderBy('period', 'desc').execute(),
    db.query.selectFrom('report_rollups').select('country_code').distinct().orderBy('country_code').execute(),
  ]);
  return { months: months.map((r) => r.period), countries: countries.map((r) => r.country_code.trim()) };
}
