// A hub report's life: a reporter saves drafts and submits; the country's moderator approves (the figures start to
// count: rollups refreshed in the same transaction) or returns it with a comment; an admin can unlock an approved
// report. Once a report has been approved and unlocked, every change to it is written to the audit log.
import type { Kysely } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, HubReportStatus } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Viewer } from '../accounts/policy.js';
import { recordAudit, type AuditEntry } from '../audit/audit.repository.js';
import {
  approvedHistory,
  findReportById,
  findReportForPeriod,
  insertReport,
  readValues,
  updateReport,
  writeValues,
  type HubReportRow,
} from './hub-reports.repository.js';
import { ensureHubOrgUnit, findOrgUnit, type OrgUnit } from './org-units.repository.js';
import { monthOf, monthsBetween, parseMonth, previousMonth } from './periods.js';
import { loadReportMetadata, type ReportMetadata } from './report-metadata.repository.js';
import {
  evaluateRules,
  findOutliers,
  OUTLIER_HISTORY,
  OUTLIER_WINDOW_MONTHS,
  type CellKey,
  type CellValues,
  type OutlierFlag,
  type RuleResult,
} from './report-validation.js';
import { refreshRollups } from './rollups.repository.js';

/** A hub org unit: level 4, tied to a directory location, in a country. */
export type Hub = OrgUnit & { locationId: string; countryCode: string };

const isHub = (unit: OrgUnit | null): unit is Hub =>
  unit !== null && unit.level === 4 && unit.locationId !== null && unit.countryCode !== null;

/** The hubs a viewer reports for (their hub_reporter grants), creating the hubs' org units the first time. */
export async function hubsOfViewer(db: Db, viewer: Viewer): Promise<Hub[]> {
  const hubs: Hub[] = [];
  for (const grant of viewer.roles) {
    if (grant.role !== 'hub_reporter' || !grant.hubLocationId) continue;
    const unit = await ensureHubOrgUnit(db.query, grant.hubLocationId);
    if (isHub(unit)) hubs.push(unit);
  }
  return hubs;
}

export async function findHub(db: Db, orgUnitId: string): Promise<Hub | null> {
  if (!/^[A-Za-z][A-Za-z0-9]{10}$/.test(orgUnitId)) return null;
  const unit = await findOrgUnit(db, orgUnitId);
  return isHub(unit) ? unit : null;
}

/** A month that can be reported ('2021-03' or '202103'): from January 2000 to the current month. */
export function reportableMonth(text: string, now = new Date()): string {
  const month = parseMonth(text);
  if (!month || month > monthOf(now)) throw new AppError('HUB_REPORT_BAD_PERIOD', { month: text.slice(0, 20) });
  return month;
}

/** The `count` months up to the current one, newest first. */
export function recentMonths(count: number, now = new Date()): string[] {
  let first = monthOf(now);
  for (let i = 1; i < count; i++) first = previousMonth(first);
  return monthsBetween(first, monthOf(now)).reverse();
}

export interface ReportState {
  metadata: ReportMetadata;
  hub: Hub;
  period: string;
  report: HubReportRow | null;
  values: CellValues;
  results: RuleResult[];
  outliers: OutlierFlag[];
}

/** The hub's approved figures per cell in the months before `period` that outlier checks compare with. */
export async function hubHistory(q: Kysely<Database>, hubId: string, period: string): Promise<Map<CellKey, number[]>> {
  let from = period;
  for (let i = 0; i < OUTLIER_WINDOW_MONTHS; i++) from = previousMonth(from);
  return approvedHistory(q, hubId, { from, before: period, limit: OUTLIER_HISTORY });
}

/** Checks of a set of figures against the rules and the hub's history. */
export async function checkFigures(
  db: Db,
  hub: Hub,
  period: string,
  values: CellValues,
): Promise<{ results: RuleResult[]; outliers: OutlierFlag[] }> {
  const metadata = await loadReportMetadata(db);
  return {
    results: evaluateRules(metadata, values),
    outliers: findOutliers(values, await hubHistory(db.query, hub.id, period)),
  };
}

export async function loadReportState(db: Db, hub: Hub, period: string): Promise<ReportState> {
  const metadata = await loadReportMetadata(db);
  const report = (await findReportForPeriod(db.query, metadata.dataSet.id, hub.id, period)) ?? null;
  const values = report ? await readValues(db.query, report.id) : new Map<CellKey, number>();
  return { metadata, hub, period, report, values, ...(await checkFigures(db, hub, period, values)) };
}

/** Thrown inside a transaction to roll it back when the row moved on since the form was read. */
class StaleReport extends Error {}

export type SaveOutcome = { kind: 'saved'; report: HubReportRow } | { kind: 'stale' };

/** The reporter may change the report: not while it waits for review, not once approved (locked). */
export function assertEditable(report: Pick<HubReportRow, 'status'> | null | undefined): void {
  if (report?.status === 'approved') throw new AppError('HUB_REPORT_LOCKED');
  if (report?.status === 'submitted') throw new AppError('HUB_REPORT_AWAITING_REVIEW');
}

/**
 * Saves the figures (a draft; or submits when `submit` is given, checks already passed) if the report is still at
 * `version` (0: no report yet). Cells absent from `values` are cleared.
 */
export async function saveReport(
  db: Db,
  input: {
    hub: Hub;
    period: string;
    viewer: Viewer;
    version: number;
    values: CellValues;
    submit: { outliersConfirmed: boolean } | null;
    /** Claims the form's one-time key in the same transaction (see client-keys.service.ts); throws when used. */
    claim?: ((executor: Kysely<Database>) => Promise<void>) | undefined;
  },
): Promise<SaveOutcome> {
  const metadata = await loadReportMetadata(db);
  const { hub, period, viewer } = input;
  try {
    const report = await db.query.transaction().execute(async (trx) => {
      let current = await findReportForPeriod(trx, metadata.dataSet.id, hub.id, period);
      if ((current?.version ?? 0) !== input.version) throw new StaleReport();
      assertEditable(current);
      current ??= await insertReport(trx, {
        dataSetId: metadata.dataSet.id,
        orgUnitId: hub.id,
        period,
        countryCode: hub.countryCode,
        userId: viewer.id,
      });
      if (!current) throw new StaleReport();
      const previous = await readValues(trx, current.id);
      await writeValues(trx, current, input.values, previous, viewer.id);
      const updated = await updateReport(trx, current.id, current.version, {
        updated_by: viewer.id,
        ...(input.submit
          ? {
              status: 'submitted' as const,
              submitted_by: viewer.id,
              submitted_at: new Date(),
              outliers_confirmed: input.submit.outliersConfirmed,
            }
          : {}),
      });
      if (!updated) throw new StaleReport();
      await input.claim?.(trx);
      if (current.unlocked_at) {
        await recordAudit(trx, [
          ...cellChanges(metadata, current.id, previous, input.values, viewer),
          ...statusChange(current, updated.status, viewer),
        ]);
      }
      return updated;
    });
    return { kind: 'saved', report };
  } catch (error) {
    if (error instanceof StaleReport) return { kind: 'stale' };
    throw error;
  }
}

// ---- Decisions --------------------------------------------------------------------------------------------------

type Decision = { report: HubReportRow; viewer: Viewer; version: number };

/** Loads the report again inside the transaction: it must be in `expected` and still at the posted version. */
async function current(trx: Kysely<Database>, decision: Decision, expected: HubReportStatus): Promise<HubReportRow> {
  const row = await findReportById(trx, decision.report.id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== expected) throw new AppError('HUB_REPORT_ALREADY_DECIDED', { status: row.status });
  if (row.version !== decision.version) throw new AppError('CONFLICT');
  return row;
}

async function moved(trx: Kysely<Database>, row: HubReportRow, changes: Parameters<typeof updateReport>[3]) {
  const updated = await updateReport(trx, row.id, row.version, changes);
  if (!updated) throw new AppError('CONFLICT');
  return updated;
}

/** Approved: the figures count from now on (rollups of the country-month refreshed in the same transaction). */
export async function approveReport(db: Db, decision: Decision): Promise<HubReportRow> {
  return db.query.transaction().execute(async (trx) => {
    const row = await current(trx, decision, 'submitted');
    const updated = await moved(trx, row, {
      status: 'approved',
      review_comment: null,
      decided_by: decision.viewer.id,
      decided_at: new Date(),
    });
    await refreshRollups(trx, [{ period: row.period, countryCode: row.country_code }]);
    if (row.unlocked_at) await recordAudit(trx, statusChange(row, 'approved', decision.viewer));
    return updated;
  });
}

/** Returned to the hub with the moderator's comment, shown at the top of the reporter's form. */
export async function returnReport(db: Db, decision: Decision, comment: string): Promise<HubReportRow> {
  return db.query.transaction().execute(async (trx) => {
    const row = await current(trx, decision, 'submitted');
    const updated = await moved(trx, row, {
      status: 'returned',
      review_comment: comment,
      decided_by: decision.viewer.id,
      decided_at: new Date(),
    });
    if (row.unlocked_at) {
      await recordAudit(trx, [
        ...statusChange(row, 'returned', decision.viewer),
        auditEntry(row.id, 'review_comment', row.review_comment, comment, decision.viewer),
      ]);
    }
    return updated;
  });
}

export const UNLOCK_TARGETS = ['returned', 'draft'] as const;
export type UnlockTarget = (typeof UNLOCK_TARGETS)[number];

/** An admin reopens an approved report: it stops counting (rollups refreshed); the reason goes to the audit log. */
export async function unlockReport(
  db: Db,
  decision: Decision,
  change: { reason: string; to: UnlockTarget },
): Promise<HubReportRow> {
  return db.query.transaction().execute(async (trx) => {
    const row = await current(trx, decision, 'approved');
    const updated = await moved(trx, row, {
      status: change.to,
      review_comment: change.reason,
      unlocked_by: decision.viewer.id,
      unlocked_at: new Date(),
    });
    await refreshRollups(trx, [{ period: row.period, countryCode: row.country_code }]);
    await recordAudit(trx, [
      ...statusChange(row, change.to, decision.viewer),
      auditEntry(row.id, 'unlock_reason', null, change.reason, decision.viewer),
    ]);
    return updated;
  });
}

// ---- Audit rows -------------------------------------------------------------------------------------------------

function auditEntry(reportId: string, field: string, before: unknown, after: unknown, viewer: Viewer): AuditEntry {
  return {
    resourceId: reportId,
    resourceType: 'hub_report',
    action: 'update',
    fieldName: field,
    previousValue: before,
    replacementValue: after,
    updatedBy: viewer.displayName,
    actorUserId: viewer.id,
    submissionId: null,
  };
}

function statusChange(row: HubReportRow, to: HubReportStatus, viewer: Viewer): AuditEntry[] {
  return row.status === to ? [] : [auditEntry(row.id, 'status', row.status, to, viewer)];
}

/** A cell's name in the log: 'PEOPLE_ASSISTED_BY_SEX.FEMALE' (codes, stable across instances). */
export function cellCode(metadata: ReportMetadata, key: CellKey): string {
  const [elementId, cocId] = key.split('.') as [string, string];
  return `${metadata.elementById.get(elementId)?.code ?? elementId}.${metadata.cocById.get(cocId)?.code ?? cocId}`;
}

function cellChanges(
  metadata: ReportMetadata,
  reportId: string,
  before: CellValues,
  after: CellValues,
  viewer: Viewer,
): AuditEntry[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) =>
      auditEntry(reportId, cellCode(metadata, key), before.get(key) ?? null, after.get(key) ?? null, viewer),
    );
}
