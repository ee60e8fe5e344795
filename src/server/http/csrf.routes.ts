// GET /api/v1/csrf: a fresh CSRF token (and, like any page with a form, the cookie it pairs with), so a form kept
// in a device's outbox can be sent later with a valid token even after the tab that held it was closed. The token
// alone lets nothing happen: every mutating route still authorizes the session and checks its own input.
// Internal to the site's own scripts, so it is not listed in the public API documentation (no tag).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csrfToken } from './security.js';

const TokenResponse = Type.Object({ token: Type.String() });

export function csrfTokenRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/csrf', { schema: { response: { 200: TokenResponse } } }, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: csrfToken(reply) };
    });
  };
}
