// Recovery codes for the second factor: ten codes of ten letters and digits (no 0/o, 1/l/i), about 49 random bits
// each, shown as "abcde-fghjk"; typed with any case, spaces or dashes.
import { randomInt } from 'node:crypto';
import { hashToken } from './secrets.js';

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

export function hashRecoveryCode(code: string): string {
  return hashToken(`totp-recovery:${code.replace(/-/g, '')}`);
}
