// Pages: /{locale}/countries (every country with published services) and /{locale}/countries/{cc} (one country:
// needs, cities, links, "Save for offline"). Public and cacheable like the list pages.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { notFound } from '../../http/errors.js';
import { pageContext, pageLocale, sendPage } from '../../ui/page.js';
import { countryOverview, publishedCountries } from './countries.service.js';
import { CountryListPage, CountryPage } from './countries.view.js';

export function countriesPageRoutes(context: AppContext): FastifyPluginAsyncTypebox {
  const { db, facts, freshness } = context;
  return async (app) => {
    app.get(
      '/:locale/countries',
      { schema: { params: Type.Object({ locale: Type.String() }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const [site, countries] = await Promise.all([facts(), publishedCountries(db, freshness)]);
        return sendPage(reply, <CountryListPage ctx={pageContext(request, locale, site.demo)} countries={countries} />);
      },
    );

    app.get(
      '/:locale/countries/:cc',
      { schema: { params: Type.Object({ locale: Type.String(), cc: Type.String() }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const [site, overview] = await Promise.all([facts(), countryOverview(db, request.params.cc, freshness)]);
        if (!overview) throw notFound();
        return sendPage(reply, <CountryPage ctx={pageContext(request, locale, site.demo)} overview={overview} />);
      },
    );
  };
}
