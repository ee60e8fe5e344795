import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/db.js';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { runDueJobs } from '../jobs/job-runner.js';
import { createMailer, DELIVER_MAIL, mailJobHandlers } from './mail.service.js';
import { smtpTransport } from './mail.transport.js';
import { listOutbox } from './mail.repository.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (random port, no TLS, no auth) that keeps what it receives. */
async function startSmtp(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
  await db.query.deleteFrom('mail_outbox').execute();
});

const message = {
  to: 'contact@example.org',
  subject: 'Rumbo test message',
  text: 'Hello from Rumbo.\nSecond line.',
  kind: 'test',
};

describe('mail delivery over SMTP', () => {
  it('delivers a queued message to a real SMTP server and marks it sent', async () => {
    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url, 'Rumbo <no-reply@rumbo.test>');
    try {
      const mailer = createMailer(transport);
      expect(mailer.delivers).toBe(true);
      await mailer.send(db, message);
      const [queued] = await db.query.selectFrom('jobs').selectAll().execute();
      expect(queued?.kind).toBe(DELIVER_MAIL);
      expect(await runDueJobs(db, mailJobHandlers(transport))).toBe(1);

      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got.from).toBe('no-reply@rumbo.test');
      expect(got.to).toEqual(['contact@example.org']);
      expect(got.raw).toMatch(/^Subject: Rumbo test message$/m);
      expect(got.raw).toMatch(/^To: contact@example\.org$/m);
      expect(got.raw).toContain('Hello from Rumbo.');
      expect(got.raw).toContain('Second line.');
      const { items } = await listOutbox(db, { limit: 10, offset: 0 });
      expect(items).toHaveLength(1);
      expect(items[0]!.sent_at).not.toBeNull();
      expect(items[0]!.attempts).toBe(1);
      expect(items[0]!.last_error).toBeNull();

      // Running again sends nothing twice.
      expect(await runDueJobs(db, mailJobHandlers(transport))).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('a refused delivery records the error and is retried later', async () => {
    const smtp = await startSmtp({ refuse: true });
    const transport = smtpTransport(smtp.url, 'Rumbo <no-reply@rumbo.test>');
    try {
      await createMailer(transport).send(db, message);
      const before = Date.now();
      await runDueJobs(db, mailJobHandlers(transport));
      expect(smtp.received).toHaveLength(0);
      const mail = await db.query.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(mail.sent_at).toBeNull();
      expect(mail.attempts).toBe(1);
      expect(mail.last_error).toMatch(/550|Mailbox unavailable/);
      const job = await db.query.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      expect(job.done_at).toBeNull();
      expect(job.failed_at).toBeNull();
      expect(job.attempts).toBe(1);
      expect(job.last_error).toMatch(/550|Mailbox unavailable/);
      expect(new Date(job.run_at).getTime()).toBeGreaterThan(before + 50_000);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('with no SMTP configured the message stays in the outbox and no job is queued', async () => {
    const mailer = createMailer(null);
    expect(mailer.delivers).toBe(false);
    await mailer.send(db, message);
    const { items, total } = await listOutbox(db, { limit: 10, offset: 0, to: 'contact@example.org' });
    expect(total).toBe(1);
    expect(items[0]!.subject).toBe('Rumbo test message');
    expect(items[0]!.sent_at).toBeNull();
    expect(await db.query.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
    expect(await runDueJobs(db, mailJobHandlers(null))).toBe(0);
  });
});
