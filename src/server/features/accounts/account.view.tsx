// Pages of a signed-in account: the account itself, TOTP enrolment, and accepting an invitation.
import type { RoleGrant, Viewer } from './policy.js';
import type { Translate } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { CsrfField } from '../../ui/form.view.js';
import { PASSWORD_MAX_LENGTH } from './secrets.js';
import { FormErrors, Notice, TextField, type AccountFieldErrors } from './form-fields.view.js';
import { NewPasswordFields, NextField } from './login.view.js';
import type { PendingInvitation } from './invitations.service.js';
import type { RecoveryCodesState } from './recovery-codes.repository.js';

export interface AccountLink {
  href: string;
  label: string;
}

/** What a role grant reads as: "Moderator (MX)", "Organization editor (Casa del Migrante)". */
export function describeGrant(t: Translate, grant: RoleGrant, organizationNames: Map<string, string>): string {
  const role = t(`accounts.roles.${grant.role}`);
  const scope =
    grant.countryCode ??
    (grant.organizationId ? (organizationNames.get(grant.organizationId) ?? grant.organizationId) : null) ??
    grant.hubLocationId;
  return scope ? `${role} (${scope})` : role;
}

/** Links to what the viewer's roles allow. */
export function roleLinks(t: Translate, locale: string, viewer: Pick<Viewer, 'roles'>): AccountLink[] {
  const has = (role: RoleGrant['role']) => viewer.roles.some((grant) => grant.role === role);
  const links: AccountLink[] = [];
  if (has('admin') || has('moderator')) {
    links.push({ href: `/${locale}/admin/moderation`, label: t('accounts.links.moderation') });
  }
  if (has('org_editor'))
    links.push({ href: `/${locale}/account/organizations`, label: t('accounts.links.organizations') });
  if (has('admin')) {
    links.push({ href: `/${locale}/admin/users`, label: t('accounts.links.users') });
    links.push({ href: `/${locale}/admin/outbox`, label: t('accounts.links.outbox') });
  }
  if (has('admin') || has('publisher')) {
    links.push({ href: `/${locale}/admin/news`, label: t('newsadmin.list.title') });
  }
  if (has('hub_reporter')) links.push({ href: `/${locale}/hub/reports`, label: t('hubentry.list.title') });
  if (has('admin') || has('moderator')) {
    links.push({ href: `/${locale}/admin/hub-reports`, label: t('hubentry.review.title') });
  }
  if (has('admin')) links.push({ href: `/${locale}/admin/hub-reports/import`, label: t('hubexchange.import.title') });
  return links;
}

export function AccountPage(props: {
  ctx: PageContext;
  csrf: string;
  viewer: Viewer;
  organizationNames: Map<string, string>;
  errors?: AccountFieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { ctx, csrf, viewer, organizationNames, errors, notice } = props;
  const { t, locale } = ctx;
  const links = roleLinks(t, locale, viewer);
  return (
    <Layout ctx={ctx} title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      <Notice text={notice} />
      <dl>
        <dt>{t('accounts.fields.displayName')}</dt>
        <dd>{viewer.displayName}</dd>
        <dt>{t('accounts.fields.email')}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t('accounts.account.roles')}</dt>
        <dd>
          {viewer.roles.length === 0 ? (
            t('accounts.account.noRoles')
          ) : (
            <ul>
              {viewer.roles.map((grant) => (
                <li>{describeGrant(t, grant, organizationNames)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('accounts.account.totp')}</dt>
        <dd>
          {viewer.totpEnabled ? (
            <>
              {t('accounts.account.totpOn')} <a href={`/${locale}/account/totp`}>{t('accounts.recovery.title')}</a>
            </>
          ) : (
            <a href={`/${locale}/account/totp`}>{t('accounts.account.totpSetUp')}</a>
          )}
        </dd>
      </dl>
      {links.length > 0 && (
        <nav aria-label={t('accounts.account.links')}>
          <h2>{t('accounts.account.links')}</h2>
          <ul>
            {links.map((link) => (
              <li>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2>{t('accounts.account.changePassword')}</h2>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/account/password`}>
        <CsrfField token={csrf} />
        <CurrentPasswordField t={t} errors={errors} />
        <NewPasswordFields ctx={ctx} errors={errors} />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.account.changePassword')}
          </button>
        </p>
      </form>
      <form method="post" action={`/${locale}/logout`}>
        <CsrfField token={csrf} />
        <p class="actions">
          <button class="button button-secondary" type="submit">
            {t('accounts.account.signOut')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function TotpEnrolPage(props: {
  ctx: PageContext;
  csrf: string;
  groupedKey: string;
  uri: string;
  required: boolean;
  next: string | null;
  errors?: AccountFieldErrors | undefined;
}) {
  const { ctx, csrf, groupedKey, uri, required, next, errors } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.enrol.title')}>
      <h1>{t('accounts.enrol.title')}</h1>
      <Notice text={required ? t('accounts.enrol.required') : undefined} warn />
      <ol>
        <li>{t('accounts.enrol.step1')}</li>
        <li>
          {t('accounts.enrol.step2')}
          <p>
            <code>{groupedKey}</code>
          </p>
          <details>
            <summary>{t('accounts.enrol.uri')}</summary>
            <p>
              <code>{uri}</code>
            </p>
          </details>
        </li>
        <li>{t('accounts.enrol.step3')}</li>
      </ol>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/account/totp`}>
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
            {t('accounts.enrol.submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function TotpEnabledPage(props: {
  ctx: PageContext;
  csrf: string;
  codes: RecoveryCodesState;
  errors?: AccountFieldErrors | undefined;
  notice?: string | undefined;
}) {
  const { ctx, csrf, codes, errors, notice } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.enrol.title')}>
      <h1>{t('accounts.enrol.title')}</h1>
      <p class="notice">{t('accounts.account.totpOn')}</p>
      <h2>{t('accounts.recovery.title')}</h2>
      <p>{t('accounts.recovery.left', { count: codes.left })}</p>
      <Notice text={notice} warn />
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/account/totp/recovery-codes`}>
        <CsrfField token={csrf} />
        {/* The set this page showed: a reload that sends the form again finds it replaced and makes no third. */}
        <input type="hidden" name="set" value={codes.set} />
        <CurrentPasswordField t={t} errors={errors} />
        <p class="actions">
          <button class="button secondary" type="submit">
            {t('accounts.recovery.renew')}
          </button>
        </p>
      </form>
      <p>
        <a href={`/${locale}/account`}>{t('accounts.account.title')}</a>
      </p>
    </Layout>
  );
}

/** The recovery codes, shown once (after turning the second factor on, or making new ones). */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string | null }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.recovery.title')}>
      <h1>{t('accounts.recovery.title')}</h1>
      <p class="notice">{t('accounts.account.totpOn')}</p>
      <p>{t('accounts.recovery.intro')}</p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href={next ?? `/${locale}/account`}>
          {t('accounts.recovery.continue')}
        </a>
      </p>
    </Layout>
  );
}

export function InvitationPage(props: {
  ctx: PageContext;
  csrf: string;
  action: string;
  invitation: PendingInvitation;
  displayName: string;
  errors?: AccountFieldErrors | undefined;
}) {
  const { ctx, csrf, action, invitation, displayName, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.invite.title')}>
      <h1>{t('accounts.invite.title')}</h1>
      <p>
        {t('accounts.invite.intro', { role: describeGrant(t, invitation.grant, new Map()), email: invitation.email })}
      </p>
      {invitation.hasAccount && <p class="notice">{t('accounts.invite.existing')}</p>}
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        {!invitation.hasAccount && (
          <>
            <TextField
              t={t}
              name="displayName"
              label={t('accounts.fields.displayName')}
              value={displayName}
              autocomplete="name"
              maxLength={120}
              errors={errors}
            />
            <NewPasswordFields ctx={ctx} errors={errors} />
          </>
        )}
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.invite.submit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** The current password, asked before changing it or making new recovery codes. */
function CurrentPasswordField({ t, errors }: { t: Translate; errors?: AccountFieldErrors | undefined }) {
  return (
    <TextField
      t={t}
      name="current"
      type="password"
      label={t('accounts.fields.currentPassword')}
      autocomplete="current-password"
      maxLength={PASSWORD_MAX_LENGTH}
      errors={errors}
    />
  );
}
