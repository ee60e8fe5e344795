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
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  return totpOf(secretBase32).validate({ token: digits, window: 1 }) !== null;
}
