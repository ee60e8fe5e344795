// Guards decision 003: with `cube` loaded, PGlite 0.5.15/0.5.16 answer nothing to pg_trgm's `%` and then freeze on
// the next query. If the bug came back (e.g. after an upgrade), this test times out instead of passing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.drop());

it('runs pg_trgm % with cube loaded, then another query', { timeout: 10_000 }, async () => {
  const { rows } = await sql<{ hit: boolean }>`SELECT 'clinica' % 'clinicas' AS hit`.execute(t.db.query);
  expect(rows[0]?.hit).toBe(true);
  const next = await sql<{ one: number }>`SELECT 1 AS one`.execute(t.db.query);
  expect(next.rows[0]?.one).toBe(1);
});
