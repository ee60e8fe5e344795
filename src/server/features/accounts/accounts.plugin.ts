// Everything of accounts in one registration: sign-in pages, the account pages, and the admin pages.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { adminPageRoutes } from '../admin/admin.pages.js';
import { accountPageRoutes } from './account.pages.js';
import { loginPageRoutes } from './login.pages.js';

export function accountsFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(loginPageRoutes(ctx));
    await app.register(accountPageRoutes(ctx));
    await app.register(adminPageRoutes(ctx));
  };
}
