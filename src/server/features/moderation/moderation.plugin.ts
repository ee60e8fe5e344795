// Everything of moderation in one registration: the queue and decision pages, and the audit history (page and API).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { auditRoutes } from '../audit/audit.pages.js';
import { moderationPageRoutes } from './moderation.pages.js';

export function moderationFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(moderationPageRoutes(ctx));
    await app.register(auditRoutes(ctx));
  };
}
