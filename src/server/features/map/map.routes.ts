// API: /api/v1/map/clusters — what the map island draws; and the offline basemap under /map-data/.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { notFound } from '../../http/errors.js';
import { parseBbox } from './map.bbox.js';
import { basemap, BASEMAP_DETAILS, BASEMAP_VERSION, type BasemapDetail } from './map.basemap.js';
import { ClusterIndexes } from './map.clusters.js';
import { clustersSchema } from './map.schema.js';

/** Versioned URL of the basemap at one level of detail (immutable: the version changes with the data). */
export function basemapUrl(detail: BasemapDetail): string {
  return `/map-data/${BASEMAP_VERSION}/basemap-${detail}.json`;
}

export function mapApiRoutes(
  db: Db,
  given?: ClusterIndexes,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): FastifyPluginAsyncTypebox {
  const indexes = given ?? new ClusterIndexes(db, { freshness });
  return async (app) => {
    app.get('/api/v1/map/clusters', { schema: clustersSchema }, async (request, reply) => {
      const { bbox, zoom, ...filters } = request.query;
      const box = parseBbox(bbox);
      const answer = await indexes.clusters({ ...filters, country: filters.country?.toUpperCase() }, box, zoom);
      reply.header('cache-control', 'public, max-age=60');
      return { type: 'FeatureCollection' as const, ...answer };
    });

    app.get(
      '/map-data/:version/:file',
      { schema: { params: Type.Object({ version: Type.String(), file: Type.String() }) } },
      async (request, reply) => {
        const detail = BASEMAP_DETAILS.find((d) => request.params.file === `basemap-${d}.json`);
        if (!detail || request.params.version !== BASEMAP_VERSION) throw notFound();
        return reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .type('application/geo+json')
          .send(basemap(detail));
      },
    );
  };
}
