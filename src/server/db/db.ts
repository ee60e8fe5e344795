// One database handle for both engines: the embedded PGlite (default, or in memory for tests) and PostgreSQL.
// Everything above the repositories sees only `Db`; which engine is behind it is decided here alone.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import path from 'node:path';
import type { Database } from './schema.js';

/** A connection held for a multi-statement script (migrations, the demo loader). */
export interface DbSession {
  exec(script: string): Promise<void>;
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Db {
  readonly engine: 'pglite' | 'postgres';
  /** The typed query builder used by repositories. */
  readonly query: Kysely<Database>;
  /** Runs `work` on one dedicated connection, so session-level locks and scripts stay on it. */
  withSession<T>(work: (session: DbSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A view of the database on a transaction, for repositories that take `Db` (their queries join the transaction). */
export function inTransaction(db: Db, trx: Kysely<Database>): Db {
  return { engine: db.engine, query: trx, withSession: db.withSession, close: db.close };
}

export type DbTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

export async function openDb(target: DbTarget): Promise<Db> {
  if ('databaseUrl' in target) return openPostgres(target.databaseUrl);
  return openPglite('dataDir' in target ? path.join(target.dataDir, 'pgdata') : undefined);
}

async function openPglite(directory: string | undefined): Promise<Db> {
  // Search needs these (migrations/0006_search.sql); PGlite bundles them but loads only what is listed.
  const extensions = { pg_trgm, unaccent, cube, earthdistance };
  const pglite = await PGlite.create({ ...(directory ? { dataDir: directory } : {}), extensions });
  const query = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  // PGlite is one connection; serialise sessions so a script never interleaves with another.
  let queue: Promise<unknown> = Promise.resolve();
  const session: DbSession = {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <Row>(text: string, params: unknown[] = []) => (await pglite.query<Row>(text, params)).rows,
  };
  return {
    engine: 'pglite',
    query,
    withSession: (work) => {
      const run = queue.then(() => work(session));
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      await query.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(connectionString: string): Promise<Db> {
  // Connections stay open while idle (the driver's default closes them after 10 s): a new server process loads its
  // catalogues and text-search dictionaries and maps the shared buffers page by page, so on a quiet site every
  // search that found the pool empty took 60–76 ms instead of 7–9 (PostgreSQL 15, 100,000 services). Two are kept
  // open however long the site is quiet; the others close after five idle minutes.
  const pool = new pg.Pool({ connectionString, max: 10, min: 2, idleTimeoutMillis: 300_000 });
  // An idle client dropped by the server (restart, failover) must not crash the process: the pool replaces it,
  // and the next query that fails is reported where it runs.
  pool.on('error', () => undefined);
  const query = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    query,
    withSession: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <Row>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    close: () => query.destroy(),
  };
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  return db
    .withSession((session) => session.query('SELECT 1'))
    .then(
      () => true,
      () => false,
    );
}
