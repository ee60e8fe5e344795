// Pages: /{locale}/services (list with filters) and /{locale}/services/{id}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { IdParams } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { PageQuery, pageWindow } from '../../http/pagination.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPage } from '../../ui/page.js';
import { isPastLastPage } from '../../ui/pagination.view.js';
import type { SiteFacts } from '../site/site.service.js';
import { ServiceFilterQuery } from './services.schema.js';
import { browseServices, getService } from './services.service.js';
import { ServiceListPage } from './services.view.js';
import { ServiceDetailPage } from './service-detail.view.js';
import { SearchFilterQuery } from '../search/search.schema.js';
import { isSearch, searchInput } from '../search/search-params.js';
import { searchServices } from '../search/search.service.js';

const LocaleParams = Type.Object({ locale: Type.String() });
const { q, place, near, radius_km } = SearchFilterQuery;
const PageSearchQuery = { q, place, near, radius_km };

export function servicesPageRoutes(
  db: Db,
  facts: () => Promise<SiteFacts>,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/services',
      {
        preValidation: dropEmptyQueryValues,
        schema: {
          params: LocaleParams,
          querystring: Type.Object({ ...PageQuery, ...ServiceFilterQuery, ...PageSearchQuery }),
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { page, per_page, ...filters } = request.query;
        const normalized = { ...filters, country: filters.country?.toUpperCase() };
        const window = pageWindow(request.query);
        // Words, a place or a point make it a search (ranked, with distances); otherwise a plain browse.
        const listing = isSearch(normalized)
          ? searchServices(
              db,
              searchInput({ ...normalized, place: normalized.place ?? normalized.city }),
              window,
              freshness,
            ).then((found) => ({ ...found, search: found }))
          : browseServices(db, normalized, window, freshness).then((browsed) => ({ ...browsed, search: undefined }));
        const [site, result] = await Promise.all([facts(), listing]);
        const ctx = pageContext(request, locale, site.demo);
        const { search } = result;
        // A page past the last one does not exist: 404, with a page that says so and links to the last one.
        if (isPastLastPage(page, per_page, result.total, result.items.length)) reply.status(404);
        return sendPage(
          reply,
          <ServiceListPage
            ctx={ctx}
            facts={site}
            filters={normalized}
            page={page}
            perPage={per_page}
            items={result.items}
            total={result.total}
            search={search}
          />,
        );
      },
    );

    app.get(
      '/:locale/services/:id',
      { schema: { params: Type.Object({ ...LocaleParams.properties, ...IdParams.properties }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const [site, service] = await Promise.all([facts(), getService(db, request.params.id, freshness)]);
        if (!service) throw notFound();
        return sendPage(
          reply,
          <ServiceDetailPage
            ctx={pageContext(request, locale, site.demo)}
            facts={site}
            service={service}
            origin={publicOrigin(request)}
          />,
        );
      },
    );
  };
}
