// Pages: /{locale}/print/{cc} (the printable directory of a country, ?city= and ?category= to narrow it, ?page=
// for the next part of a large one) and /{locale}/services/{id}/card (one service's printable card).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { notFound } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPage } from '../../ui/page.js';
import { CardParams, PrintParams, PrintQuery } from './print.schema.js';
import { loadPrintDirectory, loadServiceCard } from './print.service.js';
import { PrintDirectoryPage, ServiceCardPage } from './print.view.js';

export function printFeature(context: AppContext): FastifyPluginAsyncTypebox {
  const { db, facts, freshness } = context;
  return async (app) => {
    app.get(
      '/:locale/print/:cc',
      { preValidation: dropEmptyQueryValues, schema: { params: PrintParams, querystring: PrintQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { cc } = request.params;
        if (!/^[A-Za-z]{2}$/.test(cc)) throw notFound();
        const site = await facts();
        const directory = await loadPrintDirectory(
          db,
          site,
          { ...request.query, country: cc, locale, origin: publicOrigin(request) },
          freshness,
        );
        return sendPage(
          reply,
          <PrintDirectoryPage
            ctx={pageContext(request, locale, site.demo)}
            directory={directory}
            printedAt={new Date()}
          />,
        );
      },
    );

    app.get('/:locale/services/:id/card', { schema: { params: CardParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const [site, card] = await Promise.all([
        facts(),
        loadServiceCard(db, request.params.id, locale, publicOrigin(request), freshness),
      ]);
      return sendPage(reply, <ServiceCardPage ctx={pageContext(request, locale, site.demo)} card={card} />);
    });
  };
}
