// Pages: /{locale}/submit (the public form), /submit/draft/{token} (a draft under its private link and its status),
// /submit/confirm/{token} (confirming by mail), /account/organizations (an editor's organizations) and
// /account/organizations/{id}/edit (an editor's proposed edit). Every POST is CSRF-checked, rate-limited per IP and
// size-limited; a fresh form writes nothing unless it is saved on purpose or submitted whole.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { isUuid } from '../../http/common-schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { csrfToken } from '../../http/security.js';
import type { Locale } from '../../i18n/i18n.js';
import type { PageContext } from '../../ui/layout.view.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { FormBody, LocaleParams, TokenParams } from '../accounts/accounts.schema.js';
import { guardPage } from '../accounts/page-guard.js';
import { authorize } from '../accounts/policy.js';
import { listTaxonomyTerms } from '../taxonomy/taxonomy.repository.js';
import { claimFor, ClientKeyUsed, priorOutcome, readClientKey, type ClientKey } from './client-keys.service.js';
import { checkSubmission, draftProblems, visibleErrors, type SubmissionErrors } from './submission-check.js';
import { applyBlockAction, blankForm, HONEYPOT, readAction, readForm, type ListingForm } from './submission-form.js';
import type { ListingDocument } from '../listings/listing.schema.js';
import type { CategoryChoice } from './submission-form.view.js';
import { editableOrganizations, taxonomyCodes } from './submissions.repository.js';
import {
  confirmationIsUsable,
  confirmSubmission,
  EDITABLE,
  editorDraft,
  findDraft,
  formOf,
  isListing,
  saveDraft,
  saveEditorDraft,
  startDraft,
  submitDraft,
  submitEditorEdit,
  submitNewListing,
  EmailLimitReached,
} from './submissions.service.js';
import {
  ConfirmedPage,
  ConfirmPage,
  DraftPage,
  EditorEditPage,
  EditorOrganizationsPage,
  SubmitPage,
} from './submissions.view.js';

/** Per IP; a person filling the form saves it a few times, a script is stopped. */
const POST_LIMITS = { rateLimit: { max: 30, timeWindow: '1 hour' } };
const BODY_LIMIT = 100 * 1024;
const OrganizationParams = Type.Object({ locale: Type.String(), id: Type.String({ maxLength: 100 }) });

export function submissionPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    page: (c: PageContext, csrf: string) => VNode,
    status = 200,
  ) {
    const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
    return sendPrivatePage(reply, page(pageCtx, csrfToken(reply)), status);
  }

  async function categories(locale: Locale): Promise<CategoryChoice[]> {
    const terms = await listTaxonomyTerms(db);
    return terms.map((term) => ({ code: term.code, name: term.name[locale] ?? term.name.es ?? term.code }));
  }

  /** The whole check, with fields sent in the wrong shape and unknown categories: every field's problem at once,
   *  each with the message that says what is wrong (a missing choice, a web address) where the form knows it. */
  async function check(form: ListingForm, shape: SubmissionErrors, base?: ListingDocument) {
    const result = checkSubmission(form, await taxonomyCodes(db), base);
    const errors = { ...shape, ...(result.ok ? {} : result.errors) };
    return Object.keys(errors).length === 0 && result.ok
      ? result
      : { ok: false as const, errors: visibleErrors(errors, form) };
  }

  /** Runs a post that claims its form's client key, and sends the browser where it led; a key claimed before
   *  (the same form sent again) leads where the first post did, without writing anything. A post that would mail
   *  its address past the day's limit answers `overLimit` (rolled back), unless the same form got there first. */
  async function once(
    reply: FastifyReply,
    key: ClientKey | undefined,
    run: () => Promise<string | null>,
    overLimit?: () => Promise<FastifyReply>,
  ) {
    try {
      const target = await run();
      if (target !== null) return reply.redirect(target, 303);
    } catch (error) {
      if (error instanceof ClientKeyUsed) return reply.redirect(error.target, 303);
      if (error instanceof EmailLimitReached && overLimit) return replayOr(reply, key, overLimit);
      throw error;
    }
    return replayOrConflict(reply, key);
  }

  /** Where the first post of the same form led, when a concurrent one got there first; else `otherwise`. */
  async function replayOr(reply: FastifyReply, key: ClientKey | undefined, otherwise: () => Promise<FastifyReply>) {
    const prior = await priorOutcome(db, key);
    return prior ? reply.redirect(prior, 303) : otherwise();
  }

  /** Nothing moved: a concurrent post with the same key may have got there first; else someone else did (409). */
  function replayOrConflict(reply: FastifyReply, key: ClientKey | undefined) {
    return replayOr(reply, key, () => Promise.reject(new AppError('CONFLICT')));
  }

  /** A filled honeypot: refused with a generic error, nothing written. */
  function refuseBots(body: Record<string, unknown>) {
    const trap = body[HONEYPOT];
    if (trap !== undefined && trap !== '') throw new AppError('BAD_REQUEST');
  }

  return async (app) => {
    app.get('/:locale/submit', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const choices = await categories(locale);
      return send(request, reply, locale, (c, csrf) => (
        <SubmitPage
          ctx={c}
          formProps={{ action: `/${locale}/submit`, csrf, form: blankForm(locale), categories: choices }}
        />
      ));
    });

    app.post(
      '/:locale/submit',
      { schema: { params: LocaleParams, body: FormBody }, config: POST_LIMITS, bodyLimit: BODY_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const key = readClientKey(request);
        const prior = await priorOutcome(db, key);
        if (prior) return reply.redirect(prior, 303);
        refuseBots(request.body);
        const { form, shape } = readForm(request.body, locale);
        const action = readAction(request.body);
        const draftUrl = (token: string) => `/${locale}/submit/draft/${token}`;
        const claim = claimFor(key, 'submission', draftUrl);
        const again = async (errors: SubmissionErrors, status: number) => {
          const choices = await categories(locale);
          return send(
            request,
            reply,
            locale,
            (c, csrf) => (
              <SubmitPage
                ctx={c}
                formProps={{ action: `/${locale}/submit`, csrf, form, errors, categories: choices }}
              />
            ),
            status,
          );
        };
        if (action.kind === 'submit') {
          const result = await check(form, shape);
          if (!result.ok) return again(result.errors, 400);
          return once(
            reply,
            key,
            async () => {
              const token = await submitNewListing(ctx, {
                locale,
                listing: result.listing,
                email: result.email,
                origin: publicOrigin(request),
                claim,
              });
              return draftUrl(token);
            },
            () => again({ submitter_email: 'emailLimit' }, 429),
          );
        }
        const problems = visibleErrors({ ...shape, ...draftProblems(form) }, form);
        // A draft row is written only when asked for by a button, for input that passes the light check.
        if (action.kind === 'none') problems.form = 'noAction';
        if (Object.keys(problems).length > 0) return again(problems, 400);
        return once(reply, key, async () =>
          draftUrl(await startDraft(db, locale, applyBlockAction(form, action), claim)),
        );
      },
    );

    async function sendDraft(
      request: FastifyRequest,
      reply: FastifyReply,
      locale: Locale,
      token: string,
      extra: { form?: ListingForm; errors?: SubmissionErrors; saved?: boolean } = {},
      status = 200,
    ) {
      const row = await findDraft(db, token);
      if (!row) throw new AppError('LINK_INVALID');
      const editable = EDITABLE.includes(row.status);
      const choices = editable ? await categories(locale) : [];
      const action = `/${locale}/submit/draft/${encodeURIComponent(token)}`;
      const link = `${publicOrigin(request)}${action}`;
      const state = { status: row.status, decisionReason: row.decision_reason, organizationId: row.organization_id };
      return send(
        request,
        reply,
        locale,
        (c, csrf) => (
          <DraftPage
            ctx={c}
            link={link}
            state={state}
            saved={extra.saved}
            formProps={
              editable
                ? { action, csrf, form: extra.form ?? formOf(row), errors: extra.errors, categories: choices }
                : null
            }
          />
        ),
        status,
      );
    }

    app.get('/:locale/submit/draft/:token', { schema: { params: TokenParams } }, async (request, reply) => {
      return sendDraft(request, reply, pageLocale(request.params), request.params.token);
    });

    app.post(
      '/:locale/submit/draft/:token',
      { schema: { params: TokenParams, body: FormBody }, config: POST_LIMITS, bodyLimit: BODY_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const token = request.params.token;
        const key = readClientKey(request);
        const row = await findDraft(db, token);
        // Asked after the draft is read: a first post of the same form that committed in between is seen here.
        const prior = await priorOutcome(db, key);
        if (prior) return reply.redirect(prior, 303);
        if (!row) throw new AppError('LINK_INVALID');
        if (!EDITABLE.includes(row.status)) throw new AppError('CONFLICT');
        refuseBots(request.body);
        const { form: typed, shape } = readForm(request.body, locale);
        const action = readAction(request.body);
        const form = applyBlockAction(typed, action);
        if (!(await saveDraft(db, row, form))) return replayOrConflict(reply, key);
        if (action.kind !== 'submit') {
          const problems = visibleErrors({ ...shape, ...draftProblems(form) }, form);
          const status = Object.keys(problems).length > 0 ? 400 : 200;
          return sendDraft(request, reply, locale, token, { form, errors: problems, saved: true }, status);
        }
        const result = await check(form, shape, isListing(row.listing) ? row.listing : undefined);
        if (!result.ok)
          return sendDraft(request, reply, locale, token, { form, errors: result.errors, saved: true }, 400);
        const draftUrl = `/${locale}/submit/draft/${encodeURIComponent(token)}`;
        return once(
          reply,
          key,
          async () => {
            const moved = await submitDraft(ctx, row, {
              listing: result.listing,
              email: result.email,
              origin: publicOrigin(request),
              draftToken: token,
              claim: claimFor(key, 'submission', () => draftUrl),
            });
            return moved ? draftUrl : null;
          },
          () =>
            sendDraft(
              request,
              reply,
              locale,
              token,
              { form, errors: { submitter_email: 'emailLimit' }, saved: true },
              429,
            ),
        );
      },
    );

    app.get('/:locale/submit/confirm/:token', { schema: { params: TokenParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      if (!(await confirmationIsUsable(db, request.params.token))) throw new AppError('LINK_INVALID');
      const action = `/${locale}/submit/confirm/${encodeURIComponent(request.params.token)}`;
      return send(request, reply, locale, (c, csrf) => <ConfirmPage ctx={c} csrf={csrf} action={action} />);
    });

    app.post(
      '/:locale/submit/confirm/:token',
      { schema: { params: TokenParams, body: FormBody }, config: POST_LIMITS },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        if (!(await confirmSubmission(db, request.params.token))) throw new AppError('LINK_INVALID');
        return send(request, reply, locale, (c) => <ConfirmedPage ctx={c} />);
      },
    );

    app.get('/:locale/account/organizations', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale);
      if ('redirect' in access) return reply.redirect(access.redirect);
      if (access.viewer.roles.some((grant) => grant.role === 'admin'))
        return reply.redirect(`/${locale}/admin/moderation`);
      const rows = await editableOrganizations(db, access.viewer.id);
      return send(request, reply, locale, (c) => <EditorOrganizationsPage ctx={c} organizations={rows} />);
    });

    async function sendEdit(
      request: FastifyRequest,
      reply: FastifyReply,
      locale: Locale,
      organizationId: string,
      viewer: { id: string; email: string },
      extra: { form?: ListingForm; errors?: SubmissionErrors; saved?: boolean } = {},
      status = 200,
    ) {
      const draft = isUuid(organizationId) ? await editorDraft(db, organizationId, viewer) : undefined;
      if (!draft) throw notFound();
      const { row } = draft;
      const editable = !row || EDITABLE.includes(row.status);
      const choices = editable ? await categories(locale) : [];
      const action = `/${locale}/account/organizations/${organizationId}/edit`;
      const form = extra.form ?? draft.form;
      const state =
        row && row.status !== 'draft'
          ? { status: row.status, decisionReason: row.decision_reason, organizationId }
          : null;
      return send(
        request,
        reply,
        locale,
        (c, csrf) => (
          <EditorEditPage
            ctx={c}
            organizationName={form.organization.name}
            state={state}
            saved={extra.saved}
            formProps={editable ? { action, csrf, form, errors: extra.errors, categories: choices } : null}
          />
        ),
        status,
      );
    }

    app.get(
      '/:locale/account/organizations/:id/edit',
      { schema: { params: OrganizationParams } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const organizationId = request.params.id;
        const access = await guardPage(request, locale, { action: { kind: 'edit_organization', organizationId } });
        if ('redirect' in access) return reply.redirect(access.redirect);
        return sendEdit(request, reply, locale, organizationId, access.viewer);
      },
    );

    app.post(
      '/:locale/account/organizations/:id/edit',
      { schema: { params: OrganizationParams, body: FormBody }, config: POST_LIMITS, bodyLimit: BODY_LIMIT },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const organizationId = request.params.id;
        const viewer = await request.viewer();
        authorize(viewer, { kind: 'edit_organization', organizationId });
        const key = readClientKey(request);
        const draft = isUuid(organizationId) ? await editorDraft(db, organizationId, viewer) : undefined;
        // Asked after the draft is read: a first post of the same form that committed in between is seen here.
        const prior = await priorOutcome(db, key);
        if (prior) return reply.redirect(prior, 303);
        if (!draft) throw notFound();
        if (draft.row && !EDITABLE.includes(draft.row.status)) throw new AppError('CONFLICT');
        refuseBots(request.body);
        const { form: typed, shape } = readForm(request.body, locale);
        const action = readAction(request.body);
        const form = { ...applyBlockAction(typed, action), submitter_email: viewer.email };
        const input = { row: draft.row, organizationId, locale, viewer, base: draft.base };
        const again = (errors: SubmissionErrors, status: number) =>
          sendEdit(request, reply, locale, organizationId, viewer, { form, errors, saved: true }, status);
        if (action.kind === 'submit') {
          const result = await check(form, shape, draft.base);
          if (result.ok) {
            const editUrl = `/${locale}/account/organizations/${organizationId}/edit`;
            const claim = claimFor(key, 'editor_edit', () => editUrl);
            return once(reply, key, async () =>
              (await submitEditorEdit(ctx, input, result.listing, claim)) ? editUrl : null,
            );
          }
          if (!(await saveEditorDraft(db, input, form))) return replayOrConflict(reply, key);
          return again(result.errors, 400);
        }
        if (!(await saveEditorDraft(db, input, form))) return replayOrConflict(reply, key);
        const problems = visibleErrors({ ...shape, ...draftProblems(form) }, form);
        return again(problems, Object.keys(problems).length > 0 ? 400 : 200);
      },
    );
  };
}
