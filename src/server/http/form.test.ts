// Form checks against a schema: one message key per field, the one that says what is wrong.
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { checkForm, WEB_ADDRESS_PATTERN } from './form.js';

const Schema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 10 }),
  kind: Type.Union([Type.Literal('shelter'), Type.Literal('clinic')]),
  cost: Type.Union([Type.Literal('free'), Type.Literal('paid')]),
  website: Type.Union([Type.String({ pattern: WEB_ADDRESS_PATTERN, maxLength: 30 }), Type.Null()]),
  code: Type.String({ pattern: '^[A-Z]{2}$' }),
  services: Type.Array(Type.Object({ url: Type.Union([Type.String({ pattern: WEB_ADDRESS_PATTERN }), Type.Null()]) })),
});

describe('checkForm', () => {
  it('says an empty field is missing, a bad web address what one is, and keeps the rule for the rest', () => {
    const result = checkForm(Schema, {
      name: '',
      kind: '',
      cost: 'maybe',
      website: 'javascript:alert(1)',
      code: 'mex',
      services: [{ url: 'example.org' }, { url: null }],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'required',
        kind: 'required',
        cost: 'invalid',
        website: 'url',
        code: 'invalid',
        'services.0.url': 'url',
      },
    });
  });

  it('keeps length messages for web addresses that start right', () => {
    const result = checkForm(Schema, {
      name: 'x'.repeat(11),
      kind: 'shelter',
      cost: 'free',
      website: `https://${'x'.repeat(30)}`,
      code: 'MX',
      services: [],
    });
    expect(result).toEqual({ ok: false, errors: { name: 'tooLong', website: 'tooLong' } });
  });
});
