// Pages: /{locale}/news, /{locale}/news/{slug}; feeds /{locale}/news/feed.{atom,rss,json}; /sitemap.xml.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { publicOrigin } from '../../http/public-origin.js';
import { renderToString } from 'preact-render-to-string';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { notFound } from '../../http/errors.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import { renderPage } from '../../ui/render.js';
import { dropEmptyQueryValues, pageContext, pageLocale, withQuery } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { FEED_TYPES, renderFeed, type FeedKind } from './news-feeds.service.js';
import { newsFacets, publishedNewsSlugs } from './news.repository.js';
import { NewsFilterQuery, NewsSlugParams } from './news.schema.js';
import { browseNews, getNewsItem } from './news.service.js';
import { NEWS_PER_PAGE, NewsItemPage, NewsListPage } from './news.view.js';
import type { VNode } from 'preact';

const LocaleParams = Type.Object({ locale: Type.String() });
const FEED_SIZE = 50;

/** Sends a page with <link rel="alternate"> tags for its feeds added to the head (the shared Layout has none). */
function sendNewsPage(reply: FastifyReply, page: VNode, feedPath: string, query: Record<string, string | undefined>) {
  const links = renderToString(
    <>
      <link rel="alternate" type="application/atom+xml" title="Atom" href={withQuery(`${feedPath}.atom`, query)} />
      <link rel="alternate" type="application/rss+xml" title="RSS" href={withQuery(`${feedPath}.rss`, query)} />
      <link
        rel="alternate"
        type="application/feed+json"
        title="JSON Feed"
        href={withQuery(`${feedPath}.json`, query)}
      />
    </>,
  );
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'accept-encoding')
    .send(renderPage(page).replace('</head>', `${links}</head>`));
}

export function newsPageRoutes(db: Db, facts: () => Promise<SiteFacts>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/:locale/news',
      {
        preValidation: dropEmptyQueryValues,
        schema: {
          params: LocaleParams,
          querystring: Type.Object({
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            ...NewsFilterQuery,
          }),
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { page, ...rest } = request.query;
        const filters = { ...rest, country: rest.country?.toUpperCase() };
        const window = { limit: NEWS_PER_PAGE, offset: (page - 1) * NEWS_PER_PAGE };
        const [site, facets, result] = await Promise.all([facts(), newsFacets(db), browseNews(db, filters, window)]);
        const ctx = pageContext(request, locale, site.demo);
        const feedQuery = { country: filters.country, topic: filters.topic };
        return sendNewsPage(
          reply,
          <NewsListPage ctx={ctx} facets={facets} filters={filters} page={page} {...result} />,
          `/${locale}/news/feed`,
          feedQuery,
        );
      },
    );

    for (const kind of ['atom', 'rss', 'json'] as const satisfies FeedKind[]) {
      app.get(
        `/:locale/news/feed.${kind}`,
        {
          preValidation: dropEmptyQueryValues,
          schema: { params: LocaleParams, querystring: Type.Object(NewsFilterQuery) },
        },
        async (request, reply) => {
          const locale = pageLocale(request.params);
          const filters = { country: request.query.country?.toUpperCase(), topic: request.query.topic };
          const { items } = await browseNews(db, filters, { limit: FEED_SIZE, offset: 0 });
          const body = renderFeed(
            kind,
            { origin: publicOrigin(request), locale, t: translator(locale), filters },
            items,
          );
          return reply.type(FEED_TYPES[kind]).header('cache-control', 'public, max-age=300').send(body);
        },
      );
    }

    app.get(
      '/:locale/news/:slug',
      { schema: { params: Type.Object({ ...LocaleParams.properties, ...NewsSlugParams.properties }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const item = await getNewsItem(db, request.params.slug);
        if (!item) throw notFound();
        const ctx = pageContext(request, locale, (await facts()).demo);
        return sendNewsPage(reply, <NewsItemPage ctx={ctx} item={item} />, `/${locale}/news/feed`, {});
      },
    );

    app.get('/sitemap.xml', async (request, reply) => {
      const base = publicOrigin(request);
      const items = await publishedNewsSlugs(db);
      const urls: { loc: string; lastmod?: string }[] = [];
      for (const locale of LOCALES) {
        urls.push(
          { loc: `${base}/${locale}` },
          { loc: `${base}/${locale}/services` },
          { loc: `${base}/${locale}/news` },
        );
        for (const item of items) {
          urls.push({ loc: `${base}/${locale}/news/${item.slug}`, lastmod: item.updated_at.toISOString() });
        }
      }
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        urls
          .map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`)
          .join('\n') +
        '\n</urlset>\n';
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(xml);
    });
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
