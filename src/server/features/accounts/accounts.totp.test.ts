import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, cookiesFrom, formPoster, grant, TEST_PASSWORD } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { findUserByEmail } from './users.repository.js';

const codeFor = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offset,
  });

describe('two-step verification (TOTP)', () => {
  let t: TestApp;
  let post: ReturnType<typeof formPoster>;
  beforeAll(async () => {
    t = await createTestApp();
    post = formPoster(t.app, '10.3.0');
  });
  afterAll(() => t.close());

  it('sends a moderator without TOTP to enrol, and lets them in only after a valid code', async () => {
    await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], { email: 'mod@example.org' });
    const signIn = await post('/es/login', { email: 'mod@example.org', password: TEST_PASSWORD, next: '/es/admin' });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/es/account/totp?next=%2Fes%2Fadmin');
    const cookie = cookiesFrom(signIn);
    const admin = await t.app.inject({ url: '/es/admin', headers: { cookie } });
    expect(admin.statusCode).toBe(302);
    expect(admin.headers.location).toBe('/es/account/totp?next=%2Fes%2Fadmin');
    const page = await t.app.inject({ url: '/es/account/totp', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('otpauth://totp/Rumbo:mod%40example.org?');
    const secret = (await findUserByEmail(t.db, 'mod@example.org'))!.totp_secret!;
    expect(page.body).toContain(secret.slice(0, 4) + ' ' + secret.slice(4, 8));
    const wrong = await post('/es/account/totp', { code: '000000' }, cookie, '/es/account/totp');
    expect(wrong.statusCode).toBe(400);
    expect((await findUserByEmail(t.db, 'mod@example.org'))!.totp_enabled).toBe(false);
    const right = await post(
      '/es/account/totp',
      { code: codeFor(secret), next: '/es/admin' },
      cookie,
      '/es/account/totp',
    );
    // The recovery codes are shown once, with the way on to where the moderator was going.
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('href="/es/admin"');
    expect(right.body.match(/<code>[a-z2-9]{5}-[a-z2-9]{5}<\/code>/g)).toHaveLength(10);
    expect((await findUserByEmail(t.db, 'mod@example.org'))!.totp_enabled).toBe(true);
    const adminNow = await t.app.inject({ url: '/es/admin', headers: { cookie } });
    expect(adminNow.statusCode).toBe(200);
    expect(adminNow.body).toContain('/es/admin/moderation');
  });

  it('asks for the code after the password, and counts wrong codes toward the lock', async () => {
    const secret = new Secret({ size: 20 }).base32;
    await buildUser(t.db, [grant('admin')], { email: 'root@example.org', totpSecret: secret });
    const signIn = await post('/es/login', { email: 'root@example.org', password: TEST_PASSWORD });
    expect(signIn.headers.location).toBe('/es/login/totp');
    const cookie = cookiesFrom(signIn);
    expect((await t.app.inject({ url: '/es/admin/users', headers: { cookie } })).headers.location).toBe(
      '/es/login/totp?next=%2Fes%2Fadmin%2Fusers',
    );
    const page = await t.app.inject({ url: '/es/login/totp', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const wrong = await post('/es/login/totp', { code: '123456' }, cookie, '/es/login/totp');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Este código no es correcto');
    const bad = await post('/es/login/totp', { code: '<script>' }, cookie, '/es/login/totp');
    expect(bad.statusCode).toBe(400);
    const right = await post(
      '/es/login/totp',
      { code: codeFor(secret), next: '/es/admin/users' },
      cookie,
      '/es/login/totp',
    );
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/es/admin/users');
    expect((await t.app.inject({ url: '/es/admin/users', headers: { cookie } })).statusCode).toBe(200);
  });

  it('accepts a code once: the same code replayed in another session is refused', async () => {
    const secret = new Secret({ size: 20 }).base32;
    await buildUser(t.db, [grant('admin')], { email: 'replay@example.org', totpSecret: secret });
    const code = codeFor(secret);
    const first = cookiesFrom(await post('/es/login', { email: 'replay@example.org', password: TEST_PASSWORD }));
    expect((await post('/es/login/totp', { code }, first, '/es/login/totp')).statusCode).toBe(303);
    const second = cookiesFrom(await post('/es/login', { email: 'replay@example.org', password: TEST_PASSWORD }));
    const replay = await post('/es/login/totp', { code }, second, '/es/login/totp');
    expect(replay.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/es/admin/users', headers: { cookie: second } })).statusCode).toBe(302);
  });

  it('locks the account after 5 wrong codes and ends the half-signed-in session', async () => {
    const secret = new Secret({ size: 20 }).base32;
    await buildUser(t.db, [], { email: 'tina@example.org', totpSecret: secret });
    const cookie = cookiesFrom(await post('/es/login', { email: 'tina@example.org', password: TEST_PASSWORD }));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await post('/es/login/totp', { code: '999999' }, cookie, '/es/login/totp')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await findUserByEmail(t.db, 'tina@example.org'))!.locked_until).not.toBeNull();
    expect((await t.app.inject({ url: '/es/account', headers: { cookie } })).statusCode).toBe(302);
    // Signing in again with the right password is refused, as a wrong password is (the lock is not revealed there).
    const again = await post('/es/login', { email: 'tina@example.org', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(401);
    expect(again.headers['set-cookie'] ?? '').not.toContain('rumbo_session=');
  });

  it('refuses a code post without CSRF', async () => {
    const secret = new Secret({ size: 20 }).base32;
    const user = await buildUser(t.db, [], { email: 'uma@example.org', totpSecret: secret });
    const cookie = cookiesFrom(await post('/es/login', { email: 'uma@example.org', password: TEST_PASSWORD }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/es/login/totp',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `code=${codeFor(secret)}`,
    });
    expect(res.statusCode).toBe(403);
    const sessions = await t.db.query
      .selectFrom('sessions')
      .select('second_factor_done')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([{ second_factor_done: false }]);
  });
});
