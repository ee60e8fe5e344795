// Approved values summed per country and month (table report_rollups). Every change to what is approved calls
// `refreshRollups` in the same transaction, so dashboards never see a half-applied decision.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface RollupSlice {
  /** DHIS2 monthly period, e.g. '202103'. */
  period: string;
  countryCode: string;
}

/** Recomputes the sums of the given country-months from approved reports. */
export async function refreshRollups(q: Kysely<Database>, slices: RollupSlice[]): Promise<void> {
  const unique = new Map(slices.map((s) => [`${s.period}:${s.countryCode}`, s]));
  for (const { period, countryCode } of unique.values()) {
    await q.deleteFrom('report_rollups').where('period', '=', period).where('country_code', '=', countryCode).execute();
    await sql`
      INSERT INTO report_rollups (period, country_code, data_element_id, category_option_combo_id, value, hubs)
      SELECT v.period, r.country_code, v.data_element_id, v.category_option_combo_id, sum(v.value), count(DISTINCT v.org_unit_id)
      FROM report_data_values v JOIN hub_reports r ON r.id = v.report_id
      WHERE r.status = 'approved' AND r.period = ${period} AND r.country_code = ${countryCode}
      GROUP BY v.period, r.country_code, v.data_element_id, v.category_option_combo_id`.execute(q);
  }
}

/** Recomputes every sum (after a bulk load: the demo, an import, a benchmark). */
export async function rebuildRollups(q: Kysely<Database>): Promise<void> {
  await q.deleteFrom('report_rollups').execute();
  await sql`
    INSERT INTO report_rollups (period, country_code, data_element_id, category_option_combo_id, value, hubs)
    SELECT v.period, r.country_code, v.data_element_id, v.category_option_combo_id, sum(v.value), count(DISTINCT v.org_unit_id)
    FROM report_data_values v JOIN hub_reports r ON r.id = v.report_id
    WHERE r.status = 'approved'
    GROUP BY v.period, r.country_code, v.data_element_id, v.category_option_combo_id`.execute(q);
}
