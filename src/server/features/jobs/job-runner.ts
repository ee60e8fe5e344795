// Runs durable jobs: handlers by kind, polled from the database. Jobs survive a restart (they are rows), a job is
// run by one instance at a time (claimed under SKIP LOCKED with a lease), failures retry with backoff.
// Recurring work (a daily sweep) is a job that enqueues its next run under a unique key.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.js';
import { claimDueJob, completeJob, enqueueJob, failJob, type JobRow, type NewJob } from './jobs.repository.js';

export type JobHandler = (job: JobRow, db: Db) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface RecurringJob {
  kind: string;
  /** When the next run after `now` is due. */
  next(now: Date): Date;
}

const LEASE_SECONDS = 300;

/** Backoff: 1 min, 4 min, 9 min, … capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(attempts * attempts * 60_000, 6 * 3_600_000);
}

/** Runs due jobs until none is left (or `max` ran). Returns how many ran. Used by the runner and by tests. */
export async function runDueJobs(
  db: Db,
  handlers: JobHandlers,
  options: { workerId?: string; max?: number; onError?: (job: JobRow, error: unknown) => void } = {},
): Promise<number> {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const kinds = Object.keys(handlers);
  let ran = 0;
  while (ran < (options.max ?? Infinity)) {
    const job = await claimDueJob(db, kinds, workerId, LEASE_SECONDS);
    if (!job) break;
    ran += 1;
    try {
      await handlers[job.kind]!(job, db);
      await completeJob(db, job.id);
    } catch (error) {
      options.onError?.(job, error);
      const message = error instanceof Error ? error.message : String(error);
      await failJob(db, job, message, new Date(Date.now() + retryDelayMs(job.attempts)));
    }
  }
  return ran;
}

/** Makes sure each recurring job has its next run waiting. */
export async function scheduleRecurring(db: Db, recurring: readonly RecurringJob[], now = new Date()): Promise<void> {
  for (const job of recurring) {
    await enqueueJob(db, { kind: job.kind, uniqueKey: `recurring:${job.kind}`, runAt: job.next(now) });
  }
}

/** Wraps recurring handlers so each run schedules the next one. */
export function withRecurring(handlers: JobHandlers, recurring: readonly RecurringJob[]): JobHandlers {
  const wrapped: Record<string, JobHandler> = { ...handlers };
  for (const job of recurring) {
    const handler = handlers[job.kind];
    if (!handler) throw new Error(`no handler for recurring job ${job.kind}`);
    wrapped[job.kind] = async (row, db) => {
      await handler(row, db);
      // Close this run first: the next one takes the same unique key, which allows one pending job at a time.
      await completeJob(db, row.id);
      await enqueueJob(db, { kind: job.kind, uniqueKey: `recurring:${job.kind}`, runAt: job.next(new Date()) });
    };
  }
  return wrapped;
}

export interface JobRunner {
  /** Runs whatever is due now (e.g. right after enqueueing mail) without waiting for the next poll. */
  poke(): void;
  stop(): Promise<void>;
}

export function startJobRunner(
  db: Db,
  handlers: JobHandlers,
  options: {
    pollMs?: number;
    onError?: (job: JobRow, error: unknown) => void;
    recurring?: readonly RecurringJob[];
  } = {},
): JobRunner {
  const workerId = `worker-${randomUUID()}`;
  const recurring = options.recurring ?? [];
  const all = withRecurring(handlers, recurring);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    clearTimeout(timer);
    running = running
      .then(() => (stopped ? 0 : runDueJobs(db, all, { workerId, onError: options.onError })))
      .catch((error: unknown) => options.onError?.({ kind: 'runner' } as JobRow, error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 5_000).unref();
      });
  };
  running = scheduleRecurring(db, recurring).catch((error: unknown) =>
    options.onError?.({ kind: 'schedule' } as JobRow, error),
  );
  tick();
  return {
    poke: () => {
      if (!stopped) tick();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type { NewJob };
