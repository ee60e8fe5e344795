// API: /api/v1/taxonomy — the multilingual taxonomy of needs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import { IdParams, isUuid, LocaleParam, Translations } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { ErrorResponse, ListResponse, PageQuery, pageWindow } from '../../http/pagination.js';
import { apiLocale } from '../../http/api-locale.js';
import { pickText } from '../../i18n/i18n.js';
import { findTaxonomyTerm, listTaxonomyTerms, type TaxonomyTermRow } from './taxonomy.repository.js';

const TermSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  parent_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  taxonomy: Type.String(),
  name: Type.String(),
  description: Type.String(),
  translations: Type.Object({ name: Translations, description: Translations }),
});

function presentTerm(term: TaxonomyTermRow, locale: Locale): Static<typeof TermSchema> {
  return {
    id: term.id,
    code: term.code,
    parent_id: term.parent_id,
    taxonomy: term.taxonomy,
    name: pickText(term.name, locale, 'en')?.text ?? term.code,
    description: pickText(term.description, locale, 'en')?.text ?? '',
    translations: { name: term.name, description: term.description },
  };
}

export function taxonomyApiRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/taxonomy',
      {
        schema: {
          tags: ['directory'],
          summary: 'The taxonomy of needs, in every locale.',
          querystring: Type.Object({ ...PageQuery, locale: Type.Optional(LocaleParam) }),
          response: { 200: ListResponse(TermSchema), 400: ErrorResponse },
        },
      },
      async (request) => {
        const terms = await listTaxonomyTerms(db);
        const { limit, offset } = pageWindow(request.query);
        const locale = apiLocale(request);
        return {
          items: terms.slice(offset, offset + limit).map((t) => presentTerm(t, locale)),
          total: terms.length,
          page: request.query.page,
          per_page: request.query.per_page,
        };
      },
    );

    app.get(
      '/api/v1/taxonomy/:id',
      {
        schema: {
          tags: ['directory'],
          summary: 'One taxonomy term.',
          params: IdParams,
          querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
          response: { 200: TermSchema, 404: ErrorResponse, 400: ErrorResponse },
        },
      },
      async (request) => {
        const term = isUuid(request.params.id) ? await findTaxonomyTerm(db, request.params.id) : undefined;
        if (!term) throw notFound();
        return presentTerm(term, apiLocale(request));
      },
    );
  };
}
