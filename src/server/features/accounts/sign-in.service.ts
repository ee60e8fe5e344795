// Password checks with lockout: five failures in a row (passwords, second-factor or recovery codes) lock the
// account for fifteen minutes; unknown emails take as long as known ones and get the same answer.
import { inTransaction, type Db } from '../../db/db.js';
import { addFailedLogin, claimTotpStep, clearFailedLogins, lockUser } from './lockout.repository.js';
import { verifyDecoy, verifyPassword } from './secrets.js';
import { enableTotp, findUserByEmail, findUserById, type UserRow } from './users.repository.js';
import { totpStep } from './totp.js';
import {
  hashRecoveryCode,
  hashRecoveryCodes,
  legacyRecoveryCodeHash,
  newRecoveryCodes,
  normalizeRecoveryCode,
} from './recovery-codes.js';
import { replaceRecoveryCodes, spendRecoveryCode, storeRecoveryCodes } from './recovery-codes.repository.js';
import { markSecondFactorDone } from './sessions.repository.js';
import type { Viewer } from './policy.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult =
  { ok: true; user: UserRow } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; minutes: number };

const INVALID: SignInResult = { ok: false, reason: 'invalid' };

/** Minutes left on a lock (0 when not locked). */
export function lockedMinutes(user: Pick<UserRow, 'locked_until'>, now = Date.now()): number {
  if (!user.locked_until) return 0;
  const left = new Date(user.locked_until).getTime() - now;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

export async function checkPassword(db: Db, email: string, password: string): Promise<SignInResult> {
  const user = await findUserByEmail(db, email);
  if (!user || !user.password_hash || user.disabled_at) {
    await verifyDecoy(password);
    return INVALID;
  }
  const minutes = lockedMinutes(user);
  if (minutes > 0) {
    // Even the right password fails while locked; spend the same time as a real check.
    await verifyDecoy(password);
    return { ok: false, reason: 'locked', minutes };
  }
  if (!(await verifyPassword(user.password_hash, password))) return recordFailure(db, user.id);
  // With a second factor, only that factor clears the count: otherwise whoever knows the password could try four
  // codes, sign in again and try four more, for ever.
  if (!user.totp_enabled) await clearFailedLogins(db, user.id);
  return { ok: true, user };
}

/** The second factor of a signed-in (but not yet verified) user; wrong codes count toward the same lock. */
export async function checkTotp(db: Db, userId: string, code: string): Promise<SignInResult> {
  const user = await findUserById(db, userId);
  if (!user?.totp_secret || !user.totp_enabled) return INVALID;
  const minutes = lockedMinutes(user);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };
  const step = totpStep(user.totp_secret, code);
  // A code already used (replayed within its window) counts as a wrong one.
  if (step === null || !(await claimTotpStep(db, user.id, step))) return recordFailure(db, user.id);
  await clearFailedLogins(db, user.id);
  return { ok: true, user };
}

/**
 * A recovery code in place of the second factor: spent on success; a wrong, spent or malformed one counts toward
 * the same lock as a wrong app code.
 */
export async function checkRecoveryCode(db: Db, userId: string, typed: string): Promise<SignInResult> {
  const user = await findUserById(db, userId);
  if (!user?.totp_enabled) return INVALID;
  const minutes = lockedMinutes(user);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };
  const code = normalizeRecoveryCode(typed);
  const forms = code === null ? [] : [await hashRecoveryCode(user.id, code), legacyRecoveryCodeHash(code)];
  if (!forms.length || !(await spendRecoveryCode(db, user.id, forms))) {
    return recordFailure(db, user.id);
  }
  await clearFailedLogins(db, user.id);
  return { ok: true, user };
}

/**
 * A new set of recovery codes for the user (the old ones stop working), as they are to be shown, once. With
 * `replacing` (the set a page showed), null when that set was replaced meanwhile: nothing is made.
 */
export async function renewRecoveryCodes(db: Db, userId: string, replacing?: string): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  return (await replaceRecoveryCodes(db, userId, await hashRecoveryCodes(userId, codes), replacing)) ? codes : null;
}

/**
 * Turns the viewer's second factor on, counts it as given in this session and makes its recovery codes, in one
 * transaction: another request of the session (the same enrolment form posted again) never sees the factor on and
 * not yet given, nor on without codes. The codes, to show once; null when it was on already (nothing written).
 */
export async function enrolSecondFactor(db: Db, viewer: Viewer): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  // Hashed before the transaction: it holds the user's row, and hashing ten codes takes tens of milliseconds.
  const hashes = await hashRecoveryCodes(viewer.id, codes);
  return db.query.transaction().execute(async (trx) => {
    const inTrx = inTransaction(db, trx);
    if (!(await enableTotp(inTrx, viewer.id))) return null;
    await markSecondFactorDone(inTrx, viewer.sessionId);
    await storeRecoveryCodes(trx, viewer.id, hashes);
    return codes;
  });
}

async function recordFailure(db: Db, userId: string): Promise<SignInResult> {
  const failures = await addFailedLogin(db, userId);
  if (failures < MAX_FAILED_LOGINS) return INVALID;
  await lockUser(db, userId, new Date(Date.now() + LOCK_MINUTES * 60_000));
  return { ok: false, reason: 'locked', minutes: LOCK_MINUTES };
}
