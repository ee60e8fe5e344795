// What an HSDS import did, record by record, and how the CLI prints it. Input-level problems (an unsafe zip, a
// missing column, a field over the size limit) are an `HsdsInputError` with a stable code: they stop the import
// before anything is written.

/** `pending`: part of a listing that waits in the moderation queue (an unverified import). */
export type Outcome = 'created' | 'updated' | 'pending' | 'kept' | 'skipped' | 'rejected';
export const OUTCOMES: Outcome[] = ['created', 'updated', 'pending', 'kept', 'skipped', 'rejected'];

/** Where a record came from: a CSV file and its line, or the JSON form and the service's index. */
export interface Origin {
  file: string;
  row?: number | undefined;
}

export interface ReportLine extends Origin {
  outcome: Outcome;
  resource: string;
  id?: string | undefined;
  field?: string | undefined;
  reason?: string | undefined;
}

export type InputErrorCode =
  | 'unreadable_input'
  | 'unsafe_path'
  | 'archive_too_large'
  | 'too_many_entries'
  | 'file_too_large'
  | 'field_too_large'
  | 'malformed_csv'
  | 'malformed_json'
  | 'missing_column'
  | 'no_tables';

export class HsdsInputError extends Error {
  override name = 'HsdsInputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly origin?: Origin & { field?: string },
  ) {
    super(message);
  }
}

export interface ImportReport {
  input: string;
  dryRun: boolean;
  verified: boolean;
  /** True when the changes were written (false on a dry run, a rejected record or an input error). */
  committed: boolean;
  /** Submissions queued (or brought up to date; on a dry run: that would be) for moderation, one per organization. */
  submissions: number;
  lines: ReportLine[];
  counts: Record<Outcome, number>;
  error?: { code: InputErrorCode | 'database'; message: string; file?: string; row?: number; field?: string };
}

export function countOutcomes(lines: ReportLine[]): Record<Outcome, number> {
  const counts = { created: 0, updated: 0, pending: 0, kept: 0, skipped: 0, rejected: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return counts;
}

const place = (line: { file?: string | undefined; row?: number | undefined; field?: string | undefined }) =>
  [line.file, line.row === undefined ? undefined : `row ${line.row}`, line.field && `field ${line.field}`]
    .filter(Boolean)
    .join(', ');

/** The report as lines of text: problems first, then a line per record, then the totals. */
export function describeHsdsImport(report: ImportReport, options: { everyRecord?: boolean } = {}): string[] {
  const out: string[] = [];
  if (report.error) {
    out.push(`Import refused [${report.error.code}] (${place(report.error) || report.input}): ${report.error.message}`);
    out.push('Nothing was changed.');
    return out;
  }
  const shown = report.lines.filter(
    (l) => options.everyRecord || l.outcome === 'rejected' || l.outcome === 'kept' || l.outcome === 'skipped',
  );
  for (const line of shown) {
    const what = `${line.resource}${line.id ? ` ${line.id}` : ''}`;
    out.push(`${line.outcome.padEnd(8)} ${what} (${place(line)})${line.reason ? `: ${line.reason}` : ''}`);
  }
  const { counts } = report;
  out.push(
    `Records: ${counts.created} created, ${counts.updated} updated, ${counts.pending} awaiting moderation, ` +
      `${counts.kept} kept (HSDS only, not live), ${counts.skipped} skipped, ${counts.rejected} rejected.`,
  );
  if (counts.rejected > 0) out.push('Rejected records: nothing was changed. Fix them and import again.');
  else if (report.dryRun) out.push('Dry run: everything was checked and rolled back; nothing was changed.');
  else if (report.committed) {
    out.push(
      report.verified
        ? 'Imported listings are live and marked verified (verified_by "import").'
        : `Nothing went live: ${report.submissions} listings (one per organization) wait in the moderation queue. ` +
            'Use --verified to publish an import you vouch for.',
    );
  }
  return out;
}
