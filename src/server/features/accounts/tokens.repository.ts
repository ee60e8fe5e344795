// Single-use links (magic sign-in, password reset, invitation): only the SHA-256 of a token is stored, and using
// one is a single UPDATE … WHERE used_at IS NULL, so two clicks at once cannot both succeed.
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { AuthTokenTable, Database, TokenPurpose } from '../../db/schema.js';

export type AuthTokenRow = Selectable<AuthTokenTable>;

export async function insertToken(
  db: Db,
  token: {
    tokenHash: string;
    purpose: TokenPurpose;
    userId: string | null;
    email: string | null;
    payload?: Record<string, unknown>;
    expiresAt: Date;
  },
): Promise<void> {
  await db.query
    .insertInto('auth_tokens')
    .values({
      token_hash: token.tokenHash,
      purpose: token.purpose,
      user_id: token.userId,
      email: token.email,
      payload: JSON.stringify(token.payload ?? {}),
      expires_at: token.expiresAt,
    })
    .execute();
}

/** A token that can still be used (unused, unexpired), without using it: for the page that shows the form. */
export function findUsableToken(db: Db, tokenHash: string, purpose: TokenPurpose): Promise<AuthTokenRow | undefined> {
  return db.query
    .selectFrom('auth_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

/** Marks the token used and returns it, or undefined when it was unknown, used or expired. */
export function consumeToken(
  executor: Kysely<Database>,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<AuthTokenRow | undefined> {
  return executor
    .updateTable('auth_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returningAll()
    .executeTakeFirst();
}

/** How many tokens of this purpose were issued for a user since a moment (to cap mail per address). */
export async function countTokensSince(db: Db, purpose: TokenPurpose, userId: string, since: Date): Promise<number> {
  const row = await db.query
    .selectFrom('auth_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('purpose', '=', purpose)
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
