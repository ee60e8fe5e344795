// Pages: / (redirect by Accept-Language) and /{locale} (home).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { negotiateLocale } from '../../i18n/i18n.js';
import { pageContext, pageLocale, sendPage } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { HomePage } from './home.view.js';

export function homePageRoutes(facts: () => Promise<SiteFacts>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/', async (request, reply) =>
      reply
        .header('vary', 'accept-language')
        .header('cache-control', 'no-cache')
        .redirect(`/${negotiateLocale(request.headers['accept-language'])}`, 302),
    );

    app.get('/:locale', { schema: { params: Type.Object({ locale: Type.String() }) } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const site = await facts();
      return sendPage(reply, <HomePage ctx={pageContext(request, locale, site.demo)} facts={site} />);
    });
  };
}
