// Writes an import's plan inside its transaction. Verified: what maps to Rumbo's model becomes (or updates) a live
// row, parents before children. Unverified: it becomes pending submissions in the moderation queue instead
// (pending-listings.ts). Either way the rest is kept whole in `hsds_records`, with one report line per record.
import {
  existingIds,
  forgetKept,
  keepRecords,
  keptKeys,
  linkLanguages,
  linkTerms,
  upsertById,
  type ImportTrx,
} from './hsds-import.repository.js';
import type { ReportLine } from './import-report.js';
import { idOf, planImport, reportLine, type ImportPlan, type PlanOptions } from './import-plan.js';
import { queuePendingListings } from './pending-listings.js';
import type { SourceRecord } from './source-record.js';

export interface WriteResult {
  lines: ReportLine[];
  /** Submissions queued for moderation (created or brought up to date); 0 for a verified import. */
  submissions: number;
}

export async function writeImport(trx: ImportTrx, records: SourceRecord[], options: PlanOptions): Promise<WriteResult> {
  const plan = await planImport(trx, records, options);
  const written = options.verified
    ? { ...(await writeLive(trx, plan)), submissions: 0 }
    : await queuePendingListings(trx, plan, options.now);
  const lines = [...plan.lines, ...written.lines];

  // Tables Rumbo does not model (programs, contacts, funding, taxonomies, …) are kept whole, and exported back.
  const kept = [...plan.kept, ...written.kept];
  const alreadyKept = await keptKeys(
    trx,
    plan.other.map((s) => ({ resource: s.resource, id: idOf(s) })),
  );
  for (const s of plan.other) {
    const outcome = alreadyKept.has(`${s.resource}:${idOf(s)}`) ? 'updated' : 'created';
    lines.push(reportLine(s, outcome, 'kept as an HSDS record (no Rumbo table)'));
  }
  const toKeep = new Map<string, SourceRecord>();
  for (const s of [...kept, ...plan.other]) toKeep.set(`${s.resource}:${idOf(s)}`, s);
  await keepRecords(
    trx,
    [...toKeep.values()].map((s) => ({ resource: s.resource, id: idOf(s), record: JSON.stringify(s.record) })),
  );
  return { lines, submissions: written.submissions };
}

/** Upserts every planned row by id, in batches, and links languages and categories. */
async function writeLive(trx: ImportTrx, plan: ImportPlan): Promise<{ lines: ReportLine[]; kept: SourceRecord[] }> {
  const lines: ReportLine[] = [];
  const kept: SourceRecord[] = [];
  for (const { resource, table, rows } of plan.tables) {
    const ids = rows.map((r) => idOf(r.source));
    const existing = await existingIds(trx, table, ids);
    await upsertById(
      trx,
      table,
      rows.map((r) => r.row),
    );
    await forgetKept(trx, resource, ids);
    for (const { source } of rows) lines.push(reportLine(source, existing.has(idOf(source)) ? 'updated' : 'created'));
  }
  await linkLanguages(
    trx,
    plan.links.language.map((l) => l.row as { service_id: string; language_code: string }),
  );
  await linkTerms(
    trx,
    plan.links.attribute.map((l) => l.row as { service_id: string; taxonomy_term_id: string }),
  );
  for (const { source, alsoKeep } of [...plan.links.language, ...plan.links.attribute]) {
    if (alsoKeep) {
      kept.push(source);
      lines.push(reportLine(source, 'kept', `linked, and kept whole because ${alsoKeep}`));
    } else lines.push(reportLine(source, 'created', 'link (unchanged when it existed)'));
  }
  return { lines, kept };
}
