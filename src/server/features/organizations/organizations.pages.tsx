// Pages: /{locale}/organizations/{id} and /{locale}/diaspora.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { CountryCode, IdParams } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { PageQuery, pageWindow } from '../../http/pagination.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPage } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { browseServices } from '../services/services.service.js';
import { diasporaCountries } from './organizations.repository.js';
import { browseOrganizations, getOrganization } from './organizations.service.js';
import { DiasporaPage, OrganizationPage } from './organizations.view.js';

const LocaleParams = Type.Object({ locale: Type.String() });

export function organizationsPageRoutes(
  db: Db,
  facts: () => Promise<SiteFacts>,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/organizations/:id',
      {
        schema: {
          params: Type.Object({ ...LocaleParams.properties, ...IdParams.properties }),
          querystring: Type.Object(PageQuery),
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const organization = await getOrganization(db, request.params.id);
        if (!organization) throw notFound();
        const [site, services] = await Promise.all([
          facts(),
          browseServices(db, { organizationId: organization.id }, pageWindow(request.query), freshness),
        ]);
        const ctx = pageContext(request, locale, site.demo);
        return sendPage(
          reply,
          <OrganizationPage
            ctx={ctx}
            facts={site}
            organization={organization}
            services={services.items}
            servicesTotal={services.total}
            page={request.query.page}
            perPage={request.query.per_page}
          />,
        );
      },
    );

    app.get(
      '/:locale/diaspora',
      {
        preValidation: dropEmptyQueryValues,
        schema: {
          params: LocaleParams,
          querystring: Type.Object({
            ...PageQuery,
            origin: Type.Optional(CountryCode),
            residence: Type.Optional(CountryCode),
          }),
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { page, per_page } = request.query;
        const filters = {
          origin: request.query.origin?.toUpperCase(),
          residence: request.query.residence?.toUpperCase(),
        };
        const [site, countries, result] = await Promise.all([
          facts(),
          diasporaCountries(db),
          browseOrganizations(db, { ...filters, kind: 'diaspora' }, pageWindow(request.query)),
        ]);
        const ctx = pageContext(request, locale, site.demo);
        return sendPage(
          reply,
          <DiasporaPage ctx={ctx} countries={countries} filters={filters} page={page} perPage={per_page} {...result} />,
        );
      },
    );
  };
}
