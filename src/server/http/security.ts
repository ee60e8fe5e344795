// Cookies, CSRF protection for every form, rate limits, and the signed-in viewer of a request.
// Every state-changing request (anything but GET/HEAD/OPTIONS) must carry the CSRF token that the page with the
// form was rendered with (a hidden `_csrf` field or an `x-csrf-token` header): double-submit against a
// SameSite=Strict, HttpOnly cookie.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { Db } from '../db/db.js';
import { AppError } from './errors.js';
import type { Viewer } from '../features/accounts/policy.js';
import { SESSION_COOKIE, SESSION_IDLE_MS, viewerFromToken } from '../features/accounts/sessions.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, read from the session cookie on first use (null when anonymous). */
    viewer(): Promise<Viewer | null>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  /** Send cookies only over HTTPS (true when PUBLIC_URL is https). */
  secureCookies: boolean;
}

export async function registerSecurity(app: FastifyInstance, db: Db, options: SecurityOptions): Promise<void> {
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'rumbo_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: options.secureCookies },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return new AppError('RATE_LIMITED', { seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) });
    },
  });

  const cache = new WeakMap<FastifyRequest, Promise<Viewer | null>>();
  app.decorateRequest('viewer', function (this: FastifyRequest) {
    let found = cache.get(this);
    if (!found) {
      found = viewerFromToken(db, this.cookies[SESSION_COOKIE]);
      cache.set(this, found);
    }
    return found;
  });

  // preValidation: after the body is parsed, before its schema is checked or any handler runs.
  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A token for the hidden `_csrf` field of a form rendered into this reply. */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
