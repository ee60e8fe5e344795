// Plain HTML forms: checks a parsed value against its schema and turns every problem into a message key per
// field, so a page can show each error next to its field in the visitor's language (never a 400 page).
import type { Static, TSchema } from 'typebox';
import { Settings } from 'typebox/system';
import { Value } from 'typebox/value';

// TypeBox stops listing errors at 8 by default: a form answers every field's problem at once (a listing form left
// empty has dozens). The bound keeps a hostile body's check finite.
Settings.Set({ maxErrors: 1000 });

/** Field path ("organization.name", "services.0.phones.1.number") → message key under "form.errors". */
export type FieldErrors = Record<string, FieldErrorKey>;

export type FieldErrorKey = 'required' | 'tooLong' | 'tooShort' | 'tooMany' | 'tooFew' | 'email' | 'url' | 'invalid';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function checkForm<T extends TSchema>(schema: T, value: unknown): FormResult<Static<T>> {
  if (Value.Check(schema, value)) return { ok: true, value: value as Static<T> };
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, value)) {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const property of missing) errors[base ? `${base}.${property}` : property] ??= 'required';
      continue;
    }
    // A field left empty that had to hold something (a choice, an address) was not filled in, whatever rule it broke.
    errors[base || 'form'] ??=
      valueAt(value, error.instancePath) === ''
        ? 'required'
        : keyFor(error.keyword, error.params as Record<string, unknown>);
  }
  if (Object.keys(errors).length === 0) errors.form = 'invalid';
  return { ok: false, errors };
}

/** The pattern of fields that hold a web address (listing.schema.ts): its errors get the address message. */
export const WEB_ADDRESS_PATTERN = '^https?://';

/** The value at a JSON pointer ("/services/0/url"), or undefined. */
function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const part of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function keyFor(keyword: string, params: Record<string, unknown>): FieldErrorKey {
  switch (keyword) {
    case 'maxLength':
      return 'tooLong';
    case 'minLength':
      return params.limit === 1 ? 'required' : 'tooShort';
    case 'maxItems':
      return 'tooMany';
    case 'minItems':
      return 'tooFew';
    case 'format':
      return params.format === 'email' ? 'email' : 'invalid';
    case 'pattern':
      return params.pattern === WEB_ADDRESS_PATTERN ? 'url' : 'invalid';
    default:
      return 'invalid';
  }
}

/** A form field sent once or several times: always an array of strings. */
export function fieldValues(body: Record<string, unknown>, name: string): string[] {
  const raw = body[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

/** A single text field, trimmed; "" when absent or sent as something other than text. */
export function fieldValue(body: Record<string, unknown>, name: string): string {
  const raw = body[name];
  return typeof raw === 'string' ? raw.trim() : '';
}
