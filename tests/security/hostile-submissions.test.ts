// 1,000 generated malformed or hostile submissions to the public form: wrong types, huge fields, scripts, SQL,
// broken UTF-8, control characters, a filled honeypot, a missing or forged CSRF token. Each one has at least one
// real defect, with hostile text riding along in the other fields. Expected: no 5xx, nothing written to any table,
// and every answer explains itself (the form with errors next to the fields, or an error page with its code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { encode, validFields } from '../../src/server/features/submissions/submissions.factories.js';
import { HONEYPOT } from '../../src/server/features/submissions/submission-form.js';

const RUNS = 1000;

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE organizations; --",
  "1' OR '1'='1",
  'Robert"); DELETE FROM services; --',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '\u202Eevil\u202C',
  '\u0000null byte',
  'tab\tand\r\nnew line',
  '💥🔥'.repeat(40),
  'Ñandú, São Paulo, Kreyòl, Gonaïves',
  '%C3%28',
  '<svg/onload=alert(1)>',
  '__proto__',
];

/** Text fields a submitter types into (decorated with hostile text without making them invalid on their own). */
const TEXT_FIELDS = [
  'organization.description',
  'locations.0.name',
  'locations.0.admin_area',
  'locations.0.address_1',
  'locations.0.transportation',
  'services.0.description',
  'services.0.name.en',
  'services.0.application_process',
  'services.0.documents',
];

/** What makes a case wrong: each generated case has one (or more) of these. */
type Defect =
  | { kind: 'no-csrf' }
  | { kind: 'forged-csrf'; token: string }
  | { kind: 'honeypot'; value: string }
  | { kind: 'missing'; field: string }
  | { kind: 'invalid'; field: string; value: string }
  | { kind: 'huge'; field: string; length: number }
  | { kind: 'array'; field: string }
  | { kind: 'broken-utf8'; field: string; bytes: string };

const REQUIRED = ['organization.name', 'locations.0.city', 'services.0.name', 'submitter_email', 'organization.kind'];
const INVALID: [string, string[]][] = [
  ['locations.0.country_code', ['XX', 'mx1', '<b>', "MX' --", '']],
  ['locations.0.latitude', ['abc', '91', '-1e309', 'NaN', '1,5']],
  ['locations.0.longitude', ['181', 'Infinity', '0x10']],
  ['organization.email', ['not-an-email', 'a@', '<script>@x.org']],
  ['organization.website', ['javascript:alert(1)', 'ftp://x', 'data:text/html,<script>']],
  ['organization.kind', ['bank', "ngo' OR 1=1", '']],
  ['services.0.cost', ['free; DROP TABLE services', 'gratis']],
  ['locations.0.address_visibility', ['secret', '1']],
  ['services.0.phones.0.number', ['call me', '<script>', '12']],
  ['services.0.categories', ['not-a-category', '../../etc']],
  ['services.0.populations', ['aliens']],
  ['services.0.hours.1.opens', ['25:00', 'noon']],
  ['submitter_email', ['nobody', 'x@y']],
  ['organization.name', ['\u0000', 'bad \uFFFD text']],
];

const defect: fc.Arbitrary<Defect> = fc.oneof(
  fc.constant({ kind: 'no-csrf' } as const),
  fc.string({ minLength: 1, maxLength: 60 }).map((token) => ({ kind: 'forged-csrf', token }) as const),
  fc.constantFrom(...HOSTILE, 'http://spam.example').map((value) => ({ kind: 'honeypot', value }) as const),
  fc.constantFrom(...REQUIRED).map((field) => ({ kind: 'missing', field }) as const),
  fc
    .constantFrom(...INVALID)
    .chain(([field, values]) =>
      fc.constantFrom(...values).map((value) => ({ kind: 'invalid', field, value }) as const),
    ),
  fc
    .record({
      field: fc.constantFrom(...REQUIRED.slice(0, 3), ...TEXT_FIELDS),
      length: fc.integer({ min: 5_000, max: 300_000 }),
    })
    .map(({ field, length }) => ({ kind: 'huge', ...{ field, length } }) as const),
  fc
    .constantFrom('organization.name', 'locations.0.city', 'submitter_email', 'services.0.cost')
    .map((field) => ({ kind: 'array', field }) as const),
  fc
    .record({
      field: fc.constantFrom('organization.name', 'locations.0.city'),
      bytes: fc.constantFrom('%C3%28', '%FF%FE', '%ED%A0%80', '%F0%28%8C%BC'),
    })
    .map(({ field, bytes }) => ({ kind: 'broken-utf8', ...{ field, bytes } }) as const),
);

const decoration = fc.dictionary(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...HOSTILE), { maxKeys: 4 });

describe(`${RUNS} hostile or malformed submissions`, () => {
  let t: TestApp;
  let token = '';
  let cookie = '';
  beforeAll(async () => {
    t = await createTestApp();
    const page = await t.app.inject('/es/submit');
    token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  });
  afterAll(() => t?.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await t.db.query
      .selectFrom('pg_catalog.pg_tables' as never)
      .select('tablename' as never)
      .where('schemaname' as never, '=', 'public' as never)
      .execute();
    const counts: Record<string, number> = {};
    for (const { tablename } of tables as { tablename: string }[]) {
      const row = await t.db.query
        .selectFrom(tablename as never)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[tablename] = Number((row as { n: string }).n);
    }
    return counts;
  }

  it('answers every one with an explanation, never a 5xx, and writes nothing', async () => {
    const before = await rowCounts();
    const seen = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(defect, { minLength: 1, maxLength: 3 }), decoration, async (defects, decorations) => {
        n += 1;
        const fields: Record<string, string | string[]> = { ...validFields(decorations), action: 'submit' };
        let csrf: string | undefined = token;
        let raw = '';
        for (const d of defects) {
          seen.set(d.kind, (seen.get(d.kind) ?? 0) + 1);
          if (d.kind === 'no-csrf') csrf = undefined;
          if (d.kind === 'forged-csrf') csrf = d.token;
          if (d.kind === 'honeypot') fields[HONEYPOT] = d.value;
          if (d.kind === 'missing') delete fields[d.field];
          if (d.kind === 'invalid') fields[d.field] = d.value;
          if (d.kind === 'huge') fields[d.field] = 'A'.repeat(d.length);
          if (d.kind === 'array') fields[d.field] = [String(fields[d.field] ?? 'x'), 'second value'];
          if (d.kind === 'broken-utf8') {
            delete fields[d.field];
            raw += `&${encodeURIComponent(d.field)}=Casa${d.bytes}Rota`;
          }
        }
        if (csrf !== undefined) fields._csrf = csrf;
        const response = await t.app.inject({
          method: 'POST',
          url: '/es/submit',
          remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          payload: encode(fields) + raw,
        });
        expect(response.statusCode, response.body.slice(0, 500)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        // It explains itself: the form with an error summary and messages next to fields, or an error page
        // with a stable code and a message in Spanish.
        const explained = /class="error-summary"/.test(response.body) || /<code>[A-Z_]{5,}<\/code>/.test(response.body);
        expect(explained, response.body.slice(0, 800)).toBe(true);
        expect(response.body).not.toMatch(/at [\w.]+ \(.*:\d+:\d+\)/); // no stack trace
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts()).toEqual(before);
    // Every kind of defect was exercised.
    expect([...seen.keys()].sort()).toEqual(
      ['array', 'broken-utf8', 'forged-csrf', 'honeypot', 'huge', 'invalid', 'missing', 'no-csrf'].sort(),
    );
  }, 600_000);
});
