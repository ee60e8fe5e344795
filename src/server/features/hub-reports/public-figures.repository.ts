// What the public suppression reads: a cheap fingerprint of the approved data per country-year, and one
// country-year's approved values.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { RawValue } from './public-figures.space.js';

/** A fingerprint per country-year, keyed 'CC.YYYY'. */
export type Fingerprints = Map<string, string>;

/**
 * Fingerprints of the approved sums per country-year (report_rollups: thousands of rows, read on every request).
 * Every change to what is approved refreshes the rollups in the same transaction; the checksum weighs each value
 * by its cell, so moving people from one cell to another changes it too.
 */
export async function rollupFingerprints(db: Db): Promise<Fingerprints> {
  const { rows } = await sql<{ country_code: string; year: string; cells: string | number; checksum: string }>`
    SELECT country_code, left(period, 4) AS year, count(*) AS cells,
           sum(value::numeric * (abs(hashtext(period || data_element_id || category_option_combo_id)) % 1000003 + 1)
               + hubs)::text AS checksum
    FROM report_rollups GROUP BY country_code, left(period, 4)`.execute(db.query);
  return new Map(rows.map((r) => [`${r.country_code}.${r.year}`, `${r.cells}/${r.checksum}`]));
}

/**
 * Fingerprints of the approved reports per country-year (hub_reports: one row per hub and month, slower): catches
 * changes between hubs that leave every country sum as it was.
 */
export async function reportFingerprints(db: Db): Promise<Fingerprints> {
  const { rows } = await sql<{ country_code: string; year: string; approved: string | number; changed: string | null }>`
    SELECT country_code, left(period, 4) AS year, count(*) AS approved,
           max(greatest(updated_at, decided_at, unlocked_at))::text AS changed
    FROM hub_reports WHERE status = 'approved'
    GROUP BY country_code, left(period, 4)`.execute(db.query);
  return new Map(rows.map((r) => [`${r.country_code}.${r.year}`, `${r.approved}/${r.changed ?? ''}`]));
}

/** The approved values of one country's hubs in one year. */
export async function listApprovedValues(db: Db, countryCode: string, year: string): Promise<RawValue[]> {
  const { rows } = await sql<{ o: string; p: string; d: string; c: string; v: number }>`
    SELECT v.org_unit_id AS o, v.period AS p, v.data_element_id AS d, v.category_option_combo_id AS c, v.value AS v
    FROM hub_reports r JOIN report_data_values v ON v.report_id = r.id
    WHERE r.status = 'approved' AND r.country_code = ${countryCode}
      AND r.period BETWEEN ${`${year}01`} AND ${`${year}12`} AND v.value > 0`.execute(db.query);
  return rows.map((r) => ({ orgUnitId: r.o, period: r.p, dataElementId: r.d, cocId: r.c, value: Number(r.v) }));
}
