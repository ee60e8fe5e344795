// Starting a signed-in session from a page: always a new session (any previous one of this browser ends, so a
// planted session id is never promoted), then the next step: the second factor, TOTP enrolment, or `next`.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/db.js';
import type { Locale } from '../../i18n/i18n.js';
import { setSessionCookie } from '../../http/security.js';
import { needsTotp } from './policy.js';
import { hashToken } from './secrets.js';
import { deleteSession } from './sessions.repository.js';
import { SESSION_COOKIE, startSession } from './sessions.service.js';
import { rolesOf, type UserRow } from './users.repository.js';

/** Signs the user in on this browser and returns where to send them. */
export async function signInAs(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  secureCookies: boolean,
  user: UserRow,
  locale: Locale,
  next: string | null,
): Promise<string> {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous && previous.length <= 100) await deleteSession(db, hashToken(previous));
  const roles = await rolesOf(db, user.id);
  const wantsTotp = needsTotp({ roles });
  const secondFactorDone = !user.totp_enabled && !wantsTotp;
  setSessionCookie(reply, await startSession(db, user.id, secondFactorDone), secureCookies);
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  if (user.totp_enabled) return `/${locale}/login/totp${query}`;
  if (wantsTotp) return `/${locale}/account/totp${query}`;
  return next ?? `/${locale}/account`;
}
