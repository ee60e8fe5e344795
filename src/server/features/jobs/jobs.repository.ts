// Durable jobs in the database: enqueue, claim one due job (FOR UPDATE SKIP LOCKED, so several app instances
// never run the same job), complete, or fail with a retry later.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { JobTable } from '../../db/schema.js';

export type JobRow = Selectable<JobTable>;

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** At most one pending job per key: enqueueing again while one waits does nothing. */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** Returns the job's id, or null when a pending job with the same unique key already exists. */
export async function enqueueJob(db: Db, job: NewJob): Promise<string | null> {
  const row = await db.query
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      unique_key: job.uniqueKey ?? null,
      run_at: job.runAt ?? new Date(),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((conflict) =>
      conflict.column('unique_key').where('done_at', 'is', null).where('failed_at', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Claims the oldest due job of the given kinds for `lockSeconds`; a crashed worker's claim lapses after that. */
export async function claimDueJob(
  db: Db,
  kinds: readonly string[],
  workerId: string,
  lockSeconds: number,
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const result = await sql<JobRow>`
    UPDATE jobs SET locked_by = ${workerId},
      locked_until = now() + make_interval(secs => ${lockSeconds}),
      attempts = attempts + 1
    WHERE id = (
      SELECT id FROM jobs
      WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
        AND (locked_until IS NULL OR locked_until < now())
        AND kind = ANY(${sql.val([...kinds])}::text[])
      ORDER BY run_at, created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db.query);
  return result.rows[0];
}

export async function completeJob(db: Db, id: string): Promise<void> {
  await db.query
    .updateTable('jobs')
    .set({ done_at: new Date(), locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failure: retried after `retryAt`, or given up for good after its last attempt. */
export async function failJob(db: Db, job: JobRow, message: string, retryAt: Date): Promise<void> {
  const finalFailure = job.attempts >= job.max_attempts;
  await db.query
    .updateTable('jobs')
    .set({
      last_error: message.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      ...(finalFailure ? { failed_at: new Date() } : { run_at: retryAt }),
    })
    .where('id', '=', job.id)
    .execute();
}

export function listJobs(db: Db, limit = 100): Promise<JobRow[]> {
  return db.query.selectFrom('jobs').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
