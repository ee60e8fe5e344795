// Exactly once for forms: a form carries `client_key`, a random UUID made when the server rendered it. The first
// post that writes something claims the key in the same transaction as its record and keeps where it sent the
// browser; a post with a key already claimed (the same form sent again, e.g. replayed from a device's outbox after
// the first answer was lost) is sent to that same place and writes nothing. Posts without a key (pages rendered
// before keys existed, scripts) work as before; a malformed key is a 400.
//
// The database keeps only SHA-256(address + key), so a key posted to another form is a new key, and the outcome
// sealed with AES-256-GCM under a key derived from the client key: the draft link it may hold stays private.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database } from '../../db/schema.js';
import { isUuid } from '../../http/common-schema.js';
import { AppError } from '../../http/errors.js';
import { deleteClientKeysBefore, findClientKey, insertClientKey } from './client-keys.repository.js';

export const CLIENT_KEY_FIELD = 'client_key';

export interface ClientKey {
  /** What the database keeps: SHA-256 of the address the form was posted to and the key. */
  hash: string;
  /** The key that seals and opens the outcome (never stored). */
  seal: Buffer;
}

/** What a form that claims its key once was for (the `kind` column; for people reading the table). */
export type ClientKeyKind = 'submission' | 'editor_edit' | 'hub_report';

/** Thrown inside a transaction whose key was already claimed: the transaction rolls back, the route replays. */
export class ClientKeyUsed extends Error {
  override name = 'ClientKeyUsed';
  constructor(readonly target: string) {
    super('client key already used');
  }
}

/** A fresh key for a form being rendered. */
export function newClientKey(): string {
  return randomUUID();
}

/** The posted form's key: undefined when there is none, a 400 when it is not a UUID. */
export function readClientKey(request: FastifyRequest): ClientKey | undefined {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const raw = body[CLIENT_KEY_FIELD];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !isUuid(raw)) throw new AppError('CLIENT_KEY_INVALID');
  const value = raw.toLowerCase();
  const address = request.url.split('?')[0] ?? '';
  return {
    hash: createHash('sha256').update(`${address}\n${value}`, 'utf8').digest('hex'),
    seal: createHash('sha256').update(`rumbo-client-key-seal\n${value}`, 'utf8').digest(),
  };
}

function sealTarget(key: ClientKey, target: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.seal, iv);
  const body = Buffer.concat([cipher.update(target, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function openTarget(key: ClientKey, sealed: string): string | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key.seal, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const target = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    // Only ever a path on this site.
    return target.startsWith('/') && !target.startsWith('//') ? target : undefined;
  } catch {
    return undefined;
  }
}

/** Where the first post with this key sent the browser; undefined for a key not claimed yet (or no key). */
export async function priorOutcome(db: Db, key: ClientKey | undefined): Promise<string | undefined> {
  if (!key) return undefined;
  const row = await findClientKey(db.query, key.hash);
  return row ? openTarget(key, row.target) : undefined;
}

/** Claims the key inside the transaction that writes the record; throws ClientKeyUsed when it was claimed before
 *  (also by a concurrent post: the insert waits for its transaction and then finds the key). */
export async function claimClientKey(
  executor: Kysely<Database>,
  key: ClientKey,
  kind: ClientKeyKind,
  target: string,
): Promise<void> {
  if (await insertClientKey(executor, { key: key.hash, kind, target: sealTarget(key, target) })) return;
  const row = await findClientKey(executor, key.hash);
  const prior = row ? openTarget(key, row.target) : undefined;
  if (prior === undefined) throw new AppError('CONFLICT');
  throw new ClientKeyUsed(prior);
}

/** A claim for a service to make inside its transaction, given the private token of what it creates. */
export type Claim = (executor: Kysely<Database>, token: string) => Promise<void>;

/** The claim of a key whose outcome is an address built from the token; undefined without a key. */
export function claimFor(
  key: ClientKey | undefined,
  kind: ClientKeyKind,
  target: (token: string) => string,
): Claim | undefined {
  return key ? (executor, token) => claimClientKey(executor, key, kind, target(token)) : undefined;
}

/** The daily job that forgets old keys. */
export const CLIENT_KEYS_PRUNE = 'client_keys_prune';
/** A device's outbox forgets a sent form after a day; a key is kept far longer than any replay could come. */
export const CLIENT_KEY_DAYS = 30;

/** Forgets keys first used more than CLIENT_KEY_DAYS ago; returns how many. */
export async function pruneClientKeys(db: Db, now = new Date()): Promise<number> {
  return deleteClientKeysBefore(db.query, new Date(now.getTime() - CLIENT_KEY_DAYS * 24 * 60 * 60 * 1000));
}
