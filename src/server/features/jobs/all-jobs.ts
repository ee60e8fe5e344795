// Every kind of background job Rumbo runs, assembled in one place for the runner in main.ts (and for tests).
import type { FreshnessSettings } from '../../http/app-context.js';
import type { Mailer } from '../mail/mail.service.js';
import { mailJobHandlers } from '../mail/mail.service.js';
import type { MailTransport } from '../mail/mail.transport.js';
import type { JobHandlers, RecurringJob } from './job-runner.js';

export interface JobSetup {
  transport: MailTransport | null;
  mailer: Mailer;
  freshness: FreshnessSettings;
  /** Base URL for links in mail sent by jobs (PUBLIC_URL, else the local address). */
  baseUrl: string;
}

export function allJobs(setup: JobSetup): { handlers: JobHandlers; recurring: RecurringJob[] } {
  return {
    handlers: { ...mailJobHandlers(setup.transport) },
    recurring: [],
  };
}
