// Secrets that leave the server only once: session cookies and single-use links carry a random token; the
// database keeps its SHA-256, so a leaked table cannot be replayed. Passwords are hashed with argon2id.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, hashRaw, verify } from '@node-rs/argon2';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two strings in constant time (for values that are not already hashed lookups). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): a verification takes about 20 ms here (p50 of 20 runs),
// with bounded memory under a login burst.
// `Algorithm` is a const enum in the binding's types, unusable under isolatedModules: 2 is Argon2id.
const ARGON2_ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2_ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id of a short secret with a salt the caller gives (the same each time for the same owner), for secrets
 * looked up by their hash rather than verified one stored hash at a time; hex.
 */
export async function hashShortSecret(secret: string, salt: Uint8Array): Promise<string> {
  return (await hashRaw(secret, { ...ARGON2_OPTIONS, salt, outputLen: 32 })).toString('hex');
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches keeps "no such email" as slow as "wrong password".
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(newToken());
  await verifyPassword(await decoy, password);
  return false;
}
