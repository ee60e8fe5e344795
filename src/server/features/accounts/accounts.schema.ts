// The account forms: what each accepts, checked with checkForm so errors show next to their fields.
import { Type } from 'typebox';
import { fieldValue, type FormResult } from '../../http/form.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './secrets.js';
import type { AccountFieldErrors } from './form-fields.view.js';

/** Plain forms post strings (or repeated fields); anything else reaches the form checks below, never a 400 page. */
export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
export const LocaleField = Type.Union([
  Type.Literal('es'),
  Type.Literal('en'),
  Type.Literal('fr'),
  Type.Literal('ht'),
  Type.Literal('pt'),
]);
export const RoleField = Type.Union([
  Type.Literal('admin'),
  Type.Literal('moderator'),
  Type.Literal('org_editor'),
  Type.Literal('hub_reporter'),
  Type.Literal('publisher'),
]);
export const LocaleParams = Type.Object({ locale: Type.String() });
export const TokenParams = Type.Object({ locale: Type.String(), token: Type.String({ maxLength: 200 }) });

export const EMAIL_PATTERN = '^[^\\s@<>"]+@[^\\s@<>"]+\\.[^\\s@<>"]+$';
export const Email = Type.String({ minLength: 1, maxLength: 254, pattern: EMAIL_PATTERN });
const AnyPassword = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });
const NewPassword = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
export const DisplayName = Type.String({ minLength: 1, maxLength: 120 });

export const LoginForm = Type.Object({ email: Email, password: AnyPassword });
export const EmailForm = Type.Object({ email: Email });
export const CodeForm = Type.Object({ code: Type.String({ minLength: 1, maxLength: 10, pattern: '^[0-9 ]+$' }) });
/** A recovery code as typed ("abcde-fghjk", any case, spaces); its letters are checked when it is looked up. */
export const RecoveryForm = Type.Object({ recovery: Type.String({ minLength: 1, maxLength: 40 }) });
export const NewPasswordForm = Type.Object({
  password: NewPassword,
  confirm: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
});
/** Renewing the recovery codes asks for the current password; `set` names the set the page showed. */
export const RenewCodesForm = Type.Object({ current: AnyPassword, set: Type.String({ pattern: '^[0-9]{0,20}$' }) });
export const ChangePasswordForm = Type.Object({
  current: AnyPassword,
  password: NewPassword,
  confirm: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
});
export const NewAccountForm = Type.Object({
  displayName: DisplayName,
  password: NewPassword,
  confirm: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
});

type Body = Record<string, unknown>;

/** A password field as typed (not trimmed: spaces are part of a password). */
export function passwordField(body: Body, name: string): string {
  const raw = body[name];
  return typeof raw === 'string' ? raw : '';
}

export function emailField(body: Body): string {
  return fieldValue(body, 'email').toLowerCase();
}

/** Checks a new password and its confirmation (plus any other fields of the form). */
export function checkNewPassword<T extends { password: string; confirm: string }>(
  result: FormResult<unknown>,
  value: T,
): AccountFieldErrors | null {
  const errors: AccountFieldErrors = result.ok ? {} : { ...result.errors };
  if (!errors.password && !errors.confirm && value.password !== value.confirm) errors.confirm = 'mismatch';
  return Object.keys(errors).length ? errors : null;
}
