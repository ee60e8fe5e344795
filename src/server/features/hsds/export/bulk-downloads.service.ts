// The bulk downloads (/hsds/downloads/…) as files rebuilt by a nightly job, so a download costs a file read, not a
// pass over the whole database. Built into a fresh folder, then swapped in with renames: a reader never sees a
// half-written set. Until the first build, the route streams from the database instead.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../db/db.js';
import type { JobHandlers, RecurringJob } from '../../jobs/job-runner.js';
import { exportHsds } from './hsds-export.service.js';

export const REFRESH_DOWNLOADS = 'refresh_hsds_downloads';
const CURRENT = 'current';
const MANIFEST = 'manifest.json';

export interface DownloadsManifest {
  built_at: string;
  build_ms: number;
  files: string[];
  rows: Record<string, number>;
}

export async function refreshBulkDownloads(db: Db, downloadsDir: string): Promise<DownloadsManifest> {
  const started = Date.now();
  await mkdir(downloadsDir, { recursive: true });
  const build = path.join(downloadsDir, `build-${randomUUID()}`);
  try {
    const result = await exportHsds(db, build);
    const manifest: DownloadsManifest = {
      built_at: new Date().toISOString(),
      build_ms: Date.now() - started,
      files: result.files,
      rows: result.rows,
    };
    await writeFile(path.join(build, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const current = path.join(downloadsDir, CURRENT);
    const old = path.join(downloadsDir, `old-${randomUUID()}`);
    await rename(current, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(build, current);
    await rm(old, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    await rm(build, { recursive: true, force: true });
    throw error;
  }
}

export async function currentManifest(downloadsDir: string): Promise<DownloadsManifest | null> {
  try {
    return JSON.parse(await readFile(path.join(downloadsDir, CURRENT, MANIFEST), 'utf8')) as DownloadsManifest;
  } catch {
    return null;
  }
}

/** A pre-built download (`name` relative to the set, e.g. services.json or hsds-csv/service.csv), or null. */
export async function openBuiltDownload(
  downloadsDir: string,
  name: string,
): Promise<{ stream: NodeJS.ReadableStream; size: number; modified: Date } | null> {
  const manifest = await currentManifest(downloadsDir);
  if (!manifest || !manifest.files.includes(name)) return null;
  const file = path.join(downloadsDir, CURRENT, name);
  try {
    const info = await stat(file);
    return { stream: createReadStream(file), size: info.size, modified: new Date(manifest.built_at) };
  } catch {
    return null;
  }
}

/** Next 03:00 UTC after `now`: a quiet hour across the region (21:00–22:00 in Central America). */
export function nextNightlyRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function bulkDownloadJobs(downloadsDir: string): { handlers: JobHandlers; recurring: RecurringJob[] } {
  return {
    handlers: {
      [REFRESH_DOWNLOADS]: async (_job, db) => {
        await refreshBulkDownloads(db, downloadsDir);
      },
    },
    recurring: [{ kind: REFRESH_DOWNLOADS, next: nextNightlyRun }],
  };
}
