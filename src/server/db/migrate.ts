// Applies the numbered plain-SQL files in migrations/ in order, each in its own transaction, under a
// PostgreSQL advisory lock so that several app instances starting together never race.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, DbSession } from './db.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
const LOCK_KEY = 727_001; // arbitrary, constant: "rumbo migrations"

export interface Migration {
  version: string;
  name: string;
  file: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file) => ({ version: file.slice(0, 4), name: file.slice(5, -4), file: path.join(dir, file) }));
}

/** Returns the versions it applied (empty when the database was up to date). */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await listMigrations(dir);
  return db.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await appliedVersions(session)).map((row) => row.version));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        const script = await readFile(migration.file, 'utf8');
        await session.exec('BEGIN');
        try {
          await session.exec(script);
          await session.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await session.exec('COMMIT');
        } catch (error) {
          await session.exec('ROLLBACK');
          throw new Error(`Migration ${path.basename(migration.file)} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

/** True when every migration file has been applied: what /readyz reports. */
export async function isUpToDate(db: Db, dir = MIGRATIONS_DIR): Promise<boolean> {
  const migrations = await listMigrations(dir);
  const rows = await db.withSession(appliedVersions).catch(() => []);
  const done = new Set(rows.map((row) => row.version));
  return migrations.every((m) => done.has(m.version));
}

function appliedVersions(session: DbSession): Promise<{ version: string }[]> {
  return session.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
}
