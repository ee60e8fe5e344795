// An app on a fresh migrated database, for tests that drive it through app.inject().
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/http/app.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp extends TestDb {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createTestApp(options: Omit<AppOptions, 'db'> = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const app = await buildApp({ db: testDb.db, ...options });
  await app.ready();
  return {
    ...testDb,
    app,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}
