// Sending mail: write it to the outbox, then (when SMTP is configured) a job delivers it, retrying on failure.
// With no SMTP configured the message stays in the outbox, which admins read at /{locale}/admin/outbox.
import type { Db } from '../../db/db.js';
import { enqueueJob } from '../jobs/jobs.repository.js';
import type { JobHandlers } from '../jobs/job-runner.js';
import { findMail, insertMail, markMailFailed, markMailSent, type OutgoingMail } from './mail.repository.js';
import type { MailTransport } from './mail.transport.js';

export const DELIVER_MAIL = 'deliver_mail';

export interface Mailer {
  /** Queues a message; it is in the outbox when this resolves. */
  send(db: Db, mail: OutgoingMail): Promise<void>;
  /** Whether messages leave the building (SMTP configured) or stay in the outbox. */
  readonly delivers: boolean;
}

export function createMailer(transport: MailTransport | null, pokeJobs: () => void = () => undefined): Mailer {
  return {
    delivers: transport !== null,
    send: async (db, mail) => {
      const id = await insertMail(db, mail);
      if (transport) {
        await enqueueJob(db, { kind: DELIVER_MAIL, payload: { id }, maxAttempts: 8 });
        pokeJobs();
      }
    },
  };
}

export function mailJobHandlers(transport: MailTransport | null): JobHandlers {
  return {
    [DELIVER_MAIL]: async (job, db) => {
      if (!transport) return;
      const mail = await findMail(db, String(job.payload.id));
      if (!mail || mail.sent_at) return;
      try {
        await transport.send({ to: mail.to_address, subject: mail.subject, text: mail.text_body });
      } catch (error) {
        await markMailFailed(db, mail.id, error instanceof Error ? error.message : String(error));
        throw error;
      }
      await markMailSent(db, mail.id);
    },
  };
}
