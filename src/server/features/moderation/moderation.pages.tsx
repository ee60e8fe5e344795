// Pages: /{locale}/admin/moderation (the queue) and /admin/moderation/{id} (one submission against the live record)
// with its decisions: approve, reject, request changes, merge into a duplicate. Anonymous visitors are sent to sign
// in; every role check comes before the form is read.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { checkForm, fieldValue, type FieldErrors } from '../../http/form.js';
import { publicOrigin } from '../../http/public-origin.js';
import { csrfToken } from '../../http/security.js';
import type { Locale } from '../../i18n/i18n.js';
import { dropEmptyQueryValues, pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { guardPage } from '../accounts/page-guard.js';
import { can, moderatedCountries, type Viewer } from '../accounts/policy.js';
import { diffListings, loadListing } from '../listings/listing.service.js';
import { findLikelyDuplicates } from '../listings/listing-duplicates.repository.js';
import { listQueue, queueCounts, type SubmissionRow } from './moderation.repository.js';
import {
  FormBody,
  LocaleParams,
  MergeForm,
  QueueQuery,
  ReasonForm,
  SubmissionParams,
  SubmissionQuery,
} from './moderation.schema.js';
import {
  approveSubmission,
  loadSubmission,
  mergeSubmission,
  organizationName,
  rejectSubmission,
  requestChanges,
  submittedListing,
} from './moderation.service.js';
import { QUEUE_PER_PAGE, QueuePage, SubmissionPage, type SubmissionPageProps } from './moderation.view.js';

const MODERATE_ANY = { action: { kind: 'moderate_any' } } as const;
const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export function moderationPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db, mailer } = ctx;

  /** The viewer may moderate this submission's country (admins: any, and the ones with no country yet). */
  async function access(request: FastifyRequest, reply: FastifyReply, locale: Locale, id: string, status: 302 | 303) {
    const guard = await guardPage(request, locale, MODERATE_ANY);
    if ('redirect' in guard) {
      await reply.redirect(guard.redirect, status);
      return null;
    }
    const submission = await loadSubmission(db, id);
    if (!can(guard.viewer, { kind: 'moderate', countryCode: submission.country_code?.trim() ?? null })) {
      throw new AppError('FORBIDDEN');
    }
    return { viewer: guard.viewer, submission };
  }

  async function sendDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    submission: SubmissionRow,
    extra: Pick<SubmissionPageProps, 'errors' | 'done'> & { showUnchanged?: boolean } = {},
    status = 200,
  ) {
    const listing = submittedListing(submission);
    // Edits compare with the live record (once approved, that is the submission itself); new listings with nothing.
    const before =
      submission.kind === 'edit' && submission.organization_id
        ? await loadListing(db, submission.organization_id)
        : undefined;
    const duplicates =
      submission.status === 'pending'
        ? await findLikelyDuplicates(db, listing, submission.organization_id ?? undefined)
        : [];
    const page = pageContext(request, locale, (await ctx.facts()).demo);
    return sendPrivatePage(
      reply,
      <SubmissionPage
        ctx={page}
        csrf={csrfToken(reply)}
        submission={submission}
        organizationName={organizationName(submission)}
        changes={diffListings(before, listing)}
        showUnchanged={extra.showUnchanged ?? false}
        hiddenAddressKeys={listing.locations.filter((l) => l.address_visibility === 'hidden').map((l) => l.key)}
        duplicates={duplicates}
        done={extra.done}
        errors={extra.errors}
      />,
      status,
    );
  }

  function decision(request: FastifyRequest, viewer: Viewer, submission: SubmissionRow) {
    return { submission, moderator: viewer, origin: publicOrigin(request) };
  }

  /** Reject and request-changes share a form: one required reason. */
  function reasonOf(
    body: Record<string, unknown>,
  ): { ok: true; reason: string } | { ok: false; errors: FieldErrors; value: string } {
    const value = fieldValue(body, 'reason');
    const checked = checkForm(ReasonForm, { reason: value });
    return checked.ok ? { ok: true, reason: checked.value.reason } : { ok: false, errors: checked.errors, value };
  }

  return async (app) => {
    app.get(
      '/:locale/admin/moderation',
      { preValidation: dropEmptyQueryValues, schema: { params: LocaleParams, querystring: QueueQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const guard = await guardPage(request, locale, MODERATE_ANY);
        if ('redirect' in guard) return reply.redirect(guard.redirect);
        const { status, country, kind, page } = request.query;
        const countries = moderatedCountries(guard.viewer);
        const countryCode = country?.toUpperCase();
        const filters = { status, countryCode, kind, countries };
        const window = { limit: QUEUE_PER_PAGE, offset: (page - 1) * QUEUE_PER_PAGE };
        const { entries, total } = await listQueue(db, filters, window);
        const counts = await queueCounts(db, countries, status);
        const offered = countries ?? counts.byCountry.flatMap((c) => (c.countryCode ? [c.countryCode] : []));
        const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
        return sendPrivatePage(
          reply,
          <QueuePage
            ctx={pageCtx}
            entries={entries}
            total={total}
            counts={counts}
            query={{ status, country: countryCode, kind }}
            page={page}
            countries={offered}
          />,
        );
      },
    );

    app.get(
      '/:locale/admin/moderation/:id',
      { preValidation: dropEmptyQueryValues, schema: { params: SubmissionParams, querystring: SubmissionQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const allowed = await access(request, reply, locale, request.params.id, 302);
        if (!allowed) return reply;
        const { unchanged, done } = request.query;
        return sendDetail(request, reply, locale, allowed.submission, { showUnchanged: unchanged === '1', done });
      },
    );

    const post = (
      action: string,
      handle: (
        request: FastifyRequest,
        reply: FastifyReply,
        locale: Locale,
        allowed: { viewer: Viewer; submission: SubmissionRow },
      ) => Promise<unknown>,
    ) =>
      app.post(
        `/:locale/admin/moderation/:id/${action}`,
        { schema: { params: SubmissionParams, body: FormBody }, config: WRITE_LIMIT },
        async (request, reply) => {
          const locale = pageLocale(request.params);
          const allowed = await access(request, reply, locale, request.params.id, 303);
          if (!allowed) return reply;
          return handle(request, reply, locale, allowed);
        },
      );

    const detailPath = (locale: Locale, id: string, done: string) => `/${locale}/admin/moderation/${id}?done=${done}`;

    post('approve', async (request, reply, locale, { viewer, submission }) => {
      await approveSubmission({ db, mailer }, decision(request, viewer, submission));
      return reply.redirect(detailPath(locale, submission.id, 'approved'), 303);
    });

    post('reject', async (request, reply, locale, { viewer, submission }) => {
      const reason = reasonOf(request.body as Record<string, unknown>);
      if (!reason.ok) {
        const errors = { form: 'reject' as const, fields: reason.errors, values: { reason: reason.value } };
        return sendDetail(request, reply, locale, submission, { errors }, 400);
      }
      await rejectSubmission({ db, mailer }, decision(request, viewer, submission), reason.reason);
      return reply.redirect(detailPath(locale, submission.id, 'rejected'), 303);
    });

    post('request-changes', async (request, reply, locale, { viewer, submission }) => {
      const reason = reasonOf(request.body as Record<string, unknown>);
      if (!reason.ok) {
        const errors = { form: 'changes' as const, fields: reason.errors, values: { reason: reason.value } };
        return sendDetail(request, reply, locale, submission, { errors }, 400);
      }
      await requestChanges({ db, mailer }, decision(request, viewer, submission), reason.reason);
      return reply.redirect(detailPath(locale, submission.id, 'changes_requested'), 303);
    });

    post('merge', async (request, reply, locale, { viewer, submission }) => {
      const body = request.body as Record<string, unknown>;
      const checked = checkForm(MergeForm, { organization_id: fieldValue(body, 'organization_id') });
      const listing = submittedListing(submission);
      const flagged = checked.ok
        ? (await findLikelyDuplicates(db, listing, submission.organization_id ?? undefined)).some(
            (d) => d.organizationId === checked.value.organization_id,
          )
        : false;
      if (!checked.ok || !flagged) {
        const fields: FieldErrors = checked.ok ? { organization_id: 'invalid' } : checked.errors;
        return sendDetail(request, reply, locale, submission, { errors: { form: 'merge', fields, values: {} } }, 400);
      }
      await mergeSubmission({ db, mailer }, decision(request, viewer, submission), checked.value.organization_id);
      return reply.redirect(detailPath(locale, submission.id, 'merged'), 303);
    });
  };
}
