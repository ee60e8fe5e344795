// Pages of signing in: password, sign-in link, second factor, forgotten password.
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { CsrfField } from '../../ui/form.view.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './secrets.js';
import { FormErrors, Notice, TextField, type AccountFieldErrors } from './form-fields.view.js';

interface FormPageProps {
  ctx: PageContext;
  csrf: string;
  errors?: AccountFieldErrors | undefined;
  /** A message above the form. */
  notice?: string | undefined;
  warn?: boolean;
}

export function NextField({ next }: { next: string | null | undefined }) {
  return next ? <input type="hidden" name="next" value={next} /> : null;
}

export function LoginPage(props: FormPageProps & { email: string; next: string | null }) {
  const { ctx, csrf, errors, notice, warn, email, next } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      <Notice text={notice} warn={warn} />
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/login`}>
        <CsrfField token={csrf} />
        <NextField next={next} />
        <TextField
          t={t}
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          value={email}
          autocomplete="username"
          maxLength={254}
          errors={errors}
        />
        <TextField
          t={t}
          name="password"
          type="password"
          label={t('accounts.fields.password')}
          autocomplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
          errors={errors}
        />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.login.submit')}
          </button>
        </p>
      </form>
      <ul>
        <li>
          <a href={`/${locale}/login/link`}>{t('accounts.login.useLink')}</a>
        </li>
        <li>
          <a href={`/${locale}/password/forgot`}>{t('accounts.login.forgot')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** Asks for an email to send a sign-in link or a password-reset link to. */
export function LinkRequestPage(props: FormPageProps & { kind: 'link' | 'forgot'; email: string }) {
  const { ctx, csrf, errors, notice, kind, email } = props;
  const { t, locale } = ctx;
  const action = kind === 'link' ? `/${locale}/login/link` : `/${locale}/password/forgot`;
  return (
    <Layout ctx={ctx} title={t(`accounts.${kind}.title`)}>
      <h1>{t(`accounts.${kind}.title`)}</h1>
      <Notice text={notice} />
      <p>{t(`accounts.${kind}.intro`)}</p>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        <TextField
          t={t}
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          value={email}
          autocomplete="email"
          maxLength={254}
          errors={errors}
        />
        <p class="actions">
          <button class="button" type="submit">
            {t(`accounts.${kind}.submit`)}
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** The page a sign-in link opens: one button, so a mail scanner that fetches the link does not use it up. */
export function MagicLinkPage(props: { ctx: PageContext; csrf: string; action: string }) {
  const { ctx, csrf, action } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.link.confirmTitle')}>
      <h1>{t('accounts.link.confirmTitle')}</h1>
      <p>{t('accounts.link.confirmIntro')}</p>
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.login.submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function TotpCodePage(props: FormPageProps & { next: string | null }) {
  const { ctx, csrf, errors, notice, warn, next } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.totp.title')}>
      <h1>{t('accounts.totp.title')}</h1>
      <Notice text={notice} warn={warn} />
      <p>{t('accounts.totp.intro')}</p>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/login/totp`}>
        <CsrfField token={csrf} />
        <NextField next={next} />
        <TextField
          t={t}
          name="code"
          label={t('accounts.fields.code')}
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={10}
          errors={errors}
        />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.totp.submit')}
          </button>
        </p>
      </form>
      <details open={Boolean(errors?.recovery)}>
        <summary>{t('accounts.recovery.use')}</summary>
        <form class="form" method="post" action={`/${locale}/login/totp`}>
          <CsrfField token={csrf} />
          <NextField next={next} />
          <TextField
            t={t}
            name="recovery"
            label={t('accounts.recovery.field')}
            autocomplete="off"
            maxLength={40}
            errors={errors}
          />
          <p class="actions">
            <button class="button secondary" type="submit">
              {t('accounts.recovery.submit')}
            </button>
          </p>
        </form>
      </details>
    </Layout>
  );
}

export function ResetPasswordPage(props: FormPageProps & { action: string }) {
  const { ctx, csrf, errors, action } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        <NewPasswordFields ctx={ctx} errors={errors} />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.reset.submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function NewPasswordFields({ ctx, errors }: { ctx: PageContext; errors?: AccountFieldErrors | undefined }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        t={t}
        name="password"
        type="password"
        label={t('accounts.fields.newPassword')}
        hint={t('accounts.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autocomplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        errors={errors}
      />
      <TextField
        t={t}
        name="confirm"
        type="password"
        label={t('accounts.fields.confirmPassword')}
        autocomplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        errors={errors}
      />
    </>
  );
}
