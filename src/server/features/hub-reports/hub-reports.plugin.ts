// Hub report entry and review in one registration: the reporters' pages (/hub/reports) and the moderators' and
// admins' pages (/admin/hub-reports). Dashboards and exchange register on their own.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { reportEntryRoutes } from './report-entry.pages.js';
import { reportReviewRoutes } from './report-review.pages.js';

export function hubReportsFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(reportEntryRoutes(ctx));
    await app.register(reportReviewRoutes(ctx));
  };
}
