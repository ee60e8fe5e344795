// Import of hub report values (DHIS2 dataValueSets JSON, DHIS2 CSV, or the export's wide CSV). Every value is
// matched by UID or code (data element, cell, org unit — a hub also as `HUB-<location id>`), checked, and reported
// as created, updated, unchanged or rejected with its reason. All or nothing: one rejected value and nothing is
// written; a dry run writes nothing either. What is written goes in one transaction with its rollups.
import type { Db } from '../../../db/db.js';
import { isUuid } from '../../../http/common-schema.js';
import { ensureHubOrgUnit } from '../org-units.repository.js';
import { hubOrgUnitCode, orgUnitUid } from '../org-units.js';
import { monthOf, parseMonth } from '../periods.js';
import { loadReportMetadata, type DataElement, type ReportMetadata } from '../report-metadata.repository.js';
import { blockingFailures, cellKey, evaluateRules, MAX_CELL_VALUE } from '../report-validation.js';
import { refreshRollups } from '../rollups.repository.js';
import { recordAudit, type AuditEntry } from '../../audit/audit.repository.js';
import type { AuditAction } from '../../../db/schema.js';
import { cellCode } from '../hub-reports.service.js';
import {
  findLocations,
  findOrgUnitsByIdOrCode,
  findReports,
  findReportValues,
  insertHubReports,
  updateImportedReport,
  upsertDataValues,
  type ExistingReport,
  type OrgUnitRef,
} from './exchange.repository.js';
import { refreshStatistics } from '../../../db/statistics.js';

/** Importing at least this many values refreshes the planner's statistics (PGlite gathers none by itself). */
const BULK_VALUES = 1000;
import {
  ImportInputError,
  readImportFile,
  type ImportFormat,
  type InputErrorCode,
  type SourceValue,
} from './import-formats.js';

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';
export const IMPORT_OUTCOMES: ImportOutcome[] = ['created', 'updated', 'unchanged', 'rejected'];
export const IMPORT_STATUSES = ['approved', 'submitted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type RejectReason =
  | 'unknown_data_element'
  | 'unknown_cell'
  | 'unsupported_attribute_combo'
  | 'bad_period'
  | 'future_period'
  | 'missing_value'
  | 'not_whole_number'
  | 'too_large'
  | 'total_mismatch'
  | 'unknown_org_unit'
  | 'org_unit_not_hub'
  | 'duplicate_in_file'
  | 'report_locked'
  | 'rule_failed';

export interface ImportLine extends Omit<SourceValue, 'problem' | 'attributeOptionCombo'> {
  outcome: ImportOutcome;
  reason?: RejectReason;
  /** rule_failed: the rule's code; duplicate_in_file: the first line; updated: the value it replaces. */
  detail?: string;
}

export interface HubImportOptions {
  dryRun: boolean;
  /** What the imported reports become: approved (counted at once) or submitted (for a moderator). */
  status: ImportStatus;
  /** The admin importing (null from the command line). */
  userId: string | null;
  /** Who the audit log names: the admin's display name, or the command line. */
  updatedBy: string;
  now?: Date;
}

export interface HubImportReport {
  format: ImportFormat | null;
  dryRun: boolean;
  status: ImportStatus;
  /** True when the changes were written. */
  committed: boolean;
  counts: Record<ImportOutcome, number>;
  /** Reports (hub × month) that were, or on a dry run would be, created and updated. */
  reports: { created: number; updated: number };
  lines: ImportLine[];
  error?: { code: InputErrorCode; detail: string };
}

const DEFAULT_AOC = new Set(['', 'HLLVX50CXC0', 'DEFAULT']);

/** A resolved hub: an existing unit, or one to create from a directory location (`HUB-<location id>`). */
type Hub = OrgUnitRef & { locationId?: string };

interface Candidate {
  line: ImportLine;
  element: DataElement;
  cocId: string;
  period: string;
  value: number;
  hub?: Hub;
  /** The stored value this one replaces (for the audit log). */
  previous?: number;
}

function reject(line: ImportLine, reason: RejectReason, detail?: string): ImportLine {
  line.outcome = 'rejected';
  line.reason = reason;
  if (detail !== undefined) line.detail = detail;
  return line;
}

/** Checks what needs no database: element, cell, attribute combination, period, value. */
function checkValue(source: SourceValue, meta: ReportMetadata, currentMonth: string): Candidate | ImportLine {
  const { problem: _problem, attributeOptionCombo, ...rest } = source;
  const line: ImportLine = { ...rest, outcome: 'created' };
  const element = meta.elementById.get(source.dataElement) ?? meta.elementByCode.get(source.dataElement.toUpperCase());
  if (!element) return reject(line, 'unknown_data_element');
  const wanted = source.categoryOptionCombo;
  const coc = wanted
    ? element.cocs.find((c) => c.id === wanted || c.code.toUpperCase() === wanted.toUpperCase())
    : element.cocs.length === 1 && element.cocs[0]!.isDefault
      ? element.cocs[0]
      : undefined;
  if (!coc) return reject(line, 'unknown_cell');
  if (!DEFAULT_AOC.has(attributeOptionCombo.toUpperCase())) return reject(line, 'unsupported_attribute_combo');
  const period = parseMonth(source.period);
  if (!period) return reject(line, 'bad_period');
  if (period > currentMonth) return reject(line, 'future_period');
  if (source.value === '') return reject(line, 'missing_value');
  if (!/^\d+$/.test(source.value)) return reject(line, 'not_whole_number');
  if (Number(source.value) > MAX_CELL_VALUE) return reject(line, 'too_large');
  if (source.problem) return reject(line, source.problem);
  return { line, element, cocId: coc.id, period, value: Number(source.value) };
}

/** 'hub-<UUID>' in any case → the stored code 'HUB-<uuid>'. */
function normalizeHubCode(text: string): string {
  const match = /^hub-(.+)$/i.exec(text);
  return match && isUuid(match[1]!) ? hubOrgUnitCode(match[1]!.toLowerCase()) : text;
}

async function resolveHubs(db: Db, candidates: Candidate[]): Promise<void> {
  const wanted = [...new Set(candidates.map((c) => normalizeHubCode(c.line.orgUnit)))];
  const units = await findOrgUnitsByIdOrCode(db, wanted);
  const byKey = new Map<string, Hub>();
  for (const unit of units) byKey.set(unit.id, unit).set(unit.code, unit);
  const unregistered = wanted.filter((key) => !byKey.has(key) && key.startsWith('HUB-') && isUuid(key.slice(4)));
  const locations = await findLocations(
    db,
    unregistered.map((key) => key.slice(4)),
  );
  for (const [locationId, countryCode] of locations) {
    const code = hubOrgUnitCode(locationId);
    byKey.set(code, { id: orgUnitUid(code), code, level: 4, countryCode, locationId });
  }
  for (const candidate of candidates) {
    const hub = byKey.get(normalizeHubCode(candidate.line.orgUnit));
    if (!hub) reject(candidate.line, 'unknown_org_unit');
    else if (hub.level !== 4 || !hub.countryCode) reject(candidate.line, 'org_unit_not_hub');
    else candidate.hub = hub;
  }
}

const valueKey = (orgUnitId: string, period: string, elementId: string, cocId: string) =>
  `${orgUnitId}:${period}:${elementId}:${cocId}`;

/** The first blocking rule a report's values break (the same rules as the entry form, empty cells as 0). */
function brokenRule(meta: ReportMetadata, values: Map<string, number>): string | null {
  return blockingFailures(evaluateRules(meta, values))[0]?.rule.code ?? null;
}

interface ReportPlan {
  orgUnitId: string;
  period: string;
  countryCode: string;
  existing: ExistingReport | undefined;
  hub: Hub;
  candidates: Candidate[];
}

/** Decides every value's outcome against what is stored; returns the reports that change. */
async function plan(db: Db, meta: ReportMetadata, candidates: Candidate[]): Promise<ReportPlan[]> {
  const seen = new Map<string, number>();
  const groups = new Map<string, ReportPlan>();
  for (const candidate of candidates) {
    if (candidate.line.outcome === 'rejected') continue;
    const hub = candidate.hub!;
    const key = valueKey(hub.id, candidate.period, candidate.element.id, candidate.cocId);
    const first = seen.get(key);
    if (first !== undefined) {
      reject(candidate.line, 'duplicate_in_file', String(first));
      continue;
    }
    seen.set(key, candidate.line.line);
    const reportKey = `${hub.id}:${candidate.period}`;
    const group = groups.get(reportKey) ?? {
      orgUnitId: hub.id,
      period: candidate.period,
      countryCode: hub.countryCode!,
      existing: undefined,
      hub,
      candidates: [],
    };
    group.candidates.push(candidate);
    groups.set(reportKey, group);
  }
  const plans = [...groups.values()];
  const reports = await findReports(
    db,
    meta.dataSet.id,
    [...new Set(plans.map((p) => p.orgUnitId))],
    [...new Set(plans.map((p) => p.period))],
  );
  const reportByKey = new Map(reports.map((r) => [`${r.orgUnitId}:${r.period}`, r]));
  for (const p of plans) p.existing = reportByKey.get(`${p.orgUnitId}:${p.period}`);
  const stored = new Map<string, Map<string, number>>();
  for (const v of await findReportValues(
    db,
    [...reportByKey.values()].map((r) => r.id),
  )) {
    const values = stored.get(`${v.orgUnitId}:${v.period}`) ?? new Map<string, number>();
    values.set(cellKey(v.dataElementId, v.cocId), v.value);
    stored.set(`${v.orgUnitId}:${v.period}`, values);
  }
  for (const p of plans) {
    const values = new Map(stored.get(`${p.orgUnitId}:${p.period}`) ?? []);
    for (const candidate of p.candidates) {
      const previous = values.get(cellKey(candidate.element.id, candidate.cocId));
      if (previous === candidate.value) candidate.line.outcome = 'unchanged';
      else if (p.existing?.status === 'approved') reject(candidate.line, 'report_locked');
      else {
        candidate.line.outcome = previous === undefined ? 'created' : 'updated';
        if (previous !== undefined) {
          candidate.line.detail = String(previous);
          candidate.previous = previous;
        }
        values.set(cellKey(candidate.element.id, candidate.cocId), candidate.value);
      }
    }
    const changes = p.candidates.some((c) => c.line.outcome === 'created' || c.line.outcome === 'updated');
    const rule = changes ? brokenRule(meta, values) : null;
    if (rule) for (const c of p.candidates) if (c.line.outcome !== 'rejected') reject(c.line, 'rule_failed', rule);
  }
  return plans.filter((p) => p.candidates.some((c) => c.line.outcome === 'created' || c.line.outcome === 'updated'));
}

async function apply(db: Db, meta: ReportMetadata, plans: ReportPlan[], options: HubImportOptions, now: Date) {
  const { status, userId } = options;
  await db.query.transaction().execute(async (trx) => {
    for (const p of plans) if (p.hub.locationId) await ensureHubOrgUnit(trx, p.hub.locationId);
    const fresh = plans.filter((p) => !p.existing);
    const ids = await insertHubReports(
      trx,
      fresh.map((p) => ({
        data_set_id: meta.dataSet.id,
        org_unit_id: p.orgUnitId,
        period: p.period,
        country_code: p.countryCode,
        status,
        updated_by: userId,
        submitted_by: userId,
        submitted_at: now,
        ...(status === 'approved' ? { decided_by: userId, decided_at: now } : {}),
      })),
    );
    for (const p of plans) {
      if (p.existing) {
        await updateImportedReport(trx, p.existing.id, { status, userId, now });
        ids.set(`${p.orgUnitId}:${p.period}`, p.existing.id);
      }
    }
    await upsertDataValues(
      trx,
      plans.flatMap((p) =>
        p.candidates
          .filter((c) => c.line.outcome === 'created' || c.line.outcome === 'updated')
          .map((c) => ({
            report_id: ids.get(`${p.orgUnitId}:${p.period}`)!,
            data_element_id: c.element.id,
            period: p.period,
            org_unit_id: p.orgUnitId,
            category_option_combo_id: c.cocId,
            value: c.value,
            stored_by: null,
            updated_at: now,
          })),
      ),
    );
    await refreshRollups(
      trx,
      plans.map((p) => ({ period: p.period, countryCode: p.countryCode })),
    );
    await recordAudit(trx, importAudit(meta, plans, ids, options));
  });
}

/**
 * The audit log of an import, as for edits by hand: a new report is one "create" row (its status and how many
 * cells); a report already there gets a row per changed cell (before and after) and one for its status.
 */
function importAudit(
  meta: ReportMetadata,
  plans: ReportPlan[],
  ids: Map<string, string>,
  options: HubImportOptions,
): AuditEntry[] {
  const entry = (reportId: string, action: AuditAction, field: string, before: unknown, after: unknown) => ({
    resourceId: reportId,
    resourceType: 'hub_report' as const,
    action,
    fieldName: field,
    previousValue: before,
    replacementValue: after,
    updatedBy: options.updatedBy,
    actorUserId: options.userId,
    submissionId: null,
  });
  return plans.flatMap((p) => {
    const reportId = ids.get(`${p.orgUnitId}:${p.period}`)!;
    const changed = p.candidates.filter((c) => c.line.outcome === 'created' || c.line.outcome === 'updated');
    if (!p.existing) {
      return [entry(reportId, 'create', '', null, { status: options.status, cells: changed.length, source: 'import' })];
    }
    const cells = changed.map((c) =>
      entry(reportId, 'update', cellCode(meta, cellKey(c.element.id, c.cocId)), c.previous ?? null, c.value),
    );
    const status =
      p.existing.status === options.status
        ? []
        : [entry(reportId, 'update', 'status', p.existing.status, options.status)];
    return [...cells, ...status];
  });
}

export function countOutcomes(lines: ImportLine[]): Record<ImportOutcome, number> {
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return counts;
}

/** Reads, checks and (unless it is a dry run or anything is rejected) writes an import file's values. */
export async function importHubReports(db: Db, text: string, options: HubImportOptions): Promise<HubImportReport> {
  const now = options.now ?? new Date();
  const base = {
    dryRun: options.dryRun,
    status: options.status,
    committed: false,
    reports: { created: 0, updated: 0 },
  };
  const meta = await loadReportMetadata(db);
  let read: ReturnType<typeof readImportFile>;
  try {
    read = readImportFile(text, meta);
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    return {
      ...base,
      format: null,
      counts: countOutcomes([]),
      lines: [],
      error: { code: error.code, detail: error.detail },
    };
  }
  const checked = read.values.map((source) => checkValue(source, meta, monthOf(now)));
  const candidates = checked.filter((c): c is Candidate => 'element' in c);
  await resolveHubs(
    db,
    candidates.filter((c) => c.line.outcome !== 'rejected'),
  );
  const plans = await plan(db, meta, candidates);
  const lines = checked.map((c) => ('element' in c ? c.line : c));
  const counts = countOutcomes(lines);
  const reports = {
    created: plans.filter((p) => !p.existing).length,
    updated: plans.filter((p) => p.existing).length,
  };
  const committed = !options.dryRun && counts.rejected === 0 && plans.length > 0;
  if (committed) {
    await apply(db, meta, plans, options, now);
    if (lines.length >= BULK_VALUES)
      await refreshStatistics(db, ['hub_reports', 'report_data_values', 'report_rollups']);
  }
  return { ...base, format: read.format, committed, counts, reports, lines };
}
