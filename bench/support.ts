// Shared pieces for benchmarks: timing statistics and throw-away databases on both engines.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../src/server/db/db.js';
import { migrate } from '../src/server/db/migrate.js';

export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)), n: sorted.length };
}

export interface BenchDb {
  db: Db;
  drop(): Promise<void>;
}

/** An embedded database in a temporary data directory (as `npm start` uses), migrated. */
export async function pgliteBenchDb(): Promise<BenchDb> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rumbo-bench-'));
  const db = await openDb({ dataDir });
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the PostgreSQL server at `serverUrl`, or null when none answers. */
export async function postgresBenchDb(serverUrl: string): Promise<BenchDb | null> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `rumbo_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
