// /{locale}/admin/users: everyone with an account and their roles, revoking a role, and inviting someone.
import { LOCALES, ROLES } from '../../db/schema.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { CsrfField, errorId } from '../../ui/form.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import { errorText, FormErrors, Notice, TextField, type AccountFieldErrors } from '../accounts/form-fields.view.js';
import type { UserWithRoles } from './admin-users.repository.js';

export const USERS_PER_PAGE = 50;
export const COUNTRY_CODES = [
  'BZ',
  'CR',
  'CU',
  'DO',
  'GT',
  'HN',
  'HT',
  'JM',
  'MX',
  'NI',
  'PA',
  'SV',
  'TT',
  'BS',
] as const;

export interface InviteValues {
  email: string;
  displayName: string;
  role: string;
  countryCode: string;
  organization: string;
  hubLocationId: string;
  locale: string;
}

export const EMPTY_INVITE: InviteValues = {
  email: '',
  displayName: '',
  role: 'moderator',
  countryCode: '',
  organization: '',
  hubLocationId: '',
  locale: '',
};

function Select(props: {
  ctx: PageContext;
  name: keyof InviteValues;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  errors: AccountFieldErrors | undefined;
  hint?: string;
}) {
  const { ctx, name, label, options, value, errors, hint } = props;
  const error = errors?.[name];
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {error && (
        <p class="field-error" id={errorId(name)}>
          {errorText(ctx.t, error)}
        </p>
      )}
      <select
        id={`field-${name}`}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId(name) : undefined}
      >
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AdminUsersPage(props: {
  ctx: PageContext;
  csrf: string;
  viewerId: string;
  users: UserWithRoles[];
  total: number;
  page: number;
  invite: InviteValues;
  errors?: AccountFieldErrors | undefined;
  notice?: string | undefined;
  /** Organizations that matched an ambiguous name. */
  matches?: { id: string; name: string }[];
}) {
  const { ctx, csrf, viewerId, users, total, page, invite, errors, notice, matches } = props;
  const { t, locale } = ctx;
  const none = { value: '', label: '—' };
  return (
    <Layout ctx={ctx} title={t('accounts.users.title')}>
      <h1>{t('accounts.users.title')}</h1>
      <Notice text={notice} />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.fields.email')}</th>
              <th scope="col">{t('accounts.fields.displayName')}</th>
              <th scope="col">{t('accounts.account.roles')}</th>
              <th scope="col">{t('accounts.users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td>{user.email}</td>
                <td>{user.displayName}</td>
                <td>
                  <ul>
                    {user.roles.map((grant) => (
                      <li>
                        {t(`accounts.roles.${grant.role}`)}
                        {grant.countryCode && ` (${grant.countryCode})`}
                        {grant.organizationId && ` (${grant.organizationName ?? grant.organizationId})`}
                        {grant.hubLocationId && ` (${grant.hubLocationId})`}{' '}
                        {!(user.id === viewerId && grant.role === 'admin') && (
                          <form method="post" action={`/${locale}/admin/users/roles/${grant.id}/revoke`}>
                            <CsrfField token={csrf} />
                            <button class="button button-danger" type="submit">
                              {t('accounts.users.revoke')}
                            </button>
                          </form>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {user.isDemo && <span class="badge">{t('accounts.users.demo')}</span>}{' '}
                  {user.totpEnabled && <span class="badge">{t('accounts.users.totp')}</span>}{' '}
                  {user.lockedUntil && user.lockedUntil.getTime() > Date.now() && (
                    <span class="badge badge-stale">{t('accounts.users.locked')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination t={t} path={`/${locale}/admin/users`} query={{}} page={page} perPage={USERS_PER_PAGE} total={total} />

      <h2 id="invite">{t('accounts.users.inviteTitle')}</h2>
      <FormErrors errors={errors} t={t} />
      <form class="form" method="post" action={`/${locale}/admin/users/invite`}>
        <CsrfField token={csrf} />
        <TextField
          t={t}
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          value={invite.email}
          maxLength={254}
          errors={errors}
        />
        <TextField
          t={t}
          name="displayName"
          label={t('accounts.fields.displayName')}
          value={invite.displayName}
          maxLength={120}
          errors={errors}
        />
        <Select
          ctx={ctx}
          name="role"
          label={t('accounts.users.role')}
          value={invite.role}
          errors={errors}
          options={ROLES.map((role) => ({ value: role, label: t(`accounts.roles.${role}`) }))}
        />
        <fieldset>
          <legend>{t('accounts.users.scope')}</legend>
          <Select
            ctx={ctx}
            name="countryCode"
            label={t('accounts.users.country')}
            value={invite.countryCode}
            errors={errors}
            hint={t('accounts.users.countryHint')}
            options={[
              none,
              ...COUNTRY_CODES.map((code) => ({ value: code, label: `${t(`countries.${code}`)} (${code})` })),
            ]}
          />
          <TextField
            t={t}
            name="organization"
            label={t('accounts.users.organization')}
            value={invite.organization}
            hint={t('accounts.users.organizationHint')}
            maxLength={200}
            errors={errors}
            optional
          />
          {matches && matches.length > 0 && (
            <ul class="hint">
              {matches.map((match) => (
                <li>
                  {match.name}: <code>{match.id}</code>
                </li>
              ))}
            </ul>
          )}
          <TextField
            t={t}
            name="hubLocationId"
            label={t('accounts.users.hub')}
            value={invite.hubLocationId}
            hint={t('accounts.users.hubHint')}
            maxLength={36}
            errors={errors}
            optional
          />
        </fieldset>
        <Select
          ctx={ctx}
          name="locale"
          label={t('accounts.users.locale')}
          value={invite.locale || locale}
          errors={errors}
          options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <p class="actions">
          <button class="button" type="submit">
            {t('accounts.users.inviteSubmit')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
