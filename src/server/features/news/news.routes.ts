// API: /api/v1/news
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { apiLocale } from '../../http/api-locale.js';
import { notFound } from '../../http/errors.js';
import { pageWindow } from '../../http/pagination.js';
import { presentNewsItem, presentNewsItemDetail } from './news.presenter.js';
import { getNewsSchema, listNewsSchema } from './news.schema.js';
import { browseNews, getNewsItem } from './news.service.js';

export function newsApiRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/news', { schema: listNewsSchema }, async (request) => {
      const { query } = request;
      const locale = apiLocale(request);
      const { items, total } = await browseNews(db, query, pageWindow(query));
      return { items: items.map((n) => presentNewsItem(n, locale)), total, page: query.page, per_page: query.per_page };
    });

    app.get('/api/v1/news/:slug', { schema: getNewsSchema }, async (request) => {
      const item = await getNewsItem(db, request.params.slug);
      if (!item) throw notFound();
      return presentNewsItemDetail(item, apiLocale(request));
    });
  };
}
