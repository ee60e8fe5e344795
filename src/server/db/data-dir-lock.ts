// The embedded database is single-process: two processes on one data directory corrupt it silently.
// Hold an exclusive lock on DATA_DIR for the life of the process; a second process refuses to start.
import lockfile from 'proper-lockfile';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Rumbo process. ` +
        'Only one process may use the embedded database at a time: stop the other one, or set DATA_DIR to another ' +
        'directory, or use PostgreSQL through DATABASE_URL to run several instances. ' +
        '(A process that was killed leaves a lock that expires by itself within 10 seconds.)',
    );
  }
}

export type ReleaseLock = () => Promise<void>;

export async function lockDataDir(dataDir: string, onLost: (error: Error) => void): Promise<ReleaseLock> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'rumbo.lock'),
      stale: 10_000,
      update: 2_000,
      retries: 0,
      realpath: false,
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
