import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, csrfFor, grant, sessionCookie, TEST_PASSWORD } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { hashToken, newToken, verifyPassword } from './secrets.js';
import { insertToken } from './tokens.repository.js';
import { findUserById } from './users.repository.js';

const form = 'application/x-www-form-urlencoded';

describe('every account form refuses a post without a valid CSRF token, changing nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 403 CSRF_INVALID on each route and leaves accounts, sessions and links as they were', async () => {
    const user = await buildUser(t.db, [], { email: 'vera@example.org' });
    const cookie = await sessionCookie(t.db, user.id, false);
    const admin = await buildUser(t.db, [grant('admin')]);
    const adminCookie = await sessionCookie(t.db, admin.id);
    const [role] = await t.db.query.selectFrom('user_roles').select('id').where('user_id', '=', admin.id).execute();
    const tokens = { magic_link: newToken(), password_reset: newToken(), invitation: newToken() };
    for (const [purpose, token] of Object.entries(tokens) as [keyof typeof tokens, string][]) {
      await insertToken(t.db, {
        tokenHash: hashToken(token),
        purpose,
        userId: purpose === 'invitation' ? null : user.id,
        email: purpose === 'invitation' ? 'newcomer@example.org' : user.email,
        payload:
          purpose === 'invitation'
            ? {
                displayName: 'N',
                locale: 'es',
                role: 'publisher',
                countryCode: null,
                organizationId: null,
                hubLocationId: null,
                invitedBy: admin.id,
              }
            : {},
        expiresAt: new Date(Date.now() + 600_000),
      });
    }
    const password = { password: 'a new long password', confirm: 'a new long password' };
    const posts: [string, Record<string, string>, string][] = [
      ['/es/login', { email: user.email, password: TEST_PASSWORD }, ''],
      ['/es/logout', {}, cookie],
      ['/es/login/link', { email: user.email }, ''],
      [`/es/login/link/${tokens.magic_link}`, {}, ''],
      ['/es/login/totp', { code: '123456' }, cookie],
      ['/es/password/forgot', { email: user.email }, ''],
      [`/es/password/reset/${tokens.password_reset}`, password, ''],
      ['/es/account/password', { current: TEST_PASSWORD, ...password }, cookie],
      ['/es/account/totp', { code: '123456' }, cookie],
      [`/es/invite/${tokens.invitation}`, { displayName: 'New', ...password }, ''],
      [
        '/es/admin/users/invite',
        { email: 'z@example.org', displayName: 'Z', role: 'publisher', locale: 'es' },
        adminCookie,
      ],
      [`/es/admin/users/roles/${role!.id}/revoke`, {}, adminCookie],
    ];
    const { token: otherToken } = await csrfFor(t.app);
    for (const [url, fields, sessionCookieValue] of posts) {
      for (const csrf of [undefined, 'forged', otherToken]) {
        const { cookie: csrfCookie } = await csrfFor(t.app, sessionCookieValue);
        const res = await t.app.inject({
          method: 'POST',
          url,
          // Without the csrf cookie for `otherToken`: a token from another browser does not fit this one.
          headers: {
            'content-type': form,
            cookie: csrf === otherToken ? csrfCookie : sessionCookieValue || csrfCookie,
          },
          payload: new URLSearchParams(csrf ? { ...fields, _csrf: csrf } : fields).toString(),
        });
        expect(res.statusCode, `${url} with ${csrf ?? 'no token'}`).toBe(403);
        expect(res.body).toContain('CSRF_INVALID');
      }
    }
    expect(
      await t.db.query.selectFrom('auth_tokens').select('used_at').where('used_at', 'is not', null).execute(),
    ).toHaveLength(0);
    expect(await t.db.query.selectFrom('auth_tokens').selectAll().execute()).toHaveLength(3);
    expect(await t.db.query.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(0);
    expect(await t.db.query.selectFrom('sessions').selectAll().execute()).toHaveLength(2);
    expect(await t.db.query.selectFrom('users').selectAll().execute()).toHaveLength(2);
    expect(await t.db.query.selectFrom('user_roles').selectAll().execute()).toHaveLength(1);
    const after = (await findUserById(t.db, user.id))!;
    expect(await verifyPassword(after.password_hash!, TEST_PASSWORD)).toBe(true);
    expect(after.totp_secret).toBeNull();
    expect(after.failed_logins).toBe(0);
  });

  it('answers wrong field types with the form and its errors, not a 500', async () => {
    const token = newToken();
    const user = await buildUser(t.db, [], { email: 'wes@example.org' });
    await insertToken(t.db, {
      tokenHash: hashToken(token),
      purpose: 'password_reset',
      userId: user.id,
      email: user.email,
      expiresAt: new Date(Date.now() + 600_000),
    });
    const csrf = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/es/password/reset/${token}`,
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&password=a&password=b&confirm[x]=1`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="field-error"');
    const huge = await t.app.inject({
      method: 'POST',
      url: `/es/password/reset/${token}`,
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload: new URLSearchParams({
        _csrf: csrf.token,
        password: 'p'.repeat(100_000),
        confirm: 'p'.repeat(100_000),
      }).toString(),
    });
    expect(huge.statusCode).toBe(400);
    const tooBig = await t.app.inject({
      method: 'POST',
      url: `/es/password/reset/${token}`,
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload: new URLSearchParams({ _csrf: csrf.token, password: 'p'.repeat(300_000) }).toString(),
    });
    expect(tooBig.statusCode).toBe(413);
    const row = await t.db.query
      .selectFrom('auth_tokens')
      .select('used_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });
});
