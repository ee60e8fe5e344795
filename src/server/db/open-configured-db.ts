// Opens the database the configuration names. For the embedded database it first takes the DATA_DIR lock,
// so a second process (server or CLI) on the same directory stops with a clear message instead of corrupting it.
import type { Config } from '../config/config.js';
import { openDb, type Db } from './db.js';
import { lockDataDir } from './data-dir-lock.js';

export interface OpenedDb {
  db: Db;
  close(): Promise<void>;
}

export async function openConfiguredDb(config: Config, onLockLost: (error: Error) => void): Promise<OpenedDb> {
  if (config.DATABASE_URL) {
    const db = await openDb({ databaseUrl: config.DATABASE_URL });
    return { db, close: () => db.close() };
  }
  const release = await lockDataDir(config.dataDir, onLockLost);
  try {
    const db = await openDb({ dataDir: config.dataDir });
    return {
      db,
      close: async () => {
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
