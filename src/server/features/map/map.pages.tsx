// Page: /{locale}/map — the map island over the filtered list of services (the list is the page without
// JavaScript, and the accessible alternative to the map).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { loadConfig } from '../../config/config.js';
import { PageQuery, pageWindow } from '../../http/pagination.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPage } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import { browseServices } from '../services/services.service.js';
import { mapAssets } from './map.assets.js';
import { MapFilterQuery } from './map.schema.js';
import { MapPage } from './map.view.js';

export function mapPageRoutes(
  db: Db,
  facts: () => Promise<SiteFacts>,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): FastifyPluginAsyncTypebox {
  const styleUrl = loadConfig().MAP_STYLE_URL;
  return async (app) => {
    app.get(
      '/:locale/map',
      {
        preValidation: dropEmptyQueryValues,
        schema: {
          params: Type.Object({ locale: Type.String() }),
          querystring: Type.Object({ ...PageQuery, ...MapFilterQuery }),
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { page, per_page, ...filters } = request.query;
        const normalized = { ...filters, country: filters.country?.toUpperCase() };
        const [site, result] = await Promise.all([
          facts(),
          browseServices(db, normalized, pageWindow(request.query), freshness),
        ]);
        const ctx = pageContext(request, locale, site.demo);
        return sendPage(
          reply,
          <MapPage
            ctx={ctx}
            facts={site}
            filters={normalized}
            page={page}
            perPage={per_page}
            island={ctx.lite ? null : mapAssets()}
            styleUrl={styleUrl}
            {...result}
          />,
        );
      },
    );
  };
}

/** Origins the CSP must allow for the map: the operator's style host when MAP_STYLE_URL is absolute. */
export function mapStyleOrigins(): string[] {
  const styleUrl = loadConfig().MAP_STYLE_URL;
  return styleUrl?.startsWith('https://') ? [new URL(styleUrl).origin] : [];
}
