// /api/openapi.json (generated from the route schemas) and /api/docs (the same, as a plain readable page:
// no script, no third-party assets, light on a slow connection).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { translator } from '../../i18n/i18n.js';
import { apiLocale } from '../../http/api-locale.js';
import { sendPage } from '../../ui/page.js';
import { ApiDocsPage, type OpenApiDocument } from './api-docs.view.js';

export function apiDocsRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/openapi.json', async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(app.swagger()),
    );

    app.get('/api/docs', async (request, reply) => {
      const locale = apiLocale(request);
      const ctx = { locale, t: translator(locale), pathInLocale: '', demo: false };
      return sendPage(reply, <ApiDocsPage ctx={ctx} spec={app.swagger() as unknown as OpenApiDocument} />);
    });
  };
}
