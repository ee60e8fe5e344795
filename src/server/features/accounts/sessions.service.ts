// Starting, reading and ending sessions. The cookie holds a random token; the database holds its hash.
import type { Db } from '../../db/db.js';
import { hashToken, newToken } from './secrets.js';
import {
  deleteSession,
  findLiveSession,
  insertSession,
  markSecondFactorDone,
  touchSession,
} from './sessions.repository.js';
import { rolesOf } from './users.repository.js';
import { needsTotp, type Viewer } from './policy.js';

export const SESSION_COOKIE = 'rumbo_session';
/** Idle sessions end after this; each use extends it (at most once a minute, to spare writes). */
export const SESSION_IDLE_MS = 14 * 86_400_000;
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: Db, userId: string, secondFactorDone: boolean): Promise<string> {
  const token = newToken();
  await insertSession(db, {
    id: hashToken(token),
    userId,
    secondFactorDone,
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return token;
}

/** The viewer behind a session cookie, or null (no cookie, unknown, expired, disabled account). */
export async function viewerFromToken(db: Db, token: string | undefined): Promise<Viewer | null> {
  if (!token || token.length > 100) return null;
  const found = await findLiveSession(db, hashToken(token));
  if (!found) return null;
  if (Date.now() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, found.sessionId, new Date(Date.now() + SESSION_IDLE_MS));
  }
  const roles = await rolesOf(db, found.user.id);
  const viewer: Viewer = {
    id: found.user.id,
    email: found.user.email,
    displayName: found.user.display_name,
    locale: found.user.preferred_locale,
    roles,
    totpEnabled: found.user.totp_enabled,
    secondFactorDone: found.secondFactorDone || !(found.user.totp_enabled || needsTotp({ roles })),
    sessionId: found.sessionId,
  };
  return viewer;
}

export function endSession(db: Db, viewer: Viewer): Promise<void> {
  return deleteSession(db, viewer.sessionId);
}

export function completeSecondFactor(db: Db, viewer: Viewer): Promise<void> {
  return markSecondFactorDone(db, viewer.sessionId);
}
