// An import report in words, for the admin page and the command line (same locale keys: hubexchange.*).
import type { Translate } from '../../../i18n/i18n.js';
import { MAX_CELL_VALUE } from '../report-validation.js';
import type { HubImportReport, ImportLine } from './import.service.js';

/** Lines shown on the page (rejected first); the rest is counted. The command line prints every rejected line. */
export const SHOWN_LINES = 500;

/** Why a value was rejected (or, for an update, what it replaces), in words. */
export function reasonText(t: Translate, line: ImportLine, ruleName: (code: string) => string): string {
  if (line.outcome === 'updated') return t('hubexchange.import.was', { previous: Number(line.detail ?? 0) });
  if (!line.reason) return '';
  return t(`hubexchange.reasons.${line.reason}`, {
    rule: line.detail ? ruleName(line.detail) : '',
    first: line.detail ?? '',
    max: MAX_CELL_VALUE,
  });
}

/** The headline of a report: what happened to the data, in one sentence. */
export function resultText(t: Translate, report: HubImportReport): string {
  if (report.error) {
    return t(`hubexchange.inputErrors.${report.error.code}`, { detail: report.error.detail });
  }
  if (report.counts.rejected > 0) return t('hubexchange.import.result.rejected');
  if (report.dryRun) return t('hubexchange.import.result.dryRun');
  return report.committed ? t('hubexchange.import.result.committed') : t('hubexchange.import.result.nothing');
}

export function countsText(t: Translate, report: HubImportReport): string {
  return t('hubexchange.import.counts', { ...report.counts });
}

/** Rejected lines first, then the others in file order. */
export function orderedLines(report: HubImportReport): ImportLine[] {
  return [
    ...report.lines.filter((line) => line.outcome === 'rejected'),
    ...report.lines.filter((line) => line.outcome !== 'rejected'),
  ];
}

/** Plain-text report for the command line: headline, counts, then each rejected value (all of them). */
export function describeHubImport(t: Translate, report: HubImportReport, ruleName: (code: string) => string): string[] {
  const out = [resultText(t, report)];
  if (report.error) return out;
  out.push(
    `${t('hubexchange.import.format')}: ${t(`hubexchange.formats.${report.format}`)}`,
    countsText(t, report),
    t('hubexchange.import.reports', { ...report.reports }),
  );
  for (const line of report.lines) {
    if (line.outcome !== 'rejected') continue;
    const where = line.column ? `${line.line} (${line.column})` : String(line.line);
    const what = [line.dataElement, line.period, line.orgUnit, line.categoryOptionCombo, line.value].join(' · ');
    out.push(`  ${t('hubexchange.import.table.line')} ${where}: ${reasonText(t, line, ruleName)} — ${what}`);
  }
  return out;
}
