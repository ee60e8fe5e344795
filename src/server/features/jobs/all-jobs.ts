// Every kind of background job Rumbo runs, assembled in one place for the runner in main.ts (and for tests).
import type { FreshnessSettings } from '../../http/app-context.js';
import { REVERIFY_SWEEP, runReverifySweep } from '../freshness/freshness.service.js';
import type { Mailer } from '../mail/mail.service.js';
import { mailJobHandlers } from '../mail/mail.service.js';
import type { MailTransport } from '../mail/mail.transport.js';
import { CLIENT_KEYS_PRUNE, pruneClientKeys } from '../submissions/client-keys.service.js';
import type { JobHandlers, RecurringJob } from './job-runner.js';

export interface JobSetup {
  transport: MailTransport | null;
  mailer: Mailer;
  freshness: FreshnessSettings;
  /** Base URL for links in mail sent by jobs (PUBLIC_URL, else the local address). */
  baseUrl: string;
}

/** Daily at 06:00 UTC (after the night's imports, before most people read mail in the region). */
export function nextDailyRun(now: Date, hourUtc = 6): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function allJobs(setup: JobSetup): { handlers: JobHandlers; recurring: RecurringJob[] } {
  return {
    handlers: {
      ...mailJobHandlers(setup.transport),
      [REVERIFY_SWEEP]: async (_job, db) => {
        await runReverifySweep(db, setup);
      },
      [CLIENT_KEYS_PRUNE]: async (_job, db) => {
        await pruneClientKeys(db);
      },
    },
    recurring: [
      { kind: REVERIFY_SWEEP, next: (now) => nextDailyRun(now) },
      { kind: CLIENT_KEYS_PRUNE, next: (now) => nextDailyRun(now, 3) },
    ],
  };
}
