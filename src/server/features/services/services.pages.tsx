// Pages: /{locale}/services (list with filters) and /{locale}/services/{id}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { IdParams } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { PageQuery, pageWindow } from '../../http/pagination.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPage } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { ServiceFilterQuery } from './services.schema.js';
import { browseServices, getService } from './services.service.js';
import { ServiceListPage } from './services.view.js';
import { ServiceDetailPage } from './service-detail.view.js';

const LocaleParams = Type.Object({ locale: Type.String() });

export function servicesPageRoutes(db: Db, facts: () => Promise<SiteFacts>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/services',
      {
        preValidation: dropEmptyQueryValues,
        schema: { params: LocaleParams, querystring: Type.Object({ ...PageQuery, ...ServiceFilterQuery }) },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { page, per_page, ...filters } = request.query;
        const normalized = { ...filters, country: filters.country?.toUpperCase() };
        const [site, result] = await Promise.all([facts(), browseServices(db, normalized, pageWindow(request.query))]);
        const ctx = pageContext(request, locale, site.demo);
        return sendPage(
          reply,
          <ServiceListPage ctx={ctx} facts={site} filters={normalized} page={page} perPage={per_page} {...result} />,
        );
      },
    );

    app.get(
      '/:locale/services/:id',
      { schema: { params: Type.Object({ ...LocaleParams.properties, ...IdParams.properties }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const [site, service] = await Promise.all([facts(), getService(db, request.params.id)]);
        if (!service) throw notFound();
        return sendPage(
          reply,
          <ServiceDetailPage ctx={pageContext(request, locale, site.demo)} facts={site} service={service} />,
        );
      },
    );
  };
}
