import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { hashToken } from '../accounts/secrets.js';
import { draftToken, encode, formToken, postForm, rowCounts, validFields } from './submissions.factories.js';

describe('the submission form under abuse', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a filled honeypot with a generic error and writes nothing', async () => {
    const before = await rowCounts(t.db);
    for (const action of ['submit', 'save', 'add-location']) {
      const response = await postForm(t.app, '/es/submit', { ...validFields({ company_fax: '555-0100' }), action });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('BAD_REQUEST');
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('writes nothing for a fresh form posted without one of its buttons', async () => {
    const before = await rowCounts(t.db);
    for (const action of [undefined, 'delete-everything', ['save', 'submit']]) {
      const fields = validFields();
      const response = await postForm(t.app, '/en/submit', action === undefined ? fields : { ...fields, action });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("Use one of the form's buttons");
      expect(response.body).toContain('value="Casa Refugio Esperanza"');
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('refuses a post without a valid CSRF token (403) and writes nothing', async () => {
    const before = await rowCounts(t.db);
    const body = encode({ ...validFields(), action: 'submit' });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const missing = await t.app.inject({
      method: 'POST',
      url: '/es/submit',
      remoteAddress: '10.3.0.1',
      headers,
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('CSRF_INVALID');
    const csrf = await formToken(t.app, '/es/submit');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/es/submit',
      remoteAddress: '10.3.0.1',
      headers: { ...headers, cookie: csrf.cookie },
      payload: `${body}&_csrf=${csrf.token.slice(0, -2)}xx`,
    });
    expect(wrong.statusCode).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('refuses a body over 100 KB with the 413 page and writes nothing', async () => {
    const before = await rowCounts(t.db);
    const response = await postForm(t.app, '/es/submit', {
      ...validFields({ 'organization.description': 'x'.repeat(110 * 1024) }),
      action: 'save',
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('demasiado grande');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('accepts at most 5 submissions per email address in 24 hours', async () => {
    const email = 'limit@example.org';
    for (let i = 0; i < 5; i++) {
      const sent = await postForm(t.app, '/es/submit', {
        ...validFields({ submitter_email: email }),
        action: 'submit',
      });
      expect(sent.statusCode).toBe(303);
    }
    const before = await rowCounts(t.db);
    const sixth = await postForm(t.app, '/en/submit', {
      ...validFields({ submitter_email: email.toUpperCase() }),
      action: 'submit',
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('id="error-submitter_email"');
    expect(sixth.body).toContain('too many listings today');
    expect(sixth.body).toContain('value="Casa Refugio Esperanza"');
    expect(await rowCounts(t.db)).toEqual(before);
    // From a saved draft too: the draft keeps what was typed, nothing is sent.
    const saved = await postForm(t.app, '/es/submit', { ...validFields({ submitter_email: email }), action: 'save' });
    const url = `/es/submit/draft/${draftToken(saved)}`;
    const fromDraft = await postForm(
      t.app,
      url,
      { ...validFields({ submitter_email: email }), action: 'submit' },
      { formUrl: url },
    );
    expect(fromDraft.statusCode).toBe(429);
    const row = await t.db.query
      .selectFrom('submissions')
      .select('status')
      .where('draft_token_hash', '=', hashToken(draftToken(saved)))
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });

  it('limits posts per IP address (30 an hour) with the RATE_LIMITED page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await postForm(
        t.app,
        '/es/submit',
        { ...validFields({ 'organization.name': '' }), action: 'submit' },
        { remoteAddress: '10.9.9.9' },
      );
      statuses.push(response.statusCode);
      if (i === 30) {
        expect(response.body).toContain('RATE_LIMITED');
        // The wait the limiter says (the hour's window), not "a minute".
        expect(response.body).toMatch(/Espere (59|60) minutos y vuelva a intentar/);
      }
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address is not affected.
    const other = await postForm(t.app, '/es/submit', {
      ...validFields({ 'organization.name': '' }),
      action: 'submit',
    });
    expect(other.statusCode).toBe(400);
  });

  const hostile: [string, Record<string, string | string[]> | string, string][] = [
    [
      'a script as the name, with a broken email',
      { 'organization.name': '<script>alert(1)</script>', submitter_email: '"><script>' },
      'error-submitter_email',
    ],
    ['SQL in the city', { 'locations.0.city': "x'); DROP TABLE submissions; --" }, 'error-locations-0-city'],
    ['broken UTF-8 in the name', 'organization.name=%C3%28', 'error-organization-name'],
    ['a NUL byte in the description', 'organization.description=abc%00def', 'error-organization-description'],
    ['a lone surrogate in the service name', 'services.0.name=%ED%A0%80', 'error-services-0-name'],
    ['two values where one is expected', { 'organization.name': ['A', 'B'] }, 'error-organization-name'],
    [
      'a latitude out of range',
      { 'locations.0.latitude': '999', 'locations.0.longitude': '-92' },
      'error-locations-0-latitude',
    ],
    [
      'a longitude that is not a number',
      { 'locations.0.latitude': '14.9', 'locations.0.longitude': 'NaN' },
      'error-locations-0-longitude',
    ],
    ['an unknown organization kind', { 'organization.kind': 'cartel' }, 'error-organization-kind'],
    ['an unknown category', { 'services.0.categories': 'weapons' }, 'error-services-0-categories'],
    ['a country outside the region', { 'locations.0.country_code': 'ZZ' }, 'error-locations-0-country_code'],
    [
      'an address visibility that does not exist',
      { 'locations.0.address_visibility': 'public' },
      'error-locations-0-address_visibility',
    ],
    ['a javascript: url', { 'services.0.url': 'javascript:alert(1)' }, 'error-services-0-url'],
    [
      'a phone number with letters',
      { 'services.0.phones.0.number': 'call me maybe' },
      'error-services-0-phones-0-number',
    ],
    ['a name far too long', { 'organization.name': 'n'.repeat(5000) }, 'error-organization-name'],
    [
      'too many categories',
      { 'services.0.categories': Array.from({ length: 40 }, (_, i) => `cat-${i}`) },
      'error-services-0-categories',
    ],
    ['an invalid language code', { 'services.0.other_languages': 'klingon!!' }, 'error-services-0-languages'],
    ['a service offered at no place', { 'services.0.location_keys': 'new-99' }, 'error-services-0-location_keys'],
    [
      'a hidden key tampered with',
      { 'locations.0.key': '../../etc/passwd', 'services.0.location_keys': '../../etc/passwd' },
      'error-services-0-location_keys',
    ],
  ];

  it.each(hostile)('answers %s with an error next to the field, no 500 and no row', async (_, input, errorId) => {
    const before = await rowCounts(t.db);
    const payloadFor = async (action: string) => {
      const csrf = await formToken(t.app, '/es/submit');
      const base = encode({ ...validFields(), action, _csrf: csrf.token });
      if (typeof input === 'string') {
        // Raw pairs replace the valid field of the same name.
        const name = input.split('=')[0]!;
        const kept = base.split('&').filter((pair) => !pair.startsWith(`${encodeURIComponent(name)}=`));
        return { payload: [...kept, input].join('&'), cookie: csrf.cookie };
      }
      return { payload: encode({ ...validFields(input), action, _csrf: csrf.token }), cookie: csrf.cookie };
    };
    for (const action of ['submit', 'save']) {
      const { payload, cookie } = await payloadFor(action);
      const response = await t.app.inject({
        method: 'POST',
        url: '/es/submit',
        remoteAddress: `10.4.${hostile.findIndex(([name]) => name === _)}.${action === 'save' ? 1 : 2}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload,
      });
      expect(response.statusCode).toBeLessThan(500);
      if (action === 'submit' || response.statusCode !== 303) {
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('class="error-summary"');
      }
      if (action === 'submit') expect(response.body).toContain(`id="${errorId}"`);
      expect(response.body).not.toContain('<script>alert(1)</script>');
      // A save that passes the light draft check may keep a draft; nothing else is written.
      const after = await rowCounts(t.db);
      expect(after.auth_tokens).toBe(before.auth_tokens);
      expect(after.mail_outbox).toBe(before.mail_outbox);
      if (response.statusCode === 303) {
        const hash = hashToken(draftToken(response));
        await t.db.query
          .deleteFrom('submissions')
          .where('draft_token_hash', '=', hash)
          .where('status', '=', 'draft')
          .execute();
      }
      expect(await rowCounts(t.db)).toEqual(before);
    }
  });

  it('saves hostile input into an existing draft without harm, and shows it escaped', async () => {
    const saved = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    const url = `/es/submit/draft/${draftToken(saved)}`;
    const before = await rowCounts(t.db);
    const csrf = await formToken(t.app, url);
    const response = await t.app.inject({
      method: 'POST',
      url,
      remoteAddress: '10.5.0.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      payload: `${encode({ ...validFields({ 'organization.name': '<script>alert(1)</script>' }), action: 'save', _csrf: csrf.token })}&organization.description=a%00b%C3%28`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(response.body).toContain('id="error-organization-description"');
    expect(await rowCounts(t.db)).toEqual(before);
    const page = await t.app.inject({ method: 'GET', url });
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
