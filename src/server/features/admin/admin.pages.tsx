// Pages: /{locale}/admin (index by role), /admin/users (roles, invitations), /admin/outbox (mail kept here when no
// SMTP is configured). /admin and /admin/* without a locale redirect to the viewer's language.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { AppError, notFound } from '../../http/errors.js';
import { isUuid } from '../../http/common-schema.js';
import { publicOrigin } from '../../http/public-origin.js';
import { csrfToken } from '../../http/security.js';
import { negotiateLocale, translator, type Locale } from '../../i18n/i18n.js';
import type { PageContext } from '../../ui/layout.view.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import { FormBody, LocaleParams } from '../accounts/accounts.schema.js';
import { roleLinks } from '../accounts/account.view.js';
import type { AccountFieldErrors } from '../accounts/form-fields.view.js';
import { inviteUser } from '../accounts/invitations.service.js';
import { guardPage } from '../accounts/page-guard.js';
import { findMail, listOutbox } from '../mail/mail.repository.js';
import { deleteRoleGrant, findRoleGrant, listUsersWithRoles } from './admin-users.repository.js';
import { checkInvitation, forDisplay, inviteValuesFrom } from './admin-users.service.js';
import { AdminUsersPage, EMPTY_INVITE, USERS_PER_PAGE, type InviteValues } from './admin-users.view.js';
import { AdminIndexPage, OUTBOX_PER_PAGE, OutboxMessagePage, OutboxPage } from './admin.view.js';

const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  notice: Type.Optional(Type.Union([Type.Literal('invited'), Type.Literal('revoked')])),
});

export function adminPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
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

  async function sendUsers(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    viewerId: string,
    page: number,
    form: {
      invite?: InviteValues;
      errors?: AccountFieldErrors;
      notice?: string;
      matches?: { id: string; name: string }[];
    },
    status = 200,
  ) {
    const { items, total } = await listUsersWithRoles(db, {
      limit: USERS_PER_PAGE,
      offset: (page - 1) * USERS_PER_PAGE,
    });
    return send(
      request,
      reply,
      locale,
      (c, csrf) => (
        <AdminUsersPage
          ctx={c}
          csrf={csrf}
          viewerId={viewerId}
          users={items}
          total={total}
          page={page}
          invite={form.invite ?? EMPTY_INVITE}
          errors={form.errors}
          notice={form.notice}
          matches={form.matches}
        />
      ),
      status,
    );
  }

  return async (app) => {
    // Links in mail and docs say /admin/…; send each viewer to their language.
    const toLocale = async (request: FastifyRequest, reply: FastifyReply, rest: string) => {
      const viewer = await request.viewer();
      const locale = (viewer?.locale as Locale | undefined) ?? negotiateLocale(request.headers['accept-language']);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/${locale}/admin${rest}${query}`, 302);
    };
    app.get('/admin', (request, reply) => toLocale(request, reply, ''));
    app.get(
      '/admin/*',
      { schema: { params: Type.Object({ '*': Type.String({ maxLength: 200 }) }) } },
      (request, reply) =>
        toLocale(
          request,
          reply,
          `/${request.params['*'].split('/').map(encodeURIComponent).join('/')}`.replace(/\/$/, ''),
        ),
    );

    app.get('/:locale/admin', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale, {
        anyOf: [{ kind: 'manage_users' }, { kind: 'moderate_any' }, { kind: 'read_outbox' }, { kind: 'publish_news' }],
      });
      if ('redirect' in access) return reply.redirect(access.redirect);
      return send(request, reply, locale, (c) => (
        <AdminIndexPage ctx={c} links={roleLinks(c.t, locale, access.viewer)} />
      ));
    });

    app.get(
      '/:locale/admin/users',
      { schema: { params: LocaleParams, querystring: PageQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, { action: { kind: 'manage_users' } });
        if ('redirect' in access) return reply.redirect(access.redirect);
        const t = translator(locale);
        const { notice } = request.query;
        return sendUsers(request, reply, locale, access.viewer.id, request.query.page, {
          ...(notice ? { notice: t(`accounts.users.${notice}`) } : {}),
        });
      },
    );

    app.post(
      '/:locale/admin/users/invite',
      { schema: { params: LocaleParams, body: FormBody }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, { action: { kind: 'manage_users' } });
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const invite = inviteValuesFrom(request.body);
        const check = await checkInvitation(db, invite);
        if (!check.ok) {
          const form = { invite: forDisplay(invite), errors: check.errors, matches: check.matches };
          return sendUsers(request, reply, locale, access.viewer.id, 1, form, 400);
        }
        await inviteUser(ctx, check.invitation, access.viewer, publicOrigin(request));
        return reply.redirect(`/${locale}/admin/users?notice=invited`, 303);
      },
    );

    app.post(
      '/:locale/admin/users/roles/:roleId/revoke',
      {
        schema: {
          params: Type.Object({ locale: Type.String(), roleId: Type.String({ maxLength: 36 }) }),
          body: FormBody,
        },
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, { action: { kind: 'manage_users' } });
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const grant = isUuid(request.params.roleId) ? await findRoleGrant(db, request.params.roleId) : undefined;
        if (!grant) throw notFound();
        // An admin cannot remove their own admin role, so the last admin cannot lock everyone out.
        if (grant.user_id === access.viewer.id && grant.role === 'admin') throw new AppError('FORBIDDEN');
        await deleteRoleGrant(db, grant.id);
        return reply.redirect(`/${locale}/admin/users?notice=revoked`, 303);
      },
    );

    app.get(
      '/:locale/admin/outbox',
      { schema: { params: LocaleParams, querystring: PageQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, { action: { kind: 'read_outbox' } });
        if ('redirect' in access) return reply.redirect(access.redirect);
        const { page } = request.query;
        const { items, total } = await listOutbox(db, { limit: OUTBOX_PER_PAGE, offset: (page - 1) * OUTBOX_PER_PAGE });
        return send(request, reply, locale, (c) => (
          <OutboxPage ctx={c} items={items} total={total} page={page} delivers={ctx.mailer.delivers} />
        ));
      },
    );

    app.get(
      '/:locale/admin/outbox/:id',
      { schema: { params: Type.Object({ locale: Type.String(), id: Type.String({ maxLength: 36 }) }) } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, { action: { kind: 'read_outbox' } });
        if ('redirect' in access) return reply.redirect(access.redirect);
        const mail = isUuid(request.params.id) ? await findMail(db, request.params.id) : undefined;
        if (!mail) throw notFound();
        return send(request, reply, locale, (c) => <OutboxMessagePage ctx={c} mail={mail} />);
      },
    );
  };
}
