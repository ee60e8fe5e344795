// A migrated database for one test file: in-memory PGlite, or a fresh database on the PostgreSQL server
// named by TEST_DATABASE_URL (dropped again afterwards), so the same suite runs on both engines.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../src/server/db/db.js';
import { migrate } from '../../src/server/db/migrate.js';

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDb({ memory: true });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `rumbo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
