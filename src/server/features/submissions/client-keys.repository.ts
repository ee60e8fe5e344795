// The one-time keys of forms (migrations/0013_client_keys.sql): a hash of the key, what it was for, and the sealed
// address of the first outcome. Writes take a Kysely executor so a service can claim a key in its own transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Executor = Kysely<Database>;

export interface ClientKeyRow {
  kind: string;
  target: string;
}

/** Inserts a key; false when it is already there (after waiting for a transaction that holds it to finish). */
export async function insertClientKey(
  executor: Executor,
  row: { key: string; kind: string; target: string },
): Promise<boolean> {
  const result = await sql<{ key: string }>`
    INSERT INTO client_keys (key, kind, target) VALUES (${row.key}, ${row.kind}, ${row.target})
    ON CONFLICT (key) DO NOTHING
    RETURNING key`.execute(executor);
  return result.rows.length === 1;
}

export async function findClientKey(executor: Executor, key: string): Promise<ClientKeyRow | undefined> {
  const result = await sql<ClientKeyRow>`SELECT kind, target FROM client_keys WHERE key = ${key}`.execute(executor);
  return result.rows[0];
}

/** Deletes keys first used before `before`; returns how many. */
export async function deleteClientKeysBefore(executor: Executor, before: Date): Promise<number> {
  const result = await sql<{ key: string }>`
    DELETE FROM client_keys WHERE created_at < ${before.toISOString()}::timestamptz RETURNING key`.execute(executor);
  return result.rows.length;
}
