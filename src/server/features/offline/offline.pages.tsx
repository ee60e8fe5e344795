// Page: /{locale}/offline — what is saved on this device; the service worker's answer to any page it does not keep.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pageContext, pageLocale, sendPage } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { OfflinePage } from './offline.view.js';

export function offlinePageRoutes(facts: () => Promise<SiteFacts>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/offline',
      { schema: { params: Type.Object({ locale: Type.String() }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const site = await facts();
        return sendPage(reply, <OfflinePage ctx={pageContext(request, locale, site.demo)} />);
      },
    );
  };
}
