// Recovery codes of the second factor (migrations/0017): replaced as a set, used once each.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database } from '../../db/schema.js';

/** The codes a user has left, and which set they are (when it was made; '' for none), as a page shows them. */
export interface RecoveryCodesState {
  left: number;
  set: string;
}

export async function recoveryCodesState(db: Kysely<Database>, userId: string): Promise<RecoveryCodesState> {
  const { rows } = await sql<{ left: number; set: string | null }>`
    SELECT (count(*) FILTER (WHERE used_at IS NULL))::int AS left,
      (floor(extract(epoch FROM max(created_at)) * 1000000))::bigint::text AS set
    FROM totp_recovery_codes WHERE user_id = ${userId}`.execute(db);
  return { left: rows[0]?.left ?? 0, set: rows[0]?.set ?? '' };
}

/**
 * Replaces the user's codes with these hashes, in one transaction holding the user's row, so that two renewals at
 * once leave one set (the later), never none and never two. With `replacing`, only when that is still the user's
 * set (false otherwise: it was replaced meanwhile, say by the same form sent again).
 */
export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  hashes: string[],
  replacing?: string,
): Promise<boolean> {
  return db.query.transaction().execute((trx) => storeRecoveryCodes(trx, userId, hashes, replacing));
}

/** `replaceRecoveryCodes` inside a transaction the caller holds (the user's row stays held until it ends). */
export async function storeRecoveryCodes(
  trx: Kysely<Database>,
  userId: string,
  hashes: string[],
  replacing?: string,
): Promise<boolean> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  if (replacing !== undefined && (await recoveryCodesState(trx, userId)).set !== replacing) return false;
  await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length) {
    await trx
      .insertInto('totp_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  }
  return true;
}

/**
 * Marks an unused code as used, found by any of its stored forms (`hashes`); false when there is no such unused code
 * (a wrong or spent one).
 */
export async function spendRecoveryCode(db: Db, userId: string, hashes: string[]): Promise<boolean> {
  const row = await db.query
    .updateTable('totp_recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', 'in', hashes)
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}
