// Loads the labelled demo directory into an empty database, and inserts large synthetic directories for benchmarks.
import type { Db } from '../../db/db.js';
import { refreshStatistics } from '../../db/statistics.js';
import { buildDemoDirectory, DEMO_REFERENCE_DATE, type DemoDirectory } from './demo-directory.js';
import { countServices, insertDemoDirectory, lockDemoSeeding } from './demo.repository.js';
import { refreshSearchIndex } from '../search/search.service.js';
import { seedDemoHubReports } from './demo-hub-reports.js';

export interface SeedResult {
  seeded: boolean;
  /** What was inserted (all zero when nothing was). */
  organizations: number;
  services: number;
  locations: number;
}

const NOT_SEEDED: SeedResult = { seeded: false, organizations: 0, services: 0, locations: 0 };

/**
 * Seeds the demo directory when the database has no services yet; otherwise does nothing. Everything goes in one
 * transaction (a failure leaves nothing half-written), under an advisory lock so that app instances starting
 * together seed at most once.
 */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedResult> {
  if ((await countServices(db.query)) > 0) return NOT_SEEDED;
  const directory = withVerificationAsOf(buildDemoDirectory(), options.now ?? new Date());
  const result = await db.query.transaction().execute(async (trx) => {
    await lockDemoSeeding(trx);
    if ((await countServices(trx)) > 0) return NOT_SEEDED;
    await insertDemoDirectory(trx, directory);
    return {
      seeded: true,
      organizations: directory.organizations.length,
      services: directory.services.length,
      locations: directory.locations.length,
    };
  });
  if (result.seeded) await refreshSearchIndex(db);
  // The information hubs' monthly reports of 2020–2021 (issue 6), on the directory just loaded.
  if (result.seeded) {
    await seedDemoHubReports(db);
    await refreshStatistics(db);
  }
  return result;
}

/**
 * Inserts any directory (e.g. a 100,000-service synthetic one) in one transaction, with batches as large as
 * PostgreSQL's bind-parameter limit allows.
 */
export async function insertDirectory(db: Db, given: DemoDirectory, options: { now?: Date } = {}): Promise<void> {
  const directory = withVerificationAsOf(given, options.now ?? new Date());
  await db.query.transaction().execute((trx) => insertDemoDirectory(trx, directory, { maxRowsPerBatch: 10_000 }));
  await refreshSearchIndex(db);
}

/**
 * The directory with every verification date moved by (now − DEMO_REFERENCE_DATE): the same spread and order as
 * generated, but ending at `now`, so demo data never ages out of the results however late it is loaded.
 */
export function withVerificationAsOf(directory: DemoDirectory, now: Date): DemoDirectory {
  const shiftMs = now.getTime() - DEMO_REFERENCE_DATE.getTime();
  const shift = <T extends { last_verified_at?: Date | string | null | undefined }>(row: T): T =>
    row.last_verified_at
      ? { ...row, last_verified_at: new Date(new Date(row.last_verified_at).getTime() + shiftMs) }
      : row;
  return { ...directory, organizations: directory.organizations.map(shift), services: directory.services.map(shift) };
}
