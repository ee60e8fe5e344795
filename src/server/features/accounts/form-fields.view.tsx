// Form pieces for the account pages: a labelled field with its error next to it, and the summary above the form.
import type { FieldErrorKey } from '../../http/form.js';
import type { Translate } from '../../i18n/i18n.js';
import { errorId } from '../../ui/form.view.js';

/** Field errors of the account forms: the shared keys (form.errors.*) plus a few of their own (accounts.errors.*). */
export type AccountFieldErrors = Record<string, FieldErrorKey | AccountErrorKey>;
export type AccountErrorKey =
  'mismatch' | 'wrongPassword' | 'wrongCode' | 'wrongRecoveryCode' | 'ambiguous' | 'noMatch';

const OWN_KEYS = new Set<string>([
  'mismatch',
  'wrongPassword',
  'wrongCode',
  'wrongRecoveryCode',
  'ambiguous',
  'noMatch',
]);

export function errorText(t: Translate, key: string): string {
  return OWN_KEYS.has(key) ? t(`accounts.errors.${key}`) : t(`form.errors.${key}`);
}

export function TextField(props: {
  t: Translate;
  name: string;
  label: string;
  errors?: AccountFieldErrors | undefined;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete?: string;
  hint?: string;
  maxLength?: number;
  inputMode?: 'numeric';
  optional?: boolean;
}) {
  const { t, name, label, errors, type = 'text', value, autocomplete, hint, maxLength, inputMode, optional } = props;
  const error = errors?.[name];
  const hintId = hint ? `hint-${name}` : undefined;
  const describedBy = [hintId, error ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId(name)}>
          {errorText(t, error)}
        </p>
      )}
      <input
        id={`field-${name}`}
        name={name}
        // Preact types each input type apart; the runtime value is whichever was asked for.
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        maxLength={maxLength}
        inputMode={inputMode}
        required={!optional}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function FormErrors({ errors, t }: { errors: AccountFieldErrors | undefined; t: Translate }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{t('form.errors.summary')}</p>
    </div>
  );
}

/** A message above a form (wrong credentials, locked account, link sent). */
export function Notice({ text, warn = false }: { text: string | undefined; warn?: boolean }) {
  if (!text) return null;
  return (
    <p class={warn ? 'notice notice-warn' : 'notice'} role={warn ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
