import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../../../tests/support/test-db.js';
import { buildService } from '../../../../../tests/support/factories.js';
import { buildApp } from '../../../http/app.js';
import { enqueueJob } from '../../jobs/jobs.repository.js';
import { runDueJobs } from '../../jobs/job-runner.js';
import {
  bulkDownloadJobs,
  currentManifest,
  nextNightlyRun,
  refreshBulkDownloads,
  REFRESH_DOWNLOADS,
} from './bulk-downloads.service.js';

describe('bulk downloads rebuilt by the nightly job', () => {
  let t: TestDb;
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb();
    dir = await mkdtemp(path.join(tmpdir(), 'rumbo-downloads-'));
    await buildService(t.db);
    app = await buildApp({ db: t.db, downloadsDir: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams from the database until the first build, then serves the built file', async () => {
    const live = await app.inject('/hsds/downloads/services.json');
    expect(live.statusCode).toBe(200);
    expect(live.headers['last-modified']).toBeUndefined();
    expect((await app.inject('/hsds/downloads/hsds-csv/services.csv')).statusCode).toBe(404);

    const manifest = await refreshBulkDownloads(t.db, dir);
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        'services.json',
        'service-locations.geojson',
        'services-hxl.csv',
        'hsds-csv/services.csv',
      ]),
    );
    expect(manifest.rows.service).toBe(1);

    const built = await app.inject('/hsds/downloads/services.json');
    expect(built.statusCode).toBe(200);
    expect(built.headers['last-modified']).toBe(new Date(manifest.built_at).toUTCString());
    expect(JSON.parse(built.body)).toEqual(JSON.parse(live.body));
    const csv = await app.inject('/hsds/downloads/hsds-csv/services.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^id,/);
    const datapackage = await app.inject('/hsds/downloads/hsds-csv/datapackage.json');
    expect(JSON.parse(datapackage.body)).toMatchObject({ profile: 'tabular-data-package' });
  });

  it('refuses names outside the package', async () => {
    for (const name of ['..%2Fmanifest.json', 'nothing.csv', 'a.exe']) {
      expect((await app.inject(`/hsds/downloads/hsds-csv/${name}`)).statusCode).toBeGreaterThanOrEqual(400);
    }
  });

  it('swaps a new build in whole and leaves no old or partial folder behind', async () => {
    const before = await currentManifest(dir);
    await buildService(t.db);
    const after = await refreshBulkDownloads(t.db, dir);
    expect(after.rows.service).toBe(2);
    expect(after.built_at >= before!.built_at).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['current']);
    const served = JSON.parse((await app.inject('/hsds/downloads/services.json')).body) as unknown[];
    expect(served).toHaveLength(2);
    expect(JSON.parse(await readFile(path.join(dir, 'current', 'manifest.json'), 'utf8'))).toEqual(after);
  });

  it('runs as a durable job and schedules the next run at 03:00 UTC', async () => {
    await buildService(t.db);
    const jobs = bulkDownloadJobs(dir);
    await enqueueJob(t.db, { kind: REFRESH_DOWNLOADS });
    expect(await runDueJobs(t.db, jobs.handlers)).toBe(1);
    expect((await currentManifest(dir))?.rows.service).toBe(3);
    expect(nextNightlyRun(new Date('2026-11-24T02:00:00Z')).toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(nextNightlyRun(new Date('2026-11-24T03:00:00Z')).toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });
});
