// API: GET /api/v1/search
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { apiLocale } from '../../http/api-locale.js';
import { pageWindow } from '../../http/pagination.js';
import { searchInput } from './search-params.js';
import { presentSearchHit } from './search.presenter.js';
import { searchSchema } from './search.schema.js';
import { searchServices } from './search.service.js';

export function searchApiRoutes(db: Db, freshness: FreshnessSettings = DEFAULT_FRESHNESS): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/search', { schema: searchSchema }, async (request) => {
      const { query } = request;
      const locale = apiLocale(request);
      const result = await searchServices(db, searchInput(query), pageWindow(query), freshness);
      return {
        items: result.items.map((hit) => presentSearchHit(hit, result.terms, locale)),
        total: result.total,
        total_is_lower_bound: result.totalIsLowerBound,
        page: query.page,
        per_page: query.per_page,
        did_you_mean: result.did_you_mean,
        suggestions: result.suggestions,
        place: result.place,
      };
    });
  };
}
