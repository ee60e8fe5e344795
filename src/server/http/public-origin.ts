// The absolute origin for links that leave the page (feeds, sitemap, HSDS profile URLs): PUBLIC_URL when the
// operator set it, else what the request says (its Host, and X-Forwarded-* only with TRUST_PROXY).
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: string | null;
  }
}

export function registerPublicOrigin(app: FastifyInstance, publicUrl: string | undefined): void {
  app.decorate('publicUrl', publicUrl ? publicUrl.replace(/\/+$/, '') : null);
}

export function publicOrigin(request: FastifyRequest): string {
  return request.server.publicUrl ?? `${request.protocol}://${request.host}`;
}
