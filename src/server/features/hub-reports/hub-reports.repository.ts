// Hub reports and their figures: read a report and its values, write them under optimistic concurrency (a write
// names the version it was read at and changes nothing when the row moved on), the hub's history for outlier
// checks, and the moderators' queue.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, HubReportStatus, HubReportTable, Translated } from '../../db/schema.js';
import { cellKey, type CellValues } from './report-validation.js';

export type HubReportRow = Selectable<HubReportTable>;
type Q = Kysely<Database>;

export async function findReportForPeriod(
  q: Q,
  dataSetId: string,
  orgUnitId: string,
  period: string,
): Promise<HubReportRow | undefined> {
  return q
    .selectFrom('hub_reports')
    .selectAll()
    .where('data_set_id', '=', dataSetId)
    .where('org_unit_id', '=', orgUnitId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function findReportById(q: Q, id: string): Promise<HubReportRow | undefined> {
  return q.selectFrom('hub_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Status of the hub's reports for some months (months without a report are absent). */
export async function reportStatuses(
  q: Q,
  orgUnitId: string,
  periods: string[],
): Promise<Map<string, HubReportStatus>> {
  if (periods.length === 0) return new Map();
  const rows = await q
    .selectFrom('hub_reports')
    .select(['period', 'status'])
    .where('org_unit_id', '=', orgUnitId)
    .where('period', 'in', periods)
    .execute();
  return new Map(rows.map((row) => [row.period, row.status]));
}

export async function readValues(q: Q, reportId: string): Promise<CellValues> {
  const rows = await q
    .selectFrom('report_data_values')
    .select(['data_element_id', 'category_option_combo_id', 'value'])
    .where('report_id', '=', reportId)
    .execute();
  return new Map(rows.map((row) => [cellKey(row.data_element_id, row.category_option_combo_id), row.value]));
}

/** A new report (version 1); undefined when one for the same month was created meanwhile. */
export async function insertReport(
  q: Q,
  report: { dataSetId: string; orgUnitId: string; period: string; countryCode: string; userId: string },
): Promise<HubReportRow | undefined> {
  return q
    .insertInto('hub_reports')
    .values({
      data_set_id: report.dataSetId,
      org_unit_id: report.orgUnitId,
      period: report.period,
      country_code: report.countryCode,
      updated_by: report.userId,
    })
    .onConflict((oc) => oc.columns(['data_set_id', 'org_unit_id', 'period']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Changes the report only if it is still at `version` (and bumps it); undefined when it moved on. */
export async function updateReport(
  q: Q,
  id: string,
  version: number,
  changes: Updateable<HubReportTable>,
): Promise<HubReportRow | undefined> {
  return q
    .updateTable('hub_reports')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Makes the stored figures of a report equal to `values`: cells left empty are removed, changed ones written. */
export async function writeValues(
  q: Q,
  report: Pick<HubReportRow, 'id' | 'org_unit_id' | 'period'>,
  values: CellValues,
  previous: CellValues,
  userId: string,
): Promise<void> {
  const removed = [...previous.keys()].filter((key) => !values.has(key));
  for (const key of removed) {
    const [dataElementId, cocId] = key.split('.') as [string, string];
    await q
      .deleteFrom('report_data_values')
      .where('report_id', '=', report.id)
      .where('data_element_id', '=', dataElementId)
      .where('category_option_combo_id', '=', cocId)
      .execute();
  }
  const changed = [...values].filter(([key, value]) => previous.get(key) !== value);
  if (changed.length === 0) return;
  await q
    .insertInto('report_data_values')
    .values(
      changed.map(([key, value]) => {
        const [dataElementId, cocId] = key.split('.') as [string, string];
        return {
          report_id: report.id,
          data_element_id: dataElementId,
          period: report.period,
          org_unit_id: report.org_unit_id,
          category_option_combo_id: cocId,
          value,
          stored_by: userId,
        };
      }),
    )
    .onConflict((oc) =>
      oc.columns(['org_unit_id', 'period', 'data_element_id', 'category_option_combo_id']).doUpdateSet({
        value: (eb) => eb.ref('excluded.value'),
        stored_by: (eb) => eb.ref('excluded.stored_by'),
        report_id: (eb) => eb.ref('excluded.report_id'),
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * The hub's figures in its last `limit` approved months between `from` (inclusive) and `before` (exclusive),
 * per cell, newest month first.
 */
export async function approvedHistory(
  q: Q,
  orgUnitId: string,
  window: { from: string; before: string; limit: number },
): Promise<Map<string, number[]>> {
  const months = q
    .selectFrom('hub_reports')
    .select('id')
    .where('org_unit_id', '=', orgUnitId)
    .where('status', '=', 'approved')
    .where('period', '>=', window.from)
    .where('period', '<', window.before)
    .orderBy('period', 'desc')
    .limit(window.limit);
  const rows = await q
    .selectFrom('report_data_values')
    .select(['data_element_id', 'category_option_combo_id', 'value', 'period'])
    .where('report_id', 'in', months)
    .orderBy('period', 'desc')
    .execute();
  const history = new Map<string, number[]>();
  for (const row of rows) {
    const key = cellKey(row.data_element_id, row.category_option_combo_id);
    const list = history.get(key) ?? [];
    list.push(row.value);
    history.set(key, list);
  }
  return history;
}

export interface PastReport {
  period: string;
  status: HubReportStatus;
  values: CellValues;
}

/** The hub's reports of the `limit` months before `before` that have one, newest first, with their figures. */
export async function previousReports(q: Q, orgUnitId: string, before: string, limit: number): Promise<PastReport[]> {
  const reports = await q
    .selectFrom('hub_reports')
    .select(['id', 'period', 'status'])
    .where('org_unit_id', '=', orgUnitId)
    .where('period', '<', before)
    .orderBy('period', 'desc')
    .limit(limit)
    .execute();
  if (reports.length === 0) return [];
  const rows = await q
    .selectFrom('report_data_values')
    .select(['report_id', 'data_element_id', 'category_option_combo_id', 'value'])
    .where(
      'report_id',
      'in',
      reports.map((r) => r.id),
    )
    .execute();
  const byReport = new Map<string, CellValues>(reports.map((r) => [r.id, new Map()]));
  for (const row of rows) {
    byReport.get(row.report_id)?.set(cellKey(row.data_element_id, row.category_option_combo_id), row.value);
  }
  return reports.map((r) => ({ period: r.period, status: r.status, values: byReport.get(r.id) ?? new Map() }));
}

export interface QueueEntry {
  id: string;
  period: string;
  status: HubReportStatus;
  countryCode: string;
  hubName: Translated;
  submittedAt: Date | string | null;
  peopleAssisted: number | null;
}

/** Reports of some statuses in some countries (null: every country), oldest submission first. */
export async function listReportQueue(
  q: Q,
  filter: { status: HubReportStatus; countries: string[] | null; totalCell: { dataElementId: string; cocId: string } },
  window: { limit: number; offset: number },
): Promise<{ entries: QueueEntry[]; total: number }> {
  if (filter.countries && filter.countries.length === 0) return { entries: [], total: 0 };
  let base = q
    .selectFrom('hub_reports as r')
    .innerJoin('report_org_units as u', 'u.id', 'r.org_unit_id')
    .where('r.status', '=', filter.status);
  if (filter.countries) base = base.where('r.country_code', 'in', filter.countries);
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('report_data_values as v', (join) =>
      join
        .onRef('v.report_id', '=', 'r.id')
        .on('v.data_element_id', '=', filter.totalCell.dataElementId)
        .on('v.category_option_combo_id', '=', filter.totalCell.cocId),
    )
    .select([
      'r.id',
      'r.period',
      'r.status',
      'r.country_code',
      'r.submitted_at',
      'r.updated_at',
      'u.name as hub_name',
      'v.value',
    ])
    .orderBy(sql`coalesce(r.submitted_at, r.updated_at)`, 'asc')
    .orderBy('r.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return {
    total: Number(counted.n),
    entries: rows.map((row) => ({
      id: row.id,
      period: row.period,
      status: row.status,
      countryCode: row.country_code,
      hubName: row.hub_name,
      submittedAt: row.submitted_at,
      peopleAssisted: row.value,
    })),
  };
}
