// Pieces every form shares: the CSRF field, an error next to a field, the error summary at the top.
import type { FieldErrors } from '../http/form.js';
import type { Translate } from '../i18n/i18n.js';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Id of the error message for a field, for aria-describedby. */
export function errorId(field: string): string {
  return `error-${field.replaceAll('.', '-')}`;
}

export function FieldError({ errors, field, t }: { errors: FieldErrors | undefined; field: string; t: Translate }) {
  const key = errors?.[field];
  if (!key) return null;
  return (
    <p class="field-error" id={errorId(field)}>
      {t(`form.errors.${key}`)}
    </p>
  );
}

export function ErrorSummary({ errors, t }: { errors: FieldErrors | undefined; t: Translate }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{t('form.errors.summary')}</p>
    </div>
  );
}
