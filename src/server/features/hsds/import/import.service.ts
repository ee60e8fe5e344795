// `rumbo import hsds <dir|zip|json>`: reads an HSDS tabular package (a directory or a zip of one) or the JSON form,
// validates every record against the standard's schemas (with the Rumbo profile), maps what fits Rumbo's model —
// to live, verified rows (updating rows with the same id) with `verified`, else to pending submissions in the
// moderation queue — keeps everything else whole in `hsds_records`, and writes it all in one transaction, or
// nothing when a record is rejected, the input is unsafe, or it is a dry run.
import { stat } from 'node:fs/promises';
import type { Db } from '../../../db/db.js';
import type { HsdsTables, Locale } from '../../../db/schema.js';
import { validateRecord } from '../hsds-validator.js';
import { directorySource, type FileSource } from './file-source.js';
import { DEFAULT_LIMITS, type ImportLimits } from './import-limits.js';
import { countOutcomes, HsdsInputError, type ImportReport, type ReportLine } from './import-report.js';
import { readJsonForm } from './json-form-reader.js';
import type { ReadResult, SourceRecord } from './source-record.js';
import { readTabular } from './tabular-reader.js';
import { zipSource } from './zip-source.js';
import { refreshStatistics } from '../../../db/statistics.js';

/** Importing at least this many records refreshes the planner's statistics (PGlite gathers none by itself). */
const BULK_RECORDS = 1000;
import { writeImport } from './import-writer.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Publish imported listings, verified now by "import"; otherwise they wait in the moderation queue. */
  verified?: boolean;
  /** Language of text fields of records without the profile's `text_locale`. Default English. */
  locale?: Locale;
  limits?: Partial<ImportLimits>;
  /** The import's moment (verification and submission time); now by default. */
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class DryRunRollback extends Error {}

async function readInput(input: string, limits: ImportLimits): Promise<ReadResult> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new HsdsInputError('unreadable_input', `${input} does not exist.`);
  let source: FileSource;
  if (info.isDirectory()) source = directorySource(input, limits);
  else if (input.toLowerCase().endsWith('.zip')) source = await zipSource(input, limits);
  else if (input.toLowerCase().endsWith('.json')) return readJsonForm(input, limits);
  else throw new HsdsInputError('unreadable_input', `${input} is not a directory, a .zip or a .json file.`);
  try {
    return await readTabular(source, limits);
  } finally {
    await source.close();
  }
}

/** Schema validation of every record; a record that fails is named with its file, row and field. */
async function validate(records: SourceRecord[]): Promise<ReportLine[]> {
  const rejected: ReportLine[] = [];
  const seen = new Set<string>();
  for (const source of records) {
    const { resource, record, file, row } = source;
    const id = typeof record.id === 'string' ? record.id : undefined;
    const reject = (reason: string, field?: string) =>
      rejected.push({ outcome: 'rejected', resource, id, file, row, field, reason });
    if (!id || !UUID.test(id)) {
      reject(`id ${JSON.stringify(record.id ?? null)} is not a UUID`, 'id');
      continue;
    }
    const key = `${resource}:${id}`;
    if (seen.has(key)) {
      reject('the same id appears twice', 'id');
      continue;
    }
    seen.add(key);
    const verdict = await validateRecord(resource, record);
    for (const error of verdict.errors) {
      const field = error.split(' ')[0]?.replace(/^\//, '') || undefined;
      reject(`does not follow HSDS: ${error}`, field);
    }
  }
  return rejected;
}

export async function importHsds(db: Db, input: string, options: ImportOptions = {}): Promise<ImportReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const dryRun = options.dryRun ?? false;
  const verified = options.verified ?? false;
  let submissions = 0;
  const report = (lines: ReportLine[], committed: boolean): ImportReport => ({
    input,
    dryRun,
    verified,
    committed,
    submissions,
    lines,
    counts: countOutcomes(lines),
  });
  let read: ReadResult;
  try {
    read = await readInput(input, limits);
  } catch (error) {
    if (!(error instanceof HsdsInputError)) throw error;
    return { ...report([], false), error: { code: error.code, message: error.message, ...error.origin } };
  }
  const rejected = [...read.rejected, ...(await validate(read.records))];
  if (rejected.length) return report(rejected, false);

  let lines: ReportLine[] = [];
  try {
    await db.query.transaction().execute(async (trx) => {
      const written = await writeImport(trx.withTables<HsdsTables>(), read.records, {
        verified,
        locale: options.locale ?? 'en',
        now: options.now ?? new Date(),
      });
      lines = written.lines;
      submissions = written.submissions;
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) {
      return { ...report(lines, false), error: { code: 'database', message: (error as Error).message } };
    }
  }
  if (!dryRun && lines.length >= BULK_RECORDS) await refreshStatistics(db);
  return report(lines, !dryRun);
}
