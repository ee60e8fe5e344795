// The outbox: every outgoing message is a row first.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { MailOutboxTable } from '../../db/schema.js';

export type OutboxRow = Selectable<MailOutboxTable>;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What it is about (magic_link, confirm_submission, …), for the outbox page and tests. */
  kind: string;
}

export async function insertMail(db: Db, mail: OutgoingMail): Promise<string> {
  const row = await db.query
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, kind: mail.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findMail(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.query.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMailSent(db: Db, id: string): Promise<void> {
  await db.query
    .updateTable('mail_outbox')
    .set((eb) => ({ sent_at: new Date(), attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(db: Db, id: string, message: string): Promise<void> {
  await db.query
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message.slice(0, 1000) }))
    .where('id', '=', id)
    .execute();
}

export async function listOutbox(
  db: Db,
  options: { limit: number; offset: number; to?: string },
): Promise<{ items: OutboxRow[]; total: number }> {
  let base = db.query.selectFrom('mail_outbox');
  if (options.to) base = base.where('to_address', '=', options.to);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').limit(options.limit).offset(options.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
