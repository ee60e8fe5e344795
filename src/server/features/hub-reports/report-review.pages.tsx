// Pages: /{locale}/admin/hub-reports (the queue: moderators see their countries, admins all) and
// /admin/hub-reports/{id} (one report) with its decisions: approve, return with a comment, and (admins) unlock an
// approved report. Every role check comes before the form is read; a decision names the version it was made on.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/app-context.js';
import { isUuid } from '../../http/common-schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { checkForm, fieldValue } from '../../http/form.js';
import { csrfToken } from '../../http/security.js';
import type { Locale } from '../../i18n/i18n.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { guardPage } from '../accounts/page-guard.js';
import { can, moderatedCountries, type Action, type Viewer } from '../accounts/policy.js';
import { findReportById, listReportQueue, previousReports, type HubReportRow } from './hub-reports.repository.js';
import { approveReport, findHub, loadReportState, returnReport, unlockReport } from './hub-reports.service.js';
import { loadReportMetadata } from './report-metadata.repository.js';
import {
  FormBody,
  LocaleParams,
  QueueQuery,
  ReportParams,
  ReportQuery,
  ReturnForm,
  UnlockForm,
} from './report-entry.schema.js';
import { QUEUE_PER_PAGE, ReviewPage, ReviewQueuePage, type ReviewErrors } from './report-review.view.js';

const REVIEW_ANY: Action = { kind: 'review_hub_reports_any' };
const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const EARLIER_MONTHS = 3;

export function reportReviewRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  /** The viewer may review this report's country (for unlock: is an admin); null when sent to sign in. */
  async function access(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    id: string,
    options: { status: 302 | 303; action?: Action },
  ): Promise<{ viewer: Viewer; report: HubReportRow } | null> {
    const guard = await guardPage(request, locale, { action: options.action ?? REVIEW_ANY });
    if ('redirect' in guard) {
      await reply.redirect(guard.redirect, options.status);
      return null;
    }
    const report = isUuid(id) ? await findReportById(db.query, id) : undefined;
    if (!report) throw notFound();
    if (!can(guard.viewer, { kind: 'review_hub_report', countryCode: report.country_code })) {
      throw new AppError('FORBIDDEN');
    }
    return { viewer: guard.viewer, report };
  }

  async function sendReview(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    allowed: { viewer: Viewer; report: HubReportRow },
    extra: { done?: 'approved' | 'returned' | 'unlocked' | undefined; errors?: ReviewErrors } = {},
    status = 200,
  ) {
    const { viewer, report } = allowed;
    const hub = await findHub(db, report.org_unit_id);
    if (!hub) throw notFound();
    const state = await loadReportState(db, hub, report.period);
    if (!state.report) throw notFound();
    const earlier = await previousReports(db.query, hub.id, report.period, EARLIER_MONTHS);
    const page = pageContext(request, locale, (await ctx.facts()).demo);
    return sendPrivatePage(
      reply,
      <ReviewPage
        ctx={page}
        csrf={csrfToken(reply)}
        state={{ ...state, report: state.report }}
        earlier={earlier}
        canDecide={can(viewer, { kind: 'review_hub_report', countryCode: report.country_code })}
        canUnlock={can(viewer, { kind: 'unlock_hub_report' })}
        done={extra.done}
        errors={extra.errors}
      />,
      status,
    );
  }

  const versionOf = (body: Record<string, unknown>) => {
    const version = Number(fieldValue(body, 'version') || NaN);
    return Number.isInteger(version) ? version : -1;
  };
  const detailPath = (locale: Locale, id: string, done: string) => `/${locale}/admin/hub-reports/${id}?done=${done}`;

  return async (app) => {
    app.get(
      '/:locale/admin/hub-reports',
      { preValidation: dropEmptyQueryValues, schema: { params: LocaleParams, querystring: QueueQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const guard = await guardPage(request, locale, { action: REVIEW_ANY });
        if ('redirect' in guard) return reply.redirect(guard.redirect);
        const { status, page } = request.query;
        const metadata = await loadReportMetadata(db);
        const total = metadata.dataElements[0]!;
        const { entries, total: count } = await listReportQueue(
          db.query,
          {
            status,
            countries: moderatedCountries(guard.viewer),
            totalCell: { dataElementId: total.id, cocId: total.cocs[0]!.id },
          },
          { limit: QUEUE_PER_PAGE, offset: (page - 1) * QUEUE_PER_PAGE },
        );
        const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
        return sendPrivatePage(
          reply,
          <ReviewQueuePage ctx={pageCtx} entries={entries} total={count} status={status} page={page} />,
        );
      },
    );

    app.get(
      '/:locale/admin/hub-reports/:id',
      { schema: { params: ReportParams, querystring: ReportQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const allowed = await access(request, reply, locale, request.params.id, { status: 302 });
        if (!allowed) return reply;
        return sendReview(request, reply, locale, allowed, { done: request.query.done });
      },
    );

    const post = (
      name: 'approve' | 'return' | 'unlock',
      handle: (
        request: FastifyRequest,
        reply: FastifyReply,
        locale: Locale,
        allowed: { viewer: Viewer; report: HubReportRow },
        body: Record<string, unknown>,
      ) => Promise<unknown>,
    ) =>
      app.post(
        `/:locale/admin/hub-reports/:id/${name}`,
        { schema: { params: ReportParams, body: FormBody }, config: WRITE_LIMIT },
        async (request, reply) => {
          const locale = pageLocale(request.params);
          const action: Action | undefined = name === 'unlock' ? { kind: 'unlock_hub_report' } : undefined;
          const allowed = await access(request, reply, locale, request.params.id, { status: 303, action });
          if (!allowed) return reply;
          return handle(request, reply, locale, allowed, request.body as Record<string, unknown>);
        },
      );

    post('approve', async (_request, reply, locale, { viewer, report }, body) => {
      await approveReport(db, { report, viewer, version: versionOf(body) });
      return reply.redirect(detailPath(locale, report.id, 'approved'), 303);
    });

    post('return', async (request, reply, locale, allowed, body) => {
      const comment = fieldValue(body, 'comment');
      const checked = checkForm(ReturnForm, { comment });
      if (!checked.ok) {
        const errors = { form: 'return' as const, fields: checked.errors, values: { comment } };
        return sendReview(request, reply, locale, allowed, { errors }, 400);
      }
      const { viewer, report } = allowed;
      await returnReport(db, { report, viewer, version: versionOf(body) }, checked.value.comment);
      return reply.redirect(detailPath(locale, report.id, 'returned'), 303);
    });

    post('unlock', async (request, reply, locale, allowed, body) => {
      const values = { reason: fieldValue(body, 'reason'), to: fieldValue(body, 'to') };
      const checked = checkForm(UnlockForm, values);
      if (!checked.ok) {
        const errors = { form: 'unlock' as const, fields: checked.errors, values };
        return sendReview(request, reply, locale, allowed, { errors }, 400);
      }
      const { viewer, report } = allowed;
      await unlockReport(db, { report, viewer, version: versionOf(body) }, checked.value);
      return reply.redirect(detailPath(locale, report.id, 'unlocked'), 303);
    });
  };
}
