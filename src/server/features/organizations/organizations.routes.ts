// API: /api/v1/organizations
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { notFound } from '../../http/errors.js';
import { pageWindow } from '../../http/pagination.js';
import { apiLocale } from '../../http/api-locale.js';
import { browseOrganizations, getOrganization } from './organizations.service.js';
import { presentOrganization, presentOrganizationDetail } from './organizations.presenter.js';
import { getOrganizationSchema, listOrganizationsSchema } from './organizations.schema.js';

export function organizationsApiRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/organizations', { schema: listOrganizationsSchema }, async (request) => {
      const { query } = request;
      const locale = apiLocale(request);
      const { items, total } = await browseOrganizations(db, query, pageWindow(query));
      return {
        items: items.map((o) => presentOrganization(o, locale)),
        total,
        page: query.page,
        per_page: query.per_page,
      };
    });

    app.get('/api/v1/organizations/:id', { schema: getOrganizationSchema }, async (request) => {
      const organization = await getOrganization(db, request.params.id);
      if (!organization) throw notFound();
      return presentOrganizationDetail(organization, apiLocale(request));
    });
  };
}
