// Sessions stored in the database (by the SHA-256 of the cookie token), so any app instance serves any request.
import type { Db } from '../../db/db.js';
import type { UserRow } from './users.repository.js';

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; secondFactorDone: boolean; expiresAt: Date },
): Promise<void> {
  await db.query
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      second_factor_done: session.secondFactorDone,
      expires_at: session.expiresAt,
    })
    .execute();
}

export interface SessionWithUser {
  sessionId: string;
  secondFactorDone: boolean;
  lastSeenAt: Date;
  user: UserRow;
}

export async function findLiveSession(db: Db, id: string): Promise<SessionWithUser | undefined> {
  const row = await db.query
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.second_factor_done',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, second_factor_done, last_seen_at, expires_at: _expires, ...user } = row;
  return { sessionId: session_id, secondFactorDone: second_factor_done, lastSeenAt: last_seen_at, user };
}

export async function touchSession(db: Db, id: string, expiresAt: Date): Promise<void> {
  await db.query
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function markSecondFactorDone(db: Db, id: string): Promise<void> {
  await db.query.updateTable('sessions').set({ second_factor_done: true }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.query.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs a user out everywhere (after a password reset, say), optionally keeping one session. */
export async function deleteSessionsOf(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  let query = db.query.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.query.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
