// Failed sign-in attempts: counted atomically in the database, so parallel guesses cannot slip past the limit.
import type { Db } from '../../db/db.js';

/** Adds one failed attempt and returns the new count. */
export async function addFailedLogin(db: Db, userId: string): Promise<number> {
  const row = await db.query
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: new Date() }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins ?? 0;
}

/** Locks the account until a moment; the count starts again from zero after the lock. */
export async function lockUser(db: Db, userId: string, until: Date): Promise<void> {
  await db.query
    .updateTable('users')
    .set({ locked_until: until, failed_logins: 0, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function clearFailedLogins(db: Db, userId: string): Promise<void> {
  await db.query
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, updated_at: new Date() })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_logins', '<>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

/** Records the TOTP step just used; false when that step (or a later one) was already used: a replayed code. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db.query
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
