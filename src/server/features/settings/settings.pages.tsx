// Pages: /{locale}/settings — the lite-mode switch (GET shows it, POST stores the choice in a cookie and goes back
// with a 303). Also marks every HTML response as varying by `Save-Data` and `Cookie`: the page frame (and the map
// and news pages) change with lite mode, so shared caches must not hand one visitor's version to another.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { csrfToken } from '../../http/security.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { LocaleParams, SettingsBody, SettingsQuery, isLiteChoice } from './settings.schema.js';
import { addVary, liteState, setLiteCookie } from './settings.service.js';
import { SettingsPage } from './settings.view.js';

export function settingsFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  const plugin: FastifyPluginAsyncTypebox = async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
        reply.header('vary', addVary(reply.getHeader('vary'), ['Save-Data', 'Cookie']));
      }
      return payload;
    });

    app.get(
      '/:locale/settings',
      { schema: { params: LocaleParams, querystring: SettingsQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const site = await ctx.facts();
        return sendPrivatePage(
          reply,
          <SettingsPage
            ctx={pageContext(request, locale, site.demo)}
            state={liteState(request)}
            csrf={csrfToken(reply)}
            saved={request.query.saved === '1'}
          />,
        );
      },
    );

    // Anyone may choose (no account, nothing stored on the server); the CSRF token is still required.
    app.post('/:locale/settings', { schema: { params: LocaleParams, body: SettingsBody } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const choice = request.body.lite;
      if (!isLiteChoice(choice)) throw new AppError('SETTINGS_LITE_INVALID');
      setLiteCookie(reply, choice, ctx.secureCookies);
      return reply.header('cache-control', 'no-store').redirect(`/${locale}/settings?saved=1`, 303);
    });
  };
  // Not encapsulated, so the Vary hook covers the pages of every feature.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
