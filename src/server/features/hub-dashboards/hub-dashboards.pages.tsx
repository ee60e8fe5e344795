// Pages: /{locale}/dashboards/hubs (public, suppressed; full figures for roles with read_hub_figures) and one CSV
// per chart, /{locale}/dashboards/hubs/{chart}.csv, with the same filters and the same suppression.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/app-context.js';
import { translator, type Locale } from '../../i18n/i18n.js';
import { dropEmptyQueryValues, pageContext, pageLocale } from '../../ui/page.js';
import { renderPage } from '../../ui/render.js';
import { can } from '../accounts/policy.js';
import { chartCsv, csvFileName } from './hub-dashboards.csv.js';
import { DashboardQuery, LocaleParams } from './hub-dashboards.schema.js';
import { CHARTS, loadDashboard } from './hub-dashboards.service.js';
import { HubDashboardPage } from './hub-dashboards.view.js';

/** Anonymous visitors share one public copy, revalidated on every visit (an approval shows at once); anything a
 *  signed-in viewer gets stays private. */
function cacheHeaders(reply: FastifyReply, signedIn: boolean) {
  return reply
    .header('cache-control', signedIn ? 'private, no-store' : 'public, no-cache')
    .header('vary', 'accept-encoding, cookie');
}

export function hubDashboardsFeature(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  async function dashboardFor(request: FastifyRequest, locale: Locale, query: DashboardQuery) {
    const viewer = await request.viewer();
    const canSeeFull = can(viewer, { kind: 'read_hub_figures' });
    const dashboard = await loadDashboard(db, { ...query, canSeeFull, locale, t: translator(locale) });
    return { viewer, dashboard };
  }

  return async (app) => {
    const options = {
      preValidation: dropEmptyQueryValues,
      schema: { params: LocaleParams, querystring: DashboardQuery },
    };

    app.get('/:locale/dashboards/hubs', options, async (request, reply) => {
      const locale = pageLocale(request.params);
      const { viewer, dashboard } = await dashboardFor(request, locale, request.query);
      const page = pageContext(request, locale, (await ctx.facts()).demo);
      return cacheHeaders(reply, viewer !== null)
        .type('text/html; charset=utf-8')
        .send(renderPage(<HubDashboardPage ctx={page} dashboard={dashboard} />));
    });

    for (const chart of CHARTS) {
      app.get(`/:locale/dashboards/hubs/${chart}.csv`, options, async (request, reply) => {
        const locale = pageLocale(request.params);
        const { viewer, dashboard } = await dashboardFor(request, locale, request.query);
        const name = csvFileName(chart, dashboard.period?.id, dashboard.countryCode);
        return cacheHeaders(reply, viewer !== null)
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(chartCsv(translator(locale), chart, dashboard.charts[chart]));
      });
    }
  };
}
