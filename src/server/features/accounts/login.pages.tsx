// Pages: /{locale}/login (password), /login/link (sign-in link by mail), /login/totp (second factor),
// /password/forgot and /password/reset/{token}, and POST /{locale}/logout.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import { checkForm, fieldValue } from '../../http/form.js';
import { publicOrigin } from '../../http/public-origin.js';
import { clearSessionCookie, csrfToken } from '../../http/security.js';
import { translator, type Locale } from '../../i18n/i18n.js';
import type { PageContext } from '../../ui/layout.view.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../ui/page.js';
import {
  checkNewPassword,
  CodeForm,
  RecoveryForm,
  EmailForm,
  emailField,
  FormBody,
  LocaleParams,
  LoginForm,
  NewPasswordForm,
  passwordField,
  TokenParams,
} from './accounts.schema.js';
import {
  linkIsUsable,
  MAGIC_LINK_MINUTES,
  resetPassword,
  RESET_LINK_MINUTES,
  sendAccountLink,
  useMagicLink,
} from './links.service.js';
import { LinkRequestPage, LoginPage, MagicLinkPage, ResetPasswordPage, TotpCodePage } from './login.view.js';
import { completeSecondFactor, endSession } from './sessions.service.js';
import { signInAs } from './session-cookie.js';
import { checkPassword, checkRecoveryCode, checkTotp, LOCK_MINUTES } from './sign-in.service.js';
import { safeNext } from './safe-next.js';
import type { AccountFieldErrors } from './form-fields.view.js';

const NextQuery = Type.Object({ next: Type.Optional(Type.String()) });
const strict = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export function loginPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;
  /** Renders a page with a form (CSRF token, never cached). */
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

  return async (app) => {
    app.get('/:locale/login', { schema: { params: LocaleParams, querystring: NextQuery } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const next = safeNext(request.query.next);
      // Public pages are the same for everyone (cached, kept offline), so their header offers "Sign in" to a viewer
      // who is signed in too: they go on to where they were headed, or to their account.
      const viewer = await request.viewer();
      if (viewer?.secondFactorDone) return reply.redirect(next ?? `/${locale}/account`, 303);
      return send(request, reply, locale, (c, csrf) => <LoginPage ctx={c} csrf={csrf} email="" next={next} />);
    });

    app.post(
      '/:locale/login',
      { schema: { params: LocaleParams, body: FormBody }, config: strict(10) },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const body = request.body;
        const next = safeNext(fieldValue(body, 'next'));
        const email = emailField(body);
        const form = checkForm(LoginForm, { email, password: passwordField(body, 'password') });
        const again = (status: number, notice?: string, errors = form.ok ? undefined : form.errors) =>
          send(
            request,
            reply,
            locale,
            (c, csrf) => (
              <LoginPage
                ctx={c}
                csrf={csrf}
                email={email.slice(0, 254)}
                next={next}
                errors={errors}
                notice={notice}
                warn
              />
            ),
            status,
          );
        if (!form.ok) return again(400);
        const result = await checkPassword(db, form.value.email, form.value.password);
        const t = translator(locale);
        // A locked account answers as a wrong password does, so that five tries cannot tell whether an address has
        // an account; the message says how locking works, for the owner.
        if (!result.ok) return again(401, t('errors.INVALID_CREDENTIALS', { minutes: LOCK_MINUTES }));
        return reply.redirect(await signInAs(db, request, reply, ctx.secureCookies, result.user, locale, next), 303);
      },
    );

    app.post('/:locale/logout', { schema: { params: LocaleParams, body: FormBody } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const viewer = await request.viewer();
      if (viewer) await endSession(db, viewer);
      clearSessionCookie(reply);
      return reply.redirect(`/${locale}`, 303);
    });

    // Sign-in links and password resets: the same answer whether or not the address has an account.
    for (const kind of ['link', 'forgot'] as const) {
      const path = kind === 'link' ? '/:locale/login/link' : '/:locale/password/forgot';
      app.get(path, { schema: { params: LocaleParams } }, async (request, reply) => {
        const locale = pageLocale(request.params);
        return send(request, reply, locale, (c, csrf) => <LinkRequestPage ctx={c} csrf={csrf} kind={kind} email="" />);
      });
      app.post(
        path,
        { schema: { params: LocaleParams, body: FormBody }, config: strict(5) },
        async (request, reply) => {
          const locale = pageLocale(request.params);
          const email = emailField(request.body);
          const form = checkForm(EmailForm, { email });
          if (!form.ok) {
            return send(
              request,
              reply,
              locale,
              (c, csrf) => (
                <LinkRequestPage ctx={c} csrf={csrf} kind={kind} email={email.slice(0, 254)} errors={form.errors} />
              ),
              400,
            );
          }
          const purpose = kind === 'link' ? 'magic_link' : 'password_reset';
          await sendAccountLink(ctx, purpose, form.value.email, publicOrigin(request));
          const minutes = kind === 'link' ? MAGIC_LINK_MINUTES : RESET_LINK_MINUTES;
          return send(request, reply, locale, (c, csrf) => (
            <LinkRequestPage ctx={c} csrf={csrf} kind={kind} email="" notice={c.t('accounts.link.sent', { minutes })} />
          ));
        },
      );
    }

    app.get('/:locale/login/link/:token', { schema: { params: TokenParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      if (!(await linkIsUsable(db, 'magic_link', request.params.token))) throw new AppError('LINK_INVALID');
      const action = `/${locale}/login/link/${encodeURIComponent(request.params.token)}`;
      return send(request, reply, locale, (c, csrf) => <MagicLinkPage ctx={c} csrf={csrf} action={action} />);
    });

    app.post(
      '/:locale/login/link/:token',
      { schema: { params: TokenParams, body: FormBody }, config: strict(10) },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const user = await useMagicLink(db, request.params.token);
        if (!user) throw new AppError('LINK_INVALID');
        return reply.redirect(await signInAs(db, request, reply, ctx.secureCookies, user, locale, null), 303);
      },
    );

    app.get(
      '/:locale/login/totp',
      { schema: { params: LocaleParams, querystring: NextQuery } },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const next = safeNext(request.query.next);
        const viewer = await request.viewer();
        if (!viewer) return reply.redirect(`/${locale}/login`);
        if (viewer.secondFactorDone || !viewer.totpEnabled) return reply.redirect(next ?? `/${locale}/account`);
        return send(request, reply, locale, (c, csrf) => <TotpCodePage ctx={c} csrf={csrf} next={next} />);
      },
    );

    app.post(
      '/:locale/login/totp',
      { schema: { params: LocaleParams, body: FormBody }, config: strict(10) },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const next = safeNext(fieldValue(request.body, 'next'));
        const viewer = await request.viewer();
        if (!viewer) throw new AppError('UNAUTHENTICATED');
        if (viewer.secondFactorDone) return reply.redirect(next ?? `/${locale}/account`, 303);
        // The app's code, or (from the second form) a recovery code in its place.
        const byRecovery = 'recovery' in request.body;
        const form = !byRecovery
          ? checkForm(CodeForm, { code: fieldValue(request.body, 'code') })
          : checkForm(RecoveryForm, { recovery: fieldValue(request.body, 'recovery') });
        const result = !form.ok
          ? undefined
          : 'recovery' in form.value
            ? await checkRecoveryCode(db, viewer.id, form.value.recovery)
            : await checkTotp(db, viewer.id, form.value.code);
        if (result?.ok) {
          await completeSecondFactor(db, viewer);
          return reply.redirect(next ?? `/${locale}/account`, 303);
        }
        const t = translator(locale);
        if (result && result.reason === 'locked') {
          // Locked: this half-signed-in session ends too.
          await endSession(db, viewer);
          clearSessionCookie(reply);
          return send(
            request,
            reply,
            locale,
            (c, csrf) => (
              <LoginPage
                ctx={c}
                csrf={csrf}
                email=""
                next={next}
                warn
                notice={t('errors.ACCOUNT_LOCKED', { minutes: result.minutes })}
              />
            ),
            423,
          );
        }
        const wrong: AccountFieldErrors = byRecovery ? { recovery: 'wrongRecoveryCode' } : { code: 'wrongCode' };
        const errors: AccountFieldErrors = form.ok ? wrong : form.errors;
        return send(
          request,
          reply,
          locale,
          (c, csrf) => <TotpCodePage ctx={c} csrf={csrf} next={next} errors={errors} />,
          form.ok ? 401 : 400,
        );
      },
    );

    app.get('/:locale/password/reset/:token', { schema: { params: TokenParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      if (!(await linkIsUsable(db, 'password_reset', request.params.token))) throw new AppError('LINK_INVALID');
      const action = `/${locale}/password/reset/${encodeURIComponent(request.params.token)}`;
      return send(request, reply, locale, (c, csrf) => <ResetPasswordPage ctx={c} csrf={csrf} action={action} />);
    });

    app.post(
      '/:locale/password/reset/:token',
      { schema: { params: TokenParams, body: FormBody }, config: strict(10) },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const value = {
          password: passwordField(request.body, 'password'),
          confirm: passwordField(request.body, 'confirm'),
        };
        const errors = checkNewPassword(checkForm(NewPasswordForm, value), value);
        if (errors) {
          if (!(await linkIsUsable(db, 'password_reset', request.params.token))) throw new AppError('LINK_INVALID');
          const action = `/${locale}/password/reset/${encodeURIComponent(request.params.token)}`;
          return send(
            request,
            reply,
            locale,
            (c, csrf) => <ResetPasswordPage ctx={c} csrf={csrf} action={action} errors={errors} />,
            400,
          );
        }
        const user = await resetPassword(db, request.params.token, value.password);
        if (!user) throw new AppError('LINK_INVALID');
        return reply.redirect(await signInAs(db, request, reply, ctx.secureCookies, user, locale, null), 303);
      },
    );
  };
}
