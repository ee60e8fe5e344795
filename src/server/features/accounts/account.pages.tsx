// Pages: /{locale}/account (profile, roles, change password, sign out), /account/totp (enrolment, recovery codes),
// /invite/{token} (accepting an invitation).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { checkForm, fieldValue } from '../../http/form.js';
import { csrfToken } from '../../http/security.js';
import { translator, type Locale } from '../../i18n/i18n.js';
import type { PageContext } from '../../ui/layout.view.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import {
  ChangePasswordForm,
  RenewCodesForm,
  checkNewPassword,
  CodeForm,
  FormBody,
  LocaleParams,
  NewAccountForm,
  passwordField,
  TokenParams,
} from './accounts.schema.js';
import { AccountPage, InvitationPage, RecoveryCodesPage, TotpEnabledPage, TotpEnrolPage } from './account.view.js';
import type { AccountFieldErrors } from './form-fields.view.js';
import { acceptInvitation, findInvitation } from './invitations.service.js';
import { guardPage } from './page-guard.js';
import { needsTotp, type Viewer } from './policy.js';
import { safeNext } from './safe-next.js';
import { hashPassword } from './secrets.js';
import { signInAs } from './session-cookie.js';
import { deleteSessionsOf } from './sessions.repository.js';
import { checkPassword, enrolSecondFactor, renewRecoveryCodes } from './sign-in.service.js';
import { recoveryCodesState } from './recovery-codes.repository.js';
import { organizationNames } from './scopes.repository.js';
import { groupedKey, newTotpSecret, totpUri, verifyTotp } from './totp.js';
import { findUserById, updateUser } from './users.repository.js';

const NextQuery = Type.Object({ next: Type.Optional(Type.String()) });

export function accountPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;
  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    page: (pageCtx: PageContext, csrf: string) => VNode,
    status = 200,
  ) {
    const pageCtx = pageContext(request, locale, (await ctx.facts()).demo);
    return sendPrivatePage(reply, page(pageCtx, csrfToken(reply)), status);
  }

  async function sendAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    viewer: Viewer,
    extra: { errors?: AccountFieldErrors; notice?: string } = {},
    status = 200,
  ) {
    const ids = viewer.roles.flatMap((grant) => (grant.organizationId ? [grant.organizationId] : []));
    const names = await organizationNames(db, ids);
    return send(
      request,
      reply,
      locale,
      (c, csrf) => <AccountPage ctx={c} csrf={csrf} viewer={viewer} organizationNames={names} {...extra} />,
      status,
    );
  }

  /** The form's answer when the viewer's current password is wrong (counted toward the lock), or null when right. */
  async function wrongCurrentPassword(
    viewer: Viewer,
    current: string,
    locale: Locale,
  ): Promise<{ errors: AccountFieldErrors; notice?: string } | null> {
    const check = await checkPassword(db, viewer.email, current);
    if (check.ok) return null;
    const errors: AccountFieldErrors = { current: 'wrongPassword' };
    if (check.reason !== 'locked') return { errors };
    return { errors, notice: translator(locale)('errors.ACCOUNT_LOCKED', { minutes: check.minutes }) };
  }

  /** The second factor is on: how many recovery codes are left, and the form that renews them. */
  async function sendTotpEnabled(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    viewer: Viewer,
    extra: { errors?: AccountFieldErrors; notice?: string | undefined } = {},
    status = 200,
  ) {
    const codes = await recoveryCodesState(db.query, viewer.id);
    return send(
      request,
      reply,
      locale,
      (c, csrf) => <TotpEnabledPage ctx={c} csrf={csrf} codes={codes} {...extra} />,
      status,
    );
  }

  /** The TOTP enrolment form, with the pending secret (kept on the account until a code confirms it). */
  async function sendEnrolment(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    viewer: Viewer,
    next: string | null,
    errors?: AccountFieldErrors,
  ) {
    const user = await findUserById(db, viewer.id);
    let secret = user?.totp_secret;
    if (!secret) {
      secret = newTotpSecret();
      await updateUser(db, viewer.id, { totp_secret: secret });
    }
    const key = groupedKey(secret);
    const uri = totpUri(secret, viewer.email);
    return send(
      request,
      reply,
      locale,
      (c, csrf) => (
        <TotpEnrolPage
          ctx={c}
          csrf={csrf}
          groupedKey={key}
          uri={uri}
          required={needsTotp(viewer)}
          next={next}
          errors={errors}
        />
      ),
      errors ? 400 : 200,
    );
  }

  return async (app) => {
    app.get('/:locale/account', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale);
      if ('redirect' in access) return reply.redirect(access.redirect);
      return sendAccount(request, reply, locale, access.viewer);
    });

    app.post(
      '/:locale/account/password',
      { schema: { params: LocaleParams, body: FormBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale);
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const { viewer } = access;
        const value = {
          current: passwordField(request.body, 'current'),
          password: passwordField(request.body, 'password'),
          confirm: passwordField(request.body, 'confirm'),
        };
        const errors = checkNewPassword(checkForm(ChangePasswordForm, value), value);
        if (errors) return sendAccount(request, reply, locale, viewer, { errors }, 400);
        const refused = await wrongCurrentPassword(viewer, value.current, locale);
        if (refused) return sendAccount(request, reply, locale, viewer, refused, 400);
        await updateUser(db, viewer.id, { password_hash: await hashPassword(value.password) });
        // Every other browser signed in to this account is signed out; this one stays.
        await deleteSessionsOf(db, viewer.id, viewer.sessionId);
        const t = translator(locale);
        return sendAccount(request, reply, locale, viewer, { notice: t('accounts.account.passwordChanged') });
      },
    );

    app.get(
      '/:locale/account/totp',
      { schema: { params: LocaleParams, querystring: NextQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const next = safeNext(request.query.next);
        const access = await guardPage(request, locale, { allowPendingSecondFactor: true });
        if ('redirect' in access) return reply.redirect(access.redirect);
        const { viewer } = access;
        if (viewer.totpEnabled && !viewer.secondFactorDone) {
          return reply.redirect(`/${locale}/login/totp${next ? `?next=${encodeURIComponent(next)}` : ''}`);
        }
        if (viewer.totpEnabled) return sendTotpEnabled(request, reply, locale, viewer);
        return sendEnrolment(request, reply, locale, viewer, next);
      },
    );

    app.post(
      '/:locale/account/totp',
      { schema: { params: LocaleParams, body: FormBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const next = safeNext(fieldValue(request.body, 'next'));
        const access = await guardPage(request, locale, { allowPendingSecondFactor: true });
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const { viewer } = access;
        // Already on (the page that showed the codes, reloaded): they are not shown again; the way to new ones is.
        const shownOnce = () =>
          sendTotpEnabled(
            request,
            reply,
            locale,
            viewer,
            { notice: translator(locale)('accounts.recovery.shownOnce') },
            409,
          );
        if (viewer.totpEnabled && !viewer.secondFactorDone) return reply.redirect(`/${locale}/login/totp`, 303);
        if (viewer.totpEnabled) return shownOnce();
        const form = checkForm(CodeForm, { code: fieldValue(request.body, 'code') });
        const user = await findUserById(db, viewer.id);
        if (!form.ok || !user?.totp_secret || !verifyTotp(user.totp_secret, form.value.code)) {
          return sendEnrolment(request, reply, locale, viewer, next, form.ok ? { code: 'wrongCode' } : form.errors);
        }
        // Only the first of posts sent at once turns it on and makes codes; the others are refused as a reload is.
        const codes = await enrolSecondFactor(db, viewer);
        if (!codes) return shownOnce();
        // Shown once, on this answer: a reload posts again and gets the page above, so they are never shown twice.
        return send(request, reply, locale, (c) => <RecoveryCodesPage ctx={c} codes={codes} next={next} />);
      },
    );

    app.post(
      '/:locale/account/totp/recovery-codes',
      { schema: { params: LocaleParams, body: FormBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale);
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const { viewer } = access;
        if (!viewer.totpEnabled) throw new AppError('CONFLICT');
        // As for a new password, the current one first: a session left open cannot cancel the owner's codes.
        const form = checkForm(RenewCodesForm, {
          current: passwordField(request.body, 'current'),
          set: fieldValue(request.body, 'set'),
        });
        if (!form.ok) return sendTotpEnabled(request, reply, locale, viewer, { errors: form.errors }, 400);
        const refused = await wrongCurrentPassword(viewer, form.value.current, locale);
        if (refused) return sendTotpEnabled(request, reply, locale, viewer, refused, 400);
        // Only the set the page showed is replaced: the same form sent again (a reload) makes no third set.
        const codes = await renewRecoveryCodes(db, viewer.id, form.value.set);
        if (!codes) {
          const notice = translator(locale)('accounts.recovery.shownOnce');
          return sendTotpEnabled(request, reply, locale, viewer, { notice }, 409);
        }
        return send(request, reply, locale, (c) => <RecoveryCodesPage ctx={c} codes={codes} next={null} />);
      },
    );

    app.get('/:locale/invite/:token', { schema: { params: TokenParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const invitation = await findInvitation(db, request.params.token);
      if (!invitation) throw new AppError('LINK_INVALID');
      const action = `/${locale}/invite/${encodeURIComponent(request.params.token)}`;
      return send(request, reply, locale, (c, csrf) => (
        <InvitationPage
          ctx={c}
          csrf={csrf}
          action={action}
          invitation={invitation}
          displayName={invitation.displayName}
        />
      ));
    });

    app.post(
      '/:locale/invite/:token',
      { schema: { params: TokenParams, body: FormBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const { token } = request.params;
        const invitation = await findInvitation(db, token);
        if (!invitation) throw new AppError('LINK_INVALID');
        let account: { displayName: string; password: string } | null = null;
        if (!invitation.hasAccount) {
          const value = {
            displayName: fieldValue(request.body, 'displayName'),
            password: passwordField(request.body, 'password'),
            confirm: passwordField(request.body, 'confirm'),
          };
          const errors = checkNewPassword(checkForm(NewAccountForm, value), value);
          if (errors) {
            const action = `/${locale}/invite/${encodeURIComponent(token)}`;
            return send(
              request,
              reply,
              locale,
              (c, csrf) => (
                <InvitationPage
                  ctx={c}
                  csrf={csrf}
                  action={action}
                  invitation={invitation}
                  displayName={value.displayName.slice(0, 120)}
                  errors={errors}
                />
              ),
              400,
            );
          }
          account = { displayName: value.displayName, password: value.password };
        }
        const user = await acceptInvitation(db, token, account);
        if (!user) throw new AppError('LINK_INVALID');
        return reply.redirect(await signInAs(db, request, reply, ctx.secureCookies, user, locale, null), 303);
      },
    );
  };
}
