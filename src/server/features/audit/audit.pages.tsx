// /{locale}/admin/audit/{resourceType}/{id}: the history of a record, for moderators and admins; and its JSON twin
// GET /api/v1/audit/{resourceType}/{id} as HSDS 3.0 metadata objects. Read-only: nothing here writes the log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { isUuid } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { guardPage } from '../accounts/page-guard.js';
import { authorize } from '../accounts/policy.js';
import { toHsdsMetadata } from './audit.presenter.js';
import { listAudit } from './audit.repository.js';
import { AuditApiParams, AuditApiResponse, AuditPageParams } from './audit.schema.js';
import { AuditPage } from './audit.view.js';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;
  return async (app) => {
    app.get(
      '/:locale/admin/audit/:resourceType/:id',
      { schema: { params: AuditPageParams } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const guard = await guardPage(request, locale, { action: { kind: 'read_audit' } });
        if ('redirect' in guard) return reply.redirect(guard.redirect);
        const { resourceType, id } = request.params;
        if (!isUuid(id)) throw notFound();
        const rows = await listAudit(db, resourceType, id);
        const page = pageContext(request, locale, (await ctx.facts()).demo);
        return sendPrivatePage(reply, <AuditPage ctx={page} resourceType={resourceType} resourceId={id} rows={rows} />);
      },
    );

    app.get(
      '/api/v1/audit/:resourceType/:id',
      {
        schema: {
          summary: 'Change history of a directory record (HSDS metadata)',
          description: 'For moderators and admins (session cookie). Newest first.',
          params: AuditApiParams,
          response: { 200: AuditApiResponse },
        },
      },
      async (request, reply) => {
        authorize(await request.viewer(), { kind: 'read_audit' });
        const { resourceType, id } = request.params;
        if (!isUuid(id)) throw notFound();
        const rows = await listAudit(db, resourceType, id);
        return reply.header('cache-control', 'private, no-store').send({ items: rows.map(toHsdsMetadata) });
      },
    );
  };
}
