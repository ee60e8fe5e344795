// A new password ends every session of the account and lifts any lock: run inside the reset's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function setPasswordWith(executor: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await executor
    .updateTable('users')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function deleteSessionsWith(executor: Kysely<Database>, userId: string): Promise<void> {
  await executor.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
