// Recovery codes of the second factor (migrations/0017): replaced as a set, used once each.
import type { Db } from '../../db/db.js';

/**
 * Replaces the user's codes with these hashes, in one transaction holding the user's row, so that two renewals at
 * once leave one set (the later), never none and never two.
 */
export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.query.transaction().execute(async (trx) => {
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
    await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length) {
      await trx
        .insertInto('totp_recovery_codes')
        .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
        .execute();
    }
  });
}

/** Marks an unused code as used; false when there is no such unused code (a wrong or spent one). */
export async function spendRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
  const row = await db.query
    .updateTable('totp_recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db.query
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
