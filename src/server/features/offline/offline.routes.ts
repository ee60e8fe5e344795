// /sw.js (the service worker with its precache list) and /{locale}/manifest.webmanifest (the installable app, one
// per language so its name, description and start page are in the user's language).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../http/errors.js';
import { assetUrl } from '../../http/assets.js';
import { translator } from '../../i18n/i18n.js';
import { pageLocale } from '../../ui/page.js';
import { serviceWorkerScript } from './precache.js';

export function offlineRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/sw.js', async (_request, reply) => {
      const script = serviceWorkerScript();
      if (!script) throw notFound();
      // Browsers check the worker for updates on navigation; never let a cache answer for it.
      return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
    });

    app.get(
      '/:locale/manifest.webmanifest',
      { schema: { params: Type.Object({ locale: Type.String() }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const t = translator(locale);
        const manifest = {
          id: '/',
          name: t('offline.app.name'),
          short_name: 'Rumbo',
          description: t('site.tagline'),
          lang: locale,
          start_url: `/${locale}`,
          scope: '/',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#0b5d4b',
          icons: [
            { src: assetUrl('icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
            { src: assetUrl('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
            { src: assetUrl('favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
          ],
        };
        return reply
          .type('application/manifest+json; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(JSON.stringify(manifest));
      },
    );
  };
}
