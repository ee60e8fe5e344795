// Labelled fields of the listing form, each with its hint and its error next to it (aria-invalid, aria-describedby).
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/i18n.js';
import { errorId } from '../../ui/form.view.js';
import { OWN_ERROR_KEYS, type SubmissionErrors } from './submission-check.js';

export const fieldId = (name: string) => `field-${name.replaceAll('.', '-')}`;

export function errorText(t: Translate, key: string): string {
  return OWN_ERROR_KEYS.has(key) ? t(`submissions.errors.${key}`) : t(`form.errors.${key}`);
}

export function Problem({ t, errors, name }: { t: Translate; errors: SubmissionErrors | undefined; name: string }) {
  const key = errors?.[name];
  if (!key) return null;
  return (
    <p class="field-error" id={errorId(name)}>
      {errorText(t, key)}
    </p>
  );
}

interface FieldProps {
  t: Translate;
  errors: SubmissionErrors | undefined;
  name: string;
  label: string;
  value: string;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'url' | 'time' | 'tel';
  multiline?: boolean;
  autocomplete?: string;
}

export function Field(props: FieldProps) {
  const { t, errors, name, label, value, hint, type = 'text', multiline, autocomplete } = props;
  const invalid = Boolean(errors?.[name]);
  const hintId = hint ? `hint-${fieldId(name)}` : undefined;
  const describedBy = [hintId, invalid ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id: fieldId(name),
    name,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class="field">
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <Problem t={t} errors={errors} name={name} />
      {multiline ? (
        <textarea {...common} rows={3}>
          {value}
        </textarea>
      ) : (
        <input {...common} type={type as 'text'} value={value} autocomplete={autocomplete} />
      )}
    </div>
  );
}

export function Choice(props: {
  t: Translate;
  errors: SubmissionErrors | undefined;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const { t, errors, name, label, value, options, hint } = props;
  const invalid = Boolean(errors?.[name]);
  const hintId = hint ? `hint-${fieldId(name)}` : undefined;
  return (
    <div class="field">
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <Problem t={t} errors={errors} name={name} />
      <select
        id={fieldId(name)}
        name={name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={[hintId, invalid ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined}
      >
        <option value="">{t('submissions.form.choose')}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checks(props: {
  t: Translate;
  errors: SubmissionErrors | undefined;
  name: string;
  legend: string;
  type?: 'checkbox' | 'radio';
  checked: string[];
  options: { value: string; label: string }[];
  hint?: string;
  children?: ComponentChildren;
}) {
  const { t, errors, name, legend, type = 'checkbox', checked, options, hint, children } = props;
  const hintId = hint ? `hint-${fieldId(name)}` : undefined;
  const describedBy = [hintId, errors?.[name] ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <Problem t={t} errors={errors} name={name} />
      <ul class="checks">
        {options.map((option) => (
          <li>
            <label>
              <input type={type} name={name} value={option.value} checked={checked.includes(option.value)} />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {children}
    </fieldset>
  );
}
