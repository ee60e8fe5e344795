// Assembles the HTTP application explicitly: plugins, error handling, then every feature's routes.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import { constants as zlib } from 'node:zlib';
import type { Db } from '../db/db.js';
import { registerErrorHandling } from './error-handler.js';
import { registerAssets } from './assets.js';
import { registerPublicOrigin } from './public-origin.js';
import { registerSecurity } from './security.js';
import { csrfTokenRoutes } from './csrf.routes.js';
import { DEFAULT_FRESHNESS, type AppContext, type FreshnessSettings } from './app-context.js';
import { createMailer, type Mailer } from '../features/mail/mail.service.js';
import { healthRoutes } from '../features/health/health.routes.js';
import { servicesApiRoutes } from '../features/services/services.routes.js';
import { servicesPageRoutes } from '../features/services/services.pages.js';
import { organizationsApiRoutes } from '../features/organizations/organizations.routes.js';
import { organizationsPageRoutes } from '../features/organizations/organizations.pages.js';
import { locationsApiRoutes } from '../features/locations/locations.routes.js';
import { taxonomyApiRoutes } from '../features/taxonomy/taxonomy.routes.js';
import { hsdsApiRoutes } from '../features/hsds/hsds.routes.js';
import { homePageRoutes } from '../features/home/home.pages.js';
import { newsApiRoutes } from '../features/news/news.routes.js';
import { newsPageRoutes } from '../features/news/news.pages.js';
import { apiDocsRoutes } from '../features/api-docs/api-docs.routes.js';
import { openApiInfo } from '../features/api-docs/openapi-info.js';
import { siteFacts } from '../features/site/site.service.js';
import { searchApiRoutes } from '../features/search/search.routes.js';
import { mapApiRoutes } from '../features/map/map.routes.js';
import { mapPageRoutes, mapStyleOrigins } from '../features/map/map.pages.js';
import { offlineRoutes } from '../features/offline/offline.routes.js';
import { offlinePageRoutes } from '../features/offline/offline.pages.js';
import { accountsFeature } from '../features/accounts/accounts.plugin.js';
import { submissionPageRoutes } from '../features/submissions/submissions.pages.js';
import { newsAdminPageRoutes } from '../features/news/news-admin.pages.js';
import { freshnessPageRoutes } from '../features/freshness/freshness.pages.js';
import { moderationFeature } from '../features/moderation/moderation.plugin.js';
import { hubDashboardsFeature } from '../features/hub-dashboards/hub-dashboards.pages.js';
import { hubExchangeFeature } from '../features/hub-reports/exchange/exchange.plugin.js';
import { hubReportsFeature } from '../features/hub-reports/hub-reports.plugin.js';
import { printFeature } from '../features/print/print.pages.js';
import { settingsFeature } from '../features/settings/settings.pages.js';
import { packsApiRoutes } from '../features/packs/packs.routes.js';
import { countriesPageRoutes } from '../features/countries/countries.pages.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteSummary[];
  }
}

export interface RouteSummary {
  method: string;
  url: string;
}

export interface AppOptions {
  db: Db;
  /** A pino logger (see main.ts); none in tests. */
  logger?: FastifyBaseLogger;
  /** Trust X-Forwarded-* headers (only behind a reverse proxy). */
  trustProxy?: boolean;
  /** Public base URL for absolute links (PUBLIC_URL); else taken from each request. */
  publicUrl?: string | undefined;
  /** Outgoing mail; by default everything stays in the outbox (no SMTP). */
  mailer?: Mailer;
  freshness?: FreshnessSettings;
  /** Where the nightly job keeps the bulk open-data downloads (DATA_DIR/downloads); none: streamed live. */
  downloadsDir?: string;
}

export async function buildApp({
  db,
  logger,
  trustProxy = false,
  publicUrl,
  mailer = createMailer(null),
  freshness = DEFAULT_FRESHNESS,
  downloadsDir,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: 256 * 1024,
    trustProxy,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // The map island fetches its clusters and basemap here, or from an operator's MAP_STYLE_URL host.
        connectSrc: ["'self'", ...mapStyleOrigins()],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(etag);
  await app.register(formbody);
  await app.register(swagger, { openapi: openApiInfo, hideUntagged: true });

  // Every route the app serves, for the authorization-matrix test (a new mutating route without an entry fails it).
  const routeTable: RouteSummary[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  const secureCookies = publicUrl?.startsWith('https://') ?? false;
  await registerSecurity(app, db, { secureCookies });
  registerPublicOrigin(app, publicUrl);
  registerErrorHandling(app);
  registerAssets(app);

  await app.register(healthRoutes(db));
  await app.register(servicesApiRoutes(db, freshness));
  await app.register(organizationsApiRoutes(db));
  await app.register(locationsApiRoutes(db));
  await app.register(taxonomyApiRoutes(db));
  await app.register(hsdsApiRoutes(db, downloadsDir ? { downloadsDir } : {}));
  await app.register(newsApiRoutes(db));
  await app.register(searchApiRoutes(db, freshness));
  await app.register(mapApiRoutes(db, undefined, freshness));
  await app.register(apiDocsRoutes());
  await app.register(csrfTokenRoutes());
  const facts = siteFacts(db);
  const context: AppContext = { db, mailer, facts, secureCookies, freshness };
  // Lite mode (settings page; Vary: Save-Data, Cookie on every page): before the pages it covers.
  await app.register(settingsFeature(context));
  // issue 4 features register here
  await app.register(moderationFeature(context));
  await app.register(submissionPageRoutes(context));
  await app.register(freshnessPageRoutes(context));
  await app.register(newsAdminPageRoutes(context));
  await app.register(accountsFeature(context));
  // issue 6 features register here (one line each: entry and review, dashboards, exchange)
  await app.register(hubDashboardsFeature(context));
  await app.register(hubExchangeFeature(context));
  await app.register(hubReportsFeature(context));
  await app.register(homePageRoutes(facts));
  await app.register(servicesPageRoutes(db, facts, freshness));
  await app.register(organizationsPageRoutes(db, facts, freshness));
  await app.register(newsPageRoutes(db, facts));
  await app.register(mapPageRoutes(db, facts, freshness));
  await app.register(offlineRoutes());
  await app.register(offlinePageRoutes(facts));
  await app.register(printFeature(context));
  await app.register(packsApiRoutes(db, freshness));
  await app.register(countriesPageRoutes(context));
  return app;
}
