// Everything of the hub reports exchange in one registration: the export API and the admin's import page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../http/app-context.js';
import { exchangeApiRoutes } from './exchange.routes.js';
import { importPageRoutes } from './import.pages.js';

export function hubExchangeFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(exchangeApiRoutes(ctx.db));
    await app.register(importPageRoutes(ctx));
  };
}
