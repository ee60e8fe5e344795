// Pages of the publisher admin: /{locale}/admin/news (every item), /admin/news/new and /admin/news/{id}/edit (the
// form, with a preview that saves nothing), /admin/news/{id}/preview (a stored item as its public page shows it).
// Only publishers and admins; anonymous visitors are sent to sign in; every check comes before reading the form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewsTopic } from '../../db/schema.js';
import type { AppContext } from '../../http/app-context.js';
import { isUuid } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { csrfToken } from '../../http/security.js';
import { translator, type Locale } from '../../i18n/i18n.js';
import { pageContext, pageLocale, sendPrivatePage, dropEmptyQueryValues } from '../../ui/page.js';
import { guardPage } from '../accounts/page-guard.js';
import { listAdminNews } from './news-admin.repository.js';
import {
  EditQuery,
  FormBody,
  ItemParams,
  ListQuery,
  LocaleParams,
  newsFormValues,
  offeredSuggestions,
} from './news-admin.schema.js';
import {
  checkNews,
  emptyFormValues,
  findAdminNewsItem,
  formValuesOf,
  offeredOf,
  previewItem,
  saveNews,
  tagOptions,
} from './news-admin.service.js';
import { ADMIN_NEWS_PER_PAGE, AdminNewsListPage, NewsEditPage, type NewsFormState } from './news-admin.view.js';
import { NewsItemPage } from './news.view.js';
import { searchWords } from './news.service.js';

const PUBLISH = { action: { kind: 'publish_news' } } as const;
const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export function newsAdminPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    state: Omit<NewsFormState, 'offered'>,
    status = 200,
  ) {
    const page = pageContext(request, locale, (await ctx.facts()).demo);
    const full = { ...state, offered: offeredOf(state.tags) };
    return sendPrivatePage(reply, <NewsEditPage ctx={page} csrf={csrfToken(reply)} state={full} />, status);
  }

  async function loadItem(id: string) {
    const item = isUuid(id) ? await findAdminNewsItem(db, id) : undefined;
    if (!item) throw notFound();
    return item;
  }

  /** A posted form: preview it, or save it (create when `id` is null). */
  async function handlePost(request: FastifyRequest, reply: FastifyReply, locale: Locale, id: string | null) {
    const body = request.body as Record<string, unknown>;
    const existing = id ? await loadItem(id) : null;
    const values = newsFormValues(body);
    const offered = offeredSuggestions(body);
    const version = typeof body.version === 'string' ? body.version : '';
    const item = existing ? { id: existing.id, version, slug: existing.slug, status: existing.status } : null;
    const tags = tagOptions(values, existing, offered);
    const check = await checkNews(db, values, existing, offered);
    if (!check.ok) return sendForm(request, reply, locale, { values, item, tags, errors: check.errors }, 400);
    if (body.action === 'preview') {
      return sendForm(request, reply, locale, { values, item, tags, preview: previewItem(check.news, existing) });
    }
    const saved = await saveNews(db, check.news, existing ? { id: existing.id, version } : null);
    if (!saved.ok) return sendForm(request, reply, locale, { values, item, tags, conflict: true }, 409);
    return reply.redirect(`/${locale}/admin/news/${saved.id}/edit?saved=1`, 303);
  }

  return async (app) => {
    app.get(
      '/:locale/admin/news',
      { preValidation: dropEmptyQueryValues, schema: { params: LocaleParams, querystring: ListQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, PUBLISH);
        if ('redirect' in access) return reply.redirect(access.redirect);
        const { page, status, q } = request.query;
        const window = { limit: ADMIN_NEWS_PER_PAGE, offset: (page - 1) * ADMIN_NEWS_PER_PAGE };
        const result = await listAdminNews(db, { status, words: searchWords(q) }, window);
        const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
        return sendPrivatePage(
          reply,
          <AdminNewsListPage ctx={pageCtx} {...result} page={page} query={{ status, q }} />,
        );
      },
    );

    app.get('/:locale/admin/news/new', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale, PUBLISH);
      if ('redirect' in access) return reply.redirect(access.redirect);
      const values = emptyFormValues(new Date().toISOString().slice(0, 10), locale);
      return sendForm(request, reply, locale, { values, item: null, tags: tagOptions(values, null, null) });
    });

    app.post(
      '/:locale/admin/news/new',
      { schema: { params: LocaleParams, body: FormBody }, config: WRITE_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, PUBLISH);
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        return handlePost(request, reply, locale, null);
      },
    );

    app.get(
      '/:locale/admin/news/:id/edit',
      { schema: { params: ItemParams, querystring: EditQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, PUBLISH);
        if ('redirect' in access) return reply.redirect(access.redirect);
        const existing = await loadItem(request.params.id);
        const values = formValuesOf(existing);
        return sendForm(request, reply, locale, {
          values,
          item: { id: existing.id, version: existing.version, slug: existing.slug, status: existing.status },
          tags: tagOptions(values, existing, null),
          notice: request.query.saved === '1' ? translator(locale)('newsadmin.form.saved') : undefined,
        });
      },
    );

    app.post(
      '/:locale/admin/news/:id/edit',
      { schema: { params: ItemParams, body: FormBody }, config: WRITE_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, PUBLISH);
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        return handlePost(request, reply, locale, request.params.id);
      },
    );

    app.get('/:locale/admin/news/:id/preview', { schema: { params: ItemParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale, PUBLISH);
      if ('redirect' in access) return reply.redirect(access.redirect);
      const existing = await loadItem(request.params.id);
      const code = (tags: { code: string }[]) => tags.map((t) => t.code);
      const item = {
        ...existing,
        countries: code(existing.tags.countries),
        topics: code(existing.tags.topics) as NewsTopic[],
        organizations: code(existing.tags.organizations),
      };
      const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
      return sendPrivatePage(reply, <NewsItemPage ctx={pageCtx} item={item} />);
    });
  };
}
