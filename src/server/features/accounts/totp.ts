// Time-based one-time codes (RFC 6238) as authenticator apps expect them: SHA-1, 6 digits, 30 s, ±1 step.
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Rumbo';

function totpOf(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (shown as text; no QR code needs JavaScript or images). */
export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

/** The key in groups of four, easier to type. */
export function groupedKey(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(' ') ?? secretBase32;
}

/** Whether a code is valid now (the step before and after count too, for clock drift). */
export function verifyTotp(secretBase32: string, code: string): boolean {
  return totpStep(secretBase32, code) !== null;
}

/** The 30-second time step a valid code belongs to (to refuse a replay of the same code), or null. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totpOf(secretBase32).validate({ token: digits, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}
