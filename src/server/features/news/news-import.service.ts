// Imports news listings (the old site's plain-text pages) into the database. One transaction per file: a file
// with any problem imports nothing. Idempotent: an item already stored with the same date and title is skipped,
// so importing a file twice, or two pages that share an item, never makes a second copy.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, Locale, NewsStatus } from '../../db/schema.js';
import { paragraphsToBody } from './news-body.js';
import { parseListing, type ParsedNewsItem } from './news-listing.parser.js';
import { foldText, htmlToText, newsSlug, shorten, titleKey } from './news-text.js';
import { suggestTags } from './news.tagger.js';
import { findNewsItemByKey, insertNewsItem, slugTaken } from './news.repository.js';

export interface ImportOptions {
  /** The language the listing is written in. */
  language: Locale;
  /** Whether the items are labelled demo data. */
  demo: boolean;
  status: NewsStatus;
}

export const DEFAULT_IMPORT: ImportOptions = { language: 'en', demo: false, status: 'published' };

export interface ImportEvent {
  outcome: 'created' | 'skipped' | 'rejected';
  line?: number;
  /** The item's title (created, skipped) or what was wrong (rejected). */
  message: string;
}

export interface FileImportReport {
  file: string;
  created: number;
  skipped: number;
  /** True when the file was refused as a whole: nothing of it was imported. */
  rejected: boolean;
  events: ImportEvent[];
}

const SUMMARY_LENGTH = 280;

/** Imports one listing given as bytes; `file` names it in the report and in the items' source. */
export async function importNewsListing(
  db: Db,
  file: string,
  content: Uint8Array,
  options: ImportOptions = DEFAULT_IMPORT,
): Promise<FileImportReport> {
  const parsed = parseListing(content);
  if (!parsed.ok) return rejectedReport(file, parsed.problems);
  try {
    return await db.query.transaction().execute((trx) => importParsedItems(trx, file, parsed.items, options));
  } catch (error) {
    return rejectedReport(file, [{ message: `could not be stored: ${(error as Error).message}` }]);
  }
}

/** Imports files from disk, one report per file, in order (so the first page wins for a shared item). */
export async function importNewsFiles(db: Db, paths: string[], options = DEFAULT_IMPORT): Promise<FileImportReport[]> {
  const reports: FileImportReport[] = [];
  for (const filePath of paths) {
    let content: Uint8Array;
    try {
      content = await readFile(filePath);
    } catch (error) {
      reports.push(rejectedReport(filePath, [{ message: `cannot read: ${(error as NodeJS.ErrnoException).code}` }]));
      continue;
    }
    reports.push(await importNewsListing(db, filePath, content, options));
  }
  return reports;
}

/** Stores parsed items inside the caller's transaction. */
export async function importParsedItems(
  trx: Transaction<Database>,
  file: string,
  items: ParsedNewsItem[],
  options: ImportOptions,
): Promise<FileImportReport> {
  const report: FileImportReport = { file, created: 0, skipped: 0, rejected: false, events: [] };
  const source = path.basename(file);
  for (const item of items) {
    const key = titleKey(item.title);
    const existing = await findNewsItemByKey(trx, item.date, key);
    if (existing) {
      report.skipped++;
      const from = existing.source_file ? ` (from ${existing.source_file}:${existing.source_line})` : '';
      report.events.push({ outcome: 'skipped', line: item.line, message: `already imported${from}: ${item.title}` });
      continue;
    }
    const body = paragraphsToBody(item.paragraphs);
    const summary = shorten(item.paragraphs[0] ?? '', SUMMARY_LENGTH);
    const hash = createHash('sha256')
      .update(JSON.stringify([item.date, item.title, item.paragraphs]))
      .digest('hex');
    let slug = newsSlug(item.date, item.title, hash);
    if (await slugTaken(trx, slug)) slug = `${slug.slice(0, 110)}-${hash.slice(0, 8)}`;
    const tags = suggestTags(`${item.title}\n${item.paragraphs.join('\n')}`);
    await insertNewsItem(trx, {
      slug,
      date: item.date,
      originalLocale: options.language,
      title: { [options.language]: item.title },
      summary: { [options.language]: summary },
      body: { [options.language]: body },
      titleKey: key,
      searchText: foldText(`${item.title} ${summary} ${htmlToText(body)}`),
      status: options.status,
      isDemo: options.demo,
      sourceFile: source,
      sourceLine: item.line,
      contentHash: hash,
      ...tags,
    });
    report.created++;
    report.events.push({ outcome: 'created', line: item.line, message: item.title });
  }
  return report;
}

function rejectedReport(file: string, problems: { line?: number; message: string }[]): FileImportReport {
  return {
    file,
    created: 0,
    skipped: 0,
    rejected: true,
    events: problems.map((p) => ({ outcome: 'rejected', ...(p.line ? { line: p.line } : {}), message: p.message })),
  };
}

/** The report as lines for the command line: one per event, then a total. */
export function describeImport(reports: FileImportReport[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    for (const event of report.events) {
      lines.push(`${event.outcome.padEnd(8)} ${report.file}${event.line ? `:${event.line}` : ''}  ${event.message}`);
    }
    if (report.rejected) lines.push(`rejected ${report.file}: nothing imported from this file`);
  }
  const sum = (pick: (r: FileImportReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  lines.push(
    `News import: ${sum((r) => r.created)} created, ${sum((r) => r.skipped)} skipped, ` +
      `${sum((r) => (r.rejected ? 1 : 0))} of ${reports.length} files rejected.`,
  );
  return lines;
}
