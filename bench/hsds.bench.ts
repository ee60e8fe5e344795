// Open-data export at scale: inserts a synthetic directory (default 100,000 services) into the embedded database,
// then times `export hsds` (tabular package, JSON form, GeoJSON, HXL) and samples peak RSS while it runs.
// Then imports the exported tabular package into an empty database twice, timing each (with peak RSS): as an
// unverified import (the default: one pending submission per organization in the moderation queue) and with
// --verified (live rows). Options: --services N (default 100000).
import { parseArgs } from 'node:util';
import { mkdtemp, rm, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { exportHsds } from '../src/server/features/hsds/export/hsds-export.service.js';
import { importHsds } from '../src/server/features/hsds/import/import.service.js';
import { pgliteBenchDb } from './support.js';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peak_rss_mb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = Date.now();
  try {
    const result = await work();
    return { result, ms: Date.now() - started, peak_rss_mb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(timer);
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({ args, options: { services: { type: 'string', default: '100000' } } });
  const serviceCount = Number(values.services);
  const bench = await pgliteBenchDb();
  const out = await mkdtemp(path.join(tmpdir(), 'rumbo-hsds-bench-'));
  try {
    const insert = await sampled(async () => {
      await insertDirectory(bench.db, buildSyntheticDirectory(serviceCount));
      await bench.db.withSession((s) => s.exec('ANALYZE'));
    });
    const rssBeforeExport = mb(process.memoryUsage().rss);
    const exported = await sampled(() => exportHsds(bench.db, out));
    let bytes = 0;
    for (const dir of [out, path.join(out, 'hsds-csv')]) {
      for (const file of await readdir(dir)) {
        const info = await stat(path.join(dir, file));
        if (info.isFile()) bytes += info.size;
      }
    }
    await bench.drop();
    const importInto = async (verified: boolean) => {
      const target = await pgliteBenchDb();
      try {
        return await sampled(() => importHsds(target.db, path.join(out, 'hsds-csv'), { verified }));
      } finally {
        await target.drop();
      }
    };
    const imported = await importInto(false);
    const published = await importInto(true);
    return {
      bench: 'hsds',
      engine: 'pglite',
      services: serviceCount,
      insert_ms: insert.ms,
      rss_before_export_mb: rssBeforeExport,
      export_ms: exported.ms,
      export_peak_rss_mb: exported.peak_rss_mb,
      export_mb: mb(bytes),
      rows: exported.result.rows,
      import_ms: imported.ms,
      import_peak_rss_mb: imported.peak_rss_mb,
      import_committed: imported.result.committed,
      import_submissions: imported.result.submissions,
      import_counts: imported.result.counts,
      import_error: imported.result.error?.message,
      import_verified_ms: published.ms,
      import_verified_peak_rss_mb: published.peak_rss_mb,
      import_verified_committed: published.result.committed,
      import_verified_counts: published.result.counts,
      import_verified_error: published.result.error?.message,
    };
  } finally {
    await bench.drop().catch(() => undefined);
    await rm(out, { recursive: true, force: true });
  }
}
