// The SQL of the hub reports exchange: approved reports in keyset-paginated batches and their values (exports
// stream them, never holding more than one batch), the hubs' places, and what an import and the demo read and write.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db } from '../../../db/db.js';
import type { Database, HubReportStatus, HubReportTable, ReportDataValueTable } from '../../../db/schema.js';

/** A report to insert. */
export type HubReportRow = Insertable<HubReportTable>;
/** A data value to insert. */
export type DataValueRow = Insertable<ReportDataValueTable>;
const asDate = (value: unknown) => new Date(value as Date | string);

/** Where a value sits in the primary key order (org unit, period, data element, option combo). */
export interface ValueKey {
  orgUnitId: string;
  period: string;
  dataElementId: string;
  cocId: string;
}

export interface ExportedValue extends ValueKey {
  value: number;
  /** The value was typed by a signed-in person (not loaded by an import or the demo). */
  storedByPerson: boolean;
  created: Date;
  lastUpdated: Date;
}

export interface ValueFilter {
  /** DHIS2 monthly ids; all months when absent. */
  months?: string[] | undefined;
  /** ISO 3166-1 alpha-2; every country when absent. */
  countryCode?: string | undefined;
}

/** Where an approved report sits in the export's order (org unit, then period). */
export interface ReportKey {
  orgUnitId: string;
  period: string;
}

/**
 * The next `limit` approved reports after `after`, in (org unit, period) order (keyset pagination). Reports, not
 * values, are paged: a value page would need the planner to walk the values' primary key, which it does not do
 * without statistics (PGlite never gathers them on its own), and a sort of every value per page is quadratic.
 */
export async function approvedReportsAfter(
  db: Db,
  filter: ValueFilter,
  after: ReportKey | null,
  limit: number,
): Promise<(ReportKey & { id: string })[]> {
  let query = db.query
    .selectFrom('hub_reports')
    .select(['id', 'org_unit_id', 'period'])
    .where('status', '=', 'approved');
  if (filter.months) query = query.where('period', 'in', filter.months.length ? filter.months : ['']);
  if (filter.countryCode) query = query.where('country_code', '=', filter.countryCode);
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('org_unit_id', 'period'), '>', eb.tuple(after.orgUnitId, after.period)));
  }
  const rows = await query.orderBy('org_unit_id').orderBy('period').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, orgUnitId: row.org_unit_id, period: row.period }));
}

/**
 * The values of some reports, in primary key order (org unit, period, data element, option combo). Joined on the
 * primary key's prefix (org unit, period) so the plan is an index lookup per report, statistics or not; a plain
 * `report_id IN (…)` is estimated at most of the table without them and scans it all for every batch.
 */
export async function valuesOfReports(db: Db, reports: (ReportKey & { id: string })[]): Promise<ExportedValue[]> {
  if (reports.length === 0) return [];
  const { rows } = await sql<{
    org_unit_id: string;
    period: string;
    data_element_id: string;
    category_option_combo_id: string;
    value: number | string;
    stored_by: string | null;
    created_at: Date | string;
    updated_at: Date | string;
  }>`
    SELECT v.org_unit_id, v.period, v.data_element_id, v.category_option_combo_id, v.value, v.stored_by,
           v.created_at, v.updated_at
    FROM unnest(${reports.map((r) => r.orgUnitId)}::text[], ${reports.map((r) => r.period)}::text[],
                ${reports.map((r) => r.id)}::uuid[]) AS k(org_unit_id, period, report_id)
    JOIN report_data_values v
      ON v.org_unit_id = k.org_unit_id AND v.period = k.period AND v.report_id = k.report_id
    ORDER BY v.org_unit_id, v.period, v.data_element_id, v.category_option_combo_id`.execute(db.query);
  return rows.map((row) => ({
    orgUnitId: row.org_unit_id,
    period: row.period,
    dataElementId: row.data_element_id,
    cocId: row.category_option_combo_id,
    value: Number(row.value),
    storedByPerson: row.stored_by !== null,
    created: asDate(row.created_at),
    lastUpdated: asDate(row.updated_at),
  }));
}

export interface HubPlace {
  id: string;
  code: string;
  name: Partial<Record<string, string>>;
  countryCode: string | null;
  iso3: string | null;
  admin1Code: string | null;
}

/** Every hub unit with its country and admin area codes (hubs are few; their values are what streams). */
export async function listHubPlaces(db: Db): Promise<Map<string, HubPlace>> {
  const rows = await db.query
    .selectFrom('report_org_units as h')
    .leftJoin('report_org_units as a', 'a.id', 'h.parent_id')
    .select(['h.id', 'h.code', 'h.name', 'h.country_code', 'h.iso3', 'a.code as admin1_code'])
    .where('h.level', '=', 4)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        name: row.name,
        countryCode: row.country_code,
        iso3: row.iso3,
        admin1Code: row.admin1_code,
      },
    ]),
  );
}

// ---- Import ------------------------------------------------------------------------------------------------

export interface OrgUnitRef {
  id: string;
  code: string;
  level: number;
  countryCode: string | null;
}

const CHUNK = 1000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Org units whose UID or code is one of `keys`. */
export async function findOrgUnitsByIdOrCode(db: Db, keys: string[]): Promise<OrgUnitRef[]> {
  const found: OrgUnitRef[] = [];
  for (const part of chunks(keys)) {
    const rows = await db.query
      .selectFrom('report_org_units')
      .select(['id', 'code', 'level', 'country_code'])
      .where((eb) => eb.or([eb('id', 'in', part), eb('code', 'in', part)]))
      .execute();
    for (const row of rows) found.push({ id: row.id, code: row.code, level: row.level, countryCode: row.country_code });
  }
  return found;
}

/** Directory locations by id, with their country (a `HUB-<location id>` code names a hub not registered yet). */
export async function findLocations(db: Db, ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await db.query
      .selectFrom('locations')
      .select(['id', 'country_code'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows) found.set(row.id, row.country_code);
  }
  return found;
}

export interface ExistingReport {
  id: string;
  orgUnitId: string;
  period: string;
  status: HubReportStatus;
  countryCode: string;
}

/** The reports of a data set for some org units (any period among `periods`). */
export async function findReports(
  db: Db,
  dataSetId: string,
  orgUnitIds: string[],
  periods: string[],
): Promise<ExistingReport[]> {
  if (orgUnitIds.length === 0 || periods.length === 0) return [];
  const found: ExistingReport[] = [];
  for (const part of chunks(orgUnitIds)) {
    const rows = await db.query
      .selectFrom('hub_reports')
      .select(['id', 'org_unit_id', 'period', 'status', 'country_code'])
      .where('data_set_id', '=', dataSetId)
      .where('org_unit_id', 'in', part)
      .where('period', 'in', periods)
      .execute();
    for (const row of rows) {
      found.push({
        id: row.id,
        orgUnitId: row.org_unit_id,
        period: row.period,
        status: row.status,
        countryCode: row.country_code,
      });
    }
  }
  return found;
}

/** Stored values of some reports. */
export async function findReportValues(db: Db, reportIds: string[]): Promise<(ValueKey & { value: number })[]> {
  const found: (ValueKey & { value: number })[] = [];
  for (const part of chunks(reportIds, 500)) {
    const rows = await db.query
      .selectFrom('report_data_values')
      .select(['org_unit_id', 'period', 'data_element_id', 'category_option_combo_id', 'value'])
      .where('report_id', 'in', part)
      .execute();
    for (const row of rows) {
      found.push({
        orgUnitId: row.org_unit_id,
        period: row.period,
        dataElementId: row.data_element_id,
        cocId: row.category_option_combo_id,
        value: Number(row.value),
      });
    }
  }
  return found;
}

/** Inserts reports (parents of values) and returns their ids by 'orgUnitId:period'. */
export async function insertHubReports(q: Kysely<Database>, reports: HubReportRow[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunks(reports, 500)) {
    const rows = await q.insertInto('hub_reports').values(part).returning(['id', 'org_unit_id', 'period']).execute();
    for (const row of rows) ids.set(`${row.org_unit_id}:${row.period}`, row.id);
  }
  return ids;
}

/** Moves an existing report to `status` after an import changed it (never an approved one: it is locked). */
export async function updateImportedReport(
  q: Kysely<Database>,
  id: string,
  change: { status: HubReportStatus; userId: string | null; now: Date },
): Promise<void> {
  const { status, userId, now } = change;
  const times = { updated_at: now, submitted_at: now, ...(status === 'approved' ? { decided_at: now } : {}) };
  await q
    .updateTable('hub_reports')
    .set((eb) => ({
      ...times,
      status,
      updated_by: userId,
      version: eb('version', '+', 1),
      submitted_by: userId,
      ...(status === 'approved' ? { decided_by: userId, review_comment: null } : {}),
    }))
    .where('id', '=', id)
    .where('status', '<>', 'approved')
    .execute();
}

/** Inserts values, or replaces the value of the same org unit × period × element × cell. */
export async function upsertDataValues(q: Kysely<Database>, values: DataValueRow[]): Promise<void> {
  for (const part of chunks(values)) {
    await q
      .insertInto('report_data_values')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['org_unit_id', 'period', 'data_element_id', 'category_option_combo_id']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          report_id: eb.ref('excluded.report_id'),
          stored_by: eb.ref('excluded.stored_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

// ---- Demo --------------------------------------------------------------------------------------------------

export interface InformationPoint {
  locationId: string;
  countryCode: string;
  organizationName: string;
  alternateName: string | null;
  organizationKind: string;
}

/** Demo locations whose organization offers information and orientation, in some countries (candidate hubs). */
export async function listDemoInformationPoints(db: Db, countries: string[]): Promise<InformationPoint[]> {
  const rows = await db.query
    .selectFrom('locations as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .select(['l.id', 'l.country_code', 'o.name', 'o.alternate_name', 'o.kind'])
    .where('l.is_demo', '=', true)
    .where('l.country_code', 'in', countries)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('services as s')
          .innerJoin('service_taxonomy_terms as st', 'st.service_id', 's.id')
          .innerJoin('taxonomy_terms as t', 't.id', 'st.taxonomy_term_id')
          .select('s.id')
          .whereRef('s.organization_id', '=', 'o.id')
          .where('t.code', '=', 'information-orientation'),
      ),
    )
    .orderBy('l.id')
    .execute();
  return rows.map((row) => ({
    locationId: row.id,
    countryCode: row.country_code,
    organizationName: row.name,
    alternateName: row.alternate_name,
    organizationKind: row.kind,
  }));
}

export async function countHubReports(q: Kysely<Database>): Promise<number> {
  const row = await q
    .selectFrom('hub_reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts values that are known to be new (a bulk load), in batches. */
export async function insertDataValues(q: Kysely<Database>, values: DataValueRow[]): Promise<void> {
  for (const part of chunks(values)) {
    await q.insertInto('report_data_values').values(part).execute();
  }
}
