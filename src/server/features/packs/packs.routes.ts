// API: /api/v1/packs (country packs for offline use).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { apiLocale } from '../../http/api-locale.js';
import { getPackSchema, listPacksSchema } from './packs.schema.js';
import { buildCountryPack, listCountryPacks } from './packs.service.js';

const CACHE_CONTROL = 'public, max-age=300';

export function packsApiRoutes(db: Db, freshness: FreshnessSettings = DEFAULT_FRESHNESS): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/packs', { schema: listPacksSchema }, async (request, reply) => {
      const items = await listCountryPacks(db, apiLocale(request), freshness);
      reply.header('cache-control', CACHE_CONTROL).header('vary', 'accept-language');
      return { items };
    });

    app.get('/api/v1/packs/:country', { schema: getPackSchema }, async (request, reply) => {
      const { since } = request.query;
      const pack = await buildCountryPack(db, request.params.country, apiLocale(request), {
        freshness,
        ...(since !== undefined ? { since } : {}),
      });
      const etag = `"${pack.hash}"`;
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'accept-language');
      const match = request.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return reply.code(304).send(null);
      }
      // The pack is prebuilt JSON text (CountryPackSchema documents it); a string is sent as it is.
      const raw: FastifyReply = reply;
      return raw.type('application/json; charset=utf-8').send(pack.body);
    });
  };
}
