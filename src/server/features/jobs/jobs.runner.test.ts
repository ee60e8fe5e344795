import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb, type Db } from '../../db/db.js';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { nextDailyRun } from './all-jobs.js';
import { retryDelayMs, runDueJobs, scheduleRecurring, startJobRunner, withRecurring } from './job-runner.js';
import { claimDueJob, enqueueJob, type JobRow } from './jobs.repository.js';

let t: TestDb;
let db: Db;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  await db.query.deleteFrom('jobs').execute();
});

const job = (id: string) => db.query.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** Makes a waiting job due now (instead of waiting out its backoff). */
const makeDue = (id: string) =>
  db.query
    .updateTable('jobs')
    .set({ run_at: sql<Date>`now() - interval '1 second'` })
    .where('id', '=', id)
    .execute();

describe('job runner', () => {
  it('runs a job enqueued before a restart, and takes over one whose worker died mid-run', async () => {
    const ran: string[] = [];
    const handlers = { note: async (row: JobRow) => void ran.push(String(row.payload.text)) };
    const waiting = await enqueueJob(db, { kind: 'note', payload: { text: 'before restart' } });
    // A worker claims a second job, then "crashes" (never completes it); its lease lapses.
    const orphan = (await enqueueJob(db, { kind: 'note', payload: { text: 'orphaned' } }))!;
    const claimedFirst = await claimDueJob(db, ['note'], 'crashed-worker', 300);
    expect(claimedFirst).toBeDefined();
    const claimedId = claimedFirst!.id;
    await db.query
      .updateTable('jobs')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', claimedId)
      .execute();
    // A new runner (a new process after the restart) on the same database.
    const count = await runDueJobs(db, handlers, { workerId: 'after-restart' });
    expect(count).toBe(2);
    expect(ran.sort()).toEqual(['before restart', 'orphaned']);
    for (const id of [waiting!, orphan]) expect((await job(id)).done_at).not.toBeNull();
    expect(await runDueJobs(db, handlers)).toBe(0);
  });

  it('leaves a job claimed by a live worker alone', async () => {
    await enqueueJob(db, { kind: 'note' });
    expect(await claimDueJob(db, ['note'], 'alive', 300)).toBeDefined();
    expect(await runDueJobs(db, { note: async () => undefined })).toBe(0);
  });

  it('retries a failing job with growing backoff and gives up after max_attempts', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const handlers = {
      flaky: async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
    };
    const id = (await enqueueJob(db, { kind: 'flaky', maxAttempts: 3 }))!;
    const before = Date.now();
    await runDueJobs(db, handlers, { onError: (_job, error) => errors.push(error) });
    let row = await job(id);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('boom 1');
    expect(row.failed_at).toBeNull();
    expect(row.done_at).toBeNull();
    // 1 minute after the first failure, not before.
    expect(new Date(row.run_at).getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1) - 1000);
    expect(await runDueJobs(db, handlers)).toBe(0);

    await makeDue(id);
    const second = Date.now();
    await runDueJobs(db, handlers);
    row = await job(id);
    expect(row.attempts).toBe(2);
    expect(new Date(row.run_at).getTime()).toBeGreaterThanOrEqual(second + retryDelayMs(2) - 1000);
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    await makeDue(id);
    await runDueJobs(db, handlers);
    row = await job(id);
    expect(row.attempts).toBe(3);
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toBe('boom 3');
    await makeDue(id);
    expect(await runDueJobs(db, handlers)).toBe(0);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(1);
  });

  it('caps the backoff at six hours', () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(9 * 60_000);
    expect(retryDelayMs(100)).toBe(6 * 3_600_000);
  });

  it('keeps one pending job per unique key, and accepts the key again once it is done', async () => {
    const first = await enqueueJob(db, { kind: 'note', uniqueKey: 'k' });
    expect(first).not.toBeNull();
    expect(await enqueueJob(db, { kind: 'note', uniqueKey: 'k' })).toBeNull();
    expect(await enqueueJob(db, { kind: 'note', uniqueKey: 'other' })).not.toBeNull();
    let ran = 0;
    await runDueJobs(db, { note: async () => void (ran += 1) });
    expect(ran).toBe(2);
    expect(await enqueueJob(db, { kind: 'note', uniqueKey: 'k' })).not.toBeNull();
  });

  it('a recurring job schedules its next run after each run, once', async () => {
    const recurring = [{ kind: 'sweep', next: (now: Date) => nextDailyRun(now) }];
    let runs = 0;
    const handlers = withRecurring({ sweep: async () => void (runs += 1) }, recurring);
    await scheduleRecurring(db, recurring);
    await scheduleRecurring(db, recurring);
    let pending = await db.query.selectFrom('jobs').selectAll().where('done_at', 'is', null).execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.unique_key).toBe('recurring:sweep');
    expect(new Date(pending[0]!.run_at).getTime()).toBe(nextDailyRun(new Date()).getTime());
    expect(await runDueJobs(db, handlers)).toBe(0);

    await makeDue(pending[0]!.id);
    expect(await runDueJobs(db, handlers)).toBe(1);
    expect(runs).toBe(1);
    expect((await job(pending[0]!.id)).done_at).not.toBeNull();
    pending = await db.query.selectFrom('jobs').selectAll().where('done_at', 'is', null).execute();
    expect(pending).toHaveLength(1);
    expect(new Date(pending[0]!.run_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('computes the next daily run', () => {
    expect(nextDailyRun(new Date('2026-03-01T05:00:00Z')).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(nextDailyRun(new Date('2026-03-01T06:00:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(nextDailyRun(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-01T06:00:00.000Z');
  });

  it('the background runner runs what is enqueued when poked, and stops', async () => {
    const done: string[] = [];
    const runner = startJobRunner(db, { note: async (row) => void done.push(row.id) }, { pollMs: 60_000 });
    const id = (await enqueueJob(db, { kind: 'note' }))!;
    runner.poke();
    for (let i = 0; i < 100 && !done.includes(id); i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(done).toEqual([id]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'two runners on two connections run each of 50 jobs exactly once',
    async () => {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.query);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${rows[0]!.name}`;
      const other = await openDb({ databaseUrl: url.toString() });
      try {
        for (let i = 0; i < 50; i++) await enqueueJob(db, { kind: 'count', payload: { n: i } });
        const seen: number[] = [];
        const handler = async (row: JobRow) => {
          await new Promise((r) => setTimeout(r, 2));
          seen.push(Number(row.payload.n));
        };
        const [a, b] = await Promise.all([
          runDueJobs(db, { count: handler }, { workerId: 'a' }),
          runDueJobs(other, { count: handler }, { workerId: 'b' }),
        ]);
        expect(a + b).toBe(50);
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(0);
        expect(seen.sort((x, y) => x - y)).toEqual([...Array(50).keys()]);
        const left = await db.query.selectFrom('jobs').select('id').where('done_at', 'is', null).execute();
        expect(left).toHaveLength(0);
      } finally {
        await other.close();
      }
    },
  );
});
