// Recovery codes for the second factor: ten codes of ten letters and digits (no 0/o, 1/l/i), about 49 random bits
// each, shown as "abcde-fghjk"; typed with any case, spaces or dashes.
import { randomInt } from 'node:crypto';
import { hashShortSecret, hashToken } from './secrets.js';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/** A new set of codes, as shown to the user. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A typed code in its stored form, or null when it cannot be a code (then it is not looked up). */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/**
 * A code's stored form: argon2id (as passwords) salted with the user's id, so that a copy of the table cannot be
 * searched for every user's codes at once, and one user's ~2^49 codes cost ~20 ms each to try. One hash per code
 * typed (the table is looked up by it); ten when a set is made.
 */
export async function hashRecoveryCode(userId: string, code: string): Promise<string> {
  const salt = Buffer.from(`totp-recovery:${userId}`, 'utf8');
  return `argon2id:${await hashShortSecret(code.replace(/-/g, ''), salt)}`;
}

/** The stored forms of a set of codes (hashed side by side: the binding runs them on libuv's threads). */
export function hashRecoveryCodes(userId: string, codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hashRecoveryCode(userId, code)));
}

/**
 * The form codes made before session 16 were kept in (an unsalted SHA-256, decision 012): such a code still works
 * until it is used or its set replaced.
 */
export function legacyRecoveryCodeHash(code: string): string {
  return hashToken(`totp-recovery:${code.replace(/-/g, '')}`);
}
