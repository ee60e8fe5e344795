import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';
import { buildService } from '../../../tests/support/factories.js';
import { refreshStatistics } from './statistics.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const analyzedRows = async (table: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename = ${table}`.execute(t.db.query)
  ).rows[0]?.n ?? 0;

describe('planner statistics', () => {
  it('are gathered for the named tables, then for every table', async () => {
    for (let i = 0; i < 5; i++) await buildService(t.db);
    expect(await analyzedRows('services')).toBe(0);
    await refreshStatistics(t.db, ['services']);
    expect(await analyzedRows('services')).toBeGreaterThan(0);
    expect(await analyzedRows('organizations')).toBe(0);
    await refreshStatistics(t.db);
    expect(await analyzedRows('organizations')).toBeGreaterThan(0);
  });
});
