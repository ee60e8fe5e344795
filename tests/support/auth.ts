// Test helpers for signed-in requests: users with roles, sessions, CSRF tokens, and reading the outbox.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/db.js';
import type { RoleGrant } from '../../src/server/features/accounts/policy.js';
import { hashPassword } from '../../src/server/features/accounts/secrets.js';
import { startSession } from '../../src/server/features/accounts/sessions.service.js';
import { grantRole, insertUser, type UserRow } from '../../src/server/features/accounts/users.repository.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export function grant(role: RoleGrant['role'], scope: Partial<Omit<RoleGrant, 'role'>> = {}): RoleGrant {
  return { role, countryCode: null, organizationId: null, hubLocationId: null, ...scope };
}

export async function buildUser(
  db: Db,
  roles: RoleGrant[] = [],
  overrides: Partial<{ email: string; password: string | null; totpSecret: string | null }> = {},
): Promise<UserRow> {
  const password = overrides.password === undefined ? TEST_PASSWORD : overrides.password;
  const user = await insertUser(db, {
    email: overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.org`,
    display_name: 'Test User',
    password_hash: password === null ? null : await hashPassword(password),
    totp_secret: overrides.totpSecret ?? null,
    totp_enabled: Boolean(overrides.totpSecret),
  });
  for (const role of roles) await grantRole(db, user.id, role);
  return user;
}

/** A session cookie for the user, past the second factor. */
export async function sessionCookie(db: Db, userId: string, secondFactorDone = true): Promise<string> {
  const token = await startSession(db, userId, secondFactorDone);
  return `rumbo_session=${token}`;
}

/** Cookies from a response's set-cookie headers, as one Cookie header value (name=value; …). */
export function cookiesFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * A CSRF token and the cookie it belongs to, read from a page with a form (the sign-in page by default; a signed-in
 * viewer is sent on from it to the account page, which has the sign-out form).
 */
export async function csrfFor(
  app: FastifyInstance,
  cookie = '',
  url = '/es/login',
): Promise<{ token: string; cookie: string }> {
  const get = (path: string) => app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
  let response = await get(url);
  const location = response.headers.location;
  if (response.statusCode === 303 && typeof location === 'string' && location.startsWith('/')) {
    response = await get(location);
  }
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  if (!token) throw new Error(`no CSRF field on ${url} (status ${response.statusCode})`);
  const fresh = cookiesFrom(response);
  return { token, cookie: [cookie, fresh].filter(Boolean).join('; ') };
}

/**
 * A poster of forms with a fresh CSRF token (read from `csrfFrom`, the sign-in page by default), each request from
 * its own address under `ipPrefix` so per-address rate limits stay out of the way.
 */
export function formPoster(app: FastifyInstance, ipPrefix: string) {
  let counter = 0;
  return async (url: string, fields: Record<string, string>, cookie = '', csrfFrom = '/es/login') => {
    const csrf = await csrfFor(app, cookie, csrfFrom);
    return app.inject({
      method: 'POST',
      url,
      remoteAddress: `${ipPrefix}.${++counter}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
    });
  };
}

export async function outbox(db: Db, to?: string) {
  let query = db.query.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'asc');
  if (to) query = query.where('to_address', '=', to);
  return query.execute();
}

/** The first link in a message whose path contains `fragment`. */
export function linkIn(text: string, fragment: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(fragment));
  if (!link) throw new Error(`no link containing ${fragment} in:\n${text}`);
  return link;
}
