// API: /api/v1/services
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { notFound } from '../../http/errors.js';
import { pageWindow } from '../../http/pagination.js';
import { apiLocale } from '../../http/api-locale.js';
import { browseServices, getService } from './services.service.js';
import { presentService, presentServiceSummary } from './services.presenter.js';
import { getServiceSchema, listServicesSchema } from './services.schema.js';

export function servicesApiRoutes(db: Db, freshness: FreshnessSettings = DEFAULT_FRESHNESS): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/services', { schema: listServicesSchema }, async (request) => {
      const { query } = request;
      const locale = apiLocale(request);
      const filters = { ...query, organizationId: query.organization_id };
      const { items, total } = await browseServices(db, filters, pageWindow(query), freshness);
      return {
        items: items.map((s) => presentServiceSummary(s, locale)),
        total,
        page: query.page,
        per_page: query.per_page,
      };
    });

    app.get('/api/v1/services/:id', { schema: getServiceSchema }, async (request) => {
      const service = await getService(db, request.params.id, freshness);
      if (!service) throw notFound();
      return presentService(service, apiLocale(request));
    });
  };
}
