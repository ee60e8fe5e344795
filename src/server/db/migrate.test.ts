import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';
import { isUpToDate, listMigrations, migrate } from './migrate.js';

describe('migrate', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.drop());

  it('applies every migration once and reports the database up to date', async () => {
    expect(await isUpToDate(testDb.db)).toBe(true);
    expect(await migrate(testDb.db)).toEqual([]);
    expect((await listMigrations()).length).toBeGreaterThan(0);
  });

  it('runs concurrent migrations without racing', async () => {
    const results = await Promise.all([migrate(testDb.db), migrate(testDb.db)]);
    expect(results.flat()).toEqual([]);
  });
});
