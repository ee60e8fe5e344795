// Pages: /{locale}/hub/reports (the viewer's hubs and their recent months) and /hub/reports/{orgUnitId}/{YYYY-MM}
// (one month's form: save a draft, or submit through the checks). Only the hub's reporters (and admins) get in;
// the check comes before the form is read.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/app-context.js';
import { AppError, notFound } from '../../http/errors.js';
import { fieldValue } from '../../http/form.js';
import { csrfToken } from '../../http/security.js';
import type { Locale } from '../../i18n/i18n.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { guardPage } from '../accounts/page-guard.js';
import { claimClientKey, ClientKeyUsed, priorOutcome, readClientKey } from '../submissions/client-keys.service.js';
import { can } from '../accounts/policy.js';
import { reportStatuses } from './hub-reports.repository.js';
import {
  assertEditable,
  checkFigures,
  findHub,
  hubsOfViewer,
  loadReportState,
  recentMonths,
  reportableMonth,
  saveReport,
  type Hub,
} from './hub-reports.service.js';
import { monthToIso } from './periods.js';
import { blockingFailures, cellKey, readCells } from './report-validation.js';
import { EntryQuery, FormBody, HubMonthParams, HubParams, LocaleParams, MonthQuery } from './report-entry.schema.js';
import { EntryPage, HubListPage, type EntryPageProps } from './report-entry.view.js';

const RECENT_MONTHS = 12;
const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export function reportEntryRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  /** A signed-in viewer who reports for this hub (admins: any hub); null when sent to sign in. */
  async function hubAccess(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    orgUnitId: string,
    status: 302 | 303,
  ) {
    const guard = await guardPage(request, locale);
    if ('redirect' in guard) {
      await reply.redirect(guard.redirect, status);
      return null;
    }
    const hub = await findHub(db, orgUnitId);
    if (!hub) throw notFound();
    if (!can(guard.viewer, { kind: 'report_hub', hubLocationId: hub.locationId })) throw new AppError('FORBIDDEN');
    return { viewer: guard.viewer, hub };
  }

  async function sendEntry(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    props: Omit<EntryPageProps, 'ctx' | 'csrf'>,
    status = 200,
  ) {
    const page = pageContext(request, locale, (await ctx.facts()).demo);
    return sendPrivatePage(reply, <EntryPage ctx={page} csrf={csrfToken(reply)} {...props} />, status);
  }

  const monthPath = (locale: Locale, hub: Hub, period: string) =>
    `/${locale}/hub/reports/${hub.id}/${monthToIso(period)}`;

  return async (app) => {
    app.get('/:locale/hub/reports', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const guard = await guardPage(request, locale);
      if ('redirect' in guard) return reply.redirect(guard.redirect);
      const months = recentMonths(RECENT_MONTHS);
      const hubs = await Promise.all(
        (await hubsOfViewer(db, guard.viewer)).map(async (hub) => {
          const statuses = await reportStatuses(db.query, hub.id, months);
          return { hub, months: months.map((period) => ({ period, status: statuses.get(period) ?? null })) };
        }),
      );
      const page = pageContext(request, locale, (await ctx.facts()).demo);
      return sendPrivatePage(reply, <HubListPage ctx={page} hubs={hubs} />);
    });

    // The "another month" form of the list: a plain GET that lands on the month's own address.
    app.get(
      '/:locale/hub/reports/:orgUnitId',
      { preValidation: dropEmptyQueryValues, schema: { params: HubParams, querystring: MonthQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await hubAccess(request, reply, locale, request.params.orgUnitId, 302);
        if (!access) return reply;
        if (!request.query.month) return reply.redirect(`/${locale}/hub/reports`, 303);
        return reply.redirect(monthPath(locale, access.hub, reportableMonth(request.query.month)), 303);
      },
    );

    app.get(
      '/:locale/hub/reports/:orgUnitId/:month',
      { schema: { params: HubMonthParams, querystring: EntryQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await hubAccess(request, reply, locale, request.params.orgUnitId, 302);
        if (!access) return reply;
        const period = reportableMonth(request.params.month);
        const state = await loadReportState(db, access.hub, period);
        return sendEntry(request, reply, locale, { state, done: request.query.done });
      },
    );

    app.post(
      '/:locale/hub/reports/:orgUnitId/:month',
      { schema: { params: HubMonthParams, body: FormBody }, config: WRITE_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await hubAccess(request, reply, locale, request.params.orgUnitId, 303);
        if (!access) return reply;
        const { viewer, hub } = access;
        const key = readClientKey(request);
        const period = reportableMonth(request.params.month);
        const body = request.body as Record<string, unknown>;
        const state = await loadReportState(db, hub, period);
        // The same form sent again (e.g. replayed from a device's outbox): where the first post led, nothing written.
        // Asked after the report is read, so a first post that committed in between is seen here, not as a conflict.
        const prior = await priorOutcome(db, key);
        if (prior) return reply.redirect(prior, 303);
        assertEditable(state.report);
        const version = Number(fieldValue(body, 'version') || NaN);
        if (!Number.isInteger(version) || version !== (state.report?.version ?? 0)) {
          return sendEntry(request, reply, locale, { state, problems: { stale: true } }, 409);
        }
        const cells = readCells(state.metadata, body);
        if (cells.unknown.length > 0) throw new AppError('HUB_REPORT_UNKNOWN_FIELD', { field: cells.unknown[0]! });
        const attempt = fieldValue(body, 'action') === 'submit' ? 'submit' : 'save';
        const checks = await checkFigures(db, hub, period, cells.values);
        const refused = (problems: EntryPageProps['problems']) =>
          sendEntry(request, reply, locale, { state, typed: cells.typed, problems, ...checks }, 400);
        if (cells.errors.size > 0) return refused({ attempt, valueErrors: cells.errors });
        let submit: { outliersConfirmed: boolean } | null = null;
        if (attempt === 'submit') {
          const total = state.metadata.dataElements[0]!;
          const totalMissing = !cells.values.has(cellKey(total.id, total.cocs[0]!.id));
          const blocking = blockingFailures(checks.results);
          const confirmed = fieldValue(body, 'outliers_confirmed') === '1';
          const confirmRequired = checks.outliers.length > 0 && !confirmed;
          if (totalMissing || blocking.length > 0 || confirmRequired) {
            return refused({ attempt, blocking, totalMissing, confirmRequired });
          }
          submit = { outliersConfirmed: checks.outliers.length > 0 };
        }
        const done = attempt === 'submit' ? 'submitted' : 'saved';
        const target = `${monthPath(locale, hub, period)}?done=${done}`;
        // The key is claimed in the save's transaction: a second post of the same form (even at the same moment)
        // writes nothing and lands where the first did.
        const claim = key ? (trx: Kysely<Database>) => claimClientKey(trx, key, 'hub_report', target) : undefined;
        let outcome: Awaited<ReturnType<typeof saveReport>>;
        try {
          outcome = await saveReport(db, { hub, period, viewer, version, values: cells.values, submit, claim });
        } catch (error) {
          if (error instanceof ClientKeyUsed) return reply.redirect(error.target, 303);
          throw error;
        }
        if (outcome.kind === 'stale') {
          const first = await priorOutcome(db, key);
          if (first) return reply.redirect(first, 303);
          const fresh = await loadReportState(db, hub, period);
          return sendEntry(request, reply, locale, { state: fresh, problems: { stale: true } }, 409);
        }
        return reply.redirect(target, 303);
      },
    );
  };
}
