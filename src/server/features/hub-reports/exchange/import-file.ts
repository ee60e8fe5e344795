// The command line's import (`npm run rumbo -- import hub-reports <file>`): read a file, import it, and describe
// the report in English, with the same words as the admin page.
import { readFile, stat } from 'node:fs/promises';
import type { Db } from '../../../db/db.js';
import { translator } from '../../../i18n/i18n.js';
import { loadReportMetadata } from '../report-metadata.repository.js';
import { describeHubImport } from './import-report.js';
import { importHubReports, type ImportStatus } from './import.service.js';

/** Larger files are refused before reading (an import is parsed whole and written in one transaction). */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

export async function importHubReportsFile(
  db: Db,
  file: string,
  options: { dryRun: boolean; status: ImportStatus },
): Promise<{ ok: boolean; lines: string[] }> {
  const t = translator('en');
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) return { ok: false, lines: [`Cannot read ${file}: not a readable file.`] };
  if (size > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, lines: [`${file} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB: split it.`] };
  }
  const report = await importHubReports(db, await readFile(file, 'utf8'), {
    ...options,
    userId: null,
    updatedBy: 'rumbo import hub-reports (command line)',
  });
  const meta = await loadReportMetadata(db);
  const names = new Map(meta.rules.map((rule) => [rule.code, rule.name.en ?? rule.code]));
  const lines = describeHubImport(t, report, (code) => names.get(code) ?? code);
  return { ok: !report.error && report.counts.rejected === 0, lines };
}
