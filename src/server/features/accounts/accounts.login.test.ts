import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, cookiesFrom, csrfFor, TEST_PASSWORD } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { findUserByEmail, updateUser } from './users.repository.js';

const form = 'application/x-www-form-urlencoded';
let ipCounter = 0;
/** Each test signs in from its own address, so the per-address rate limit does not mix tests. */
const nextIp = () => `10.1.0.${++ipCounter}`;

describe('signing in with a password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function login(fields: Record<string, string>, options: { ip?: string; cookie?: string; csrf?: boolean } = {}) {
    const csrf = await csrfFor(t.app, options.cookie ?? '');
    const payload = new URLSearchParams(options.csrf === false ? fields : { _csrf: csrf.token, ...fields }).toString();
    return t.app.inject({
      method: 'POST',
      url: '/es/login',
      remoteAddress: options.ip ?? nextIp(),
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload,
    });
  }
  const sessionCount = async () =>
    Number(
      (
        await t.db.query
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('shows the form in every language with a CSRF field', async () => {
    for (const locale of ['es', 'en', 'fr', 'ht', 'pt']) {
      const res = await t.app.inject(`/${locale}/login`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.body).toContain('name="_csrf"');
      expect(res.body).not.toContain('accounts.');
    }
  });

  it('signs in, shows the account, and signs out', async () => {
    const user = await buildUser(t.db, [], { email: 'ana@example.org' });
    const res = await login({ email: 'Ana@Example.org', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/es/account');
    const cookie = cookiesFrom(res);
    expect(cookie).toContain('rumbo_session=');
    const account = await t.app.inject({ url: '/es/account', headers: { cookie } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('ana@example.org');
    // The header's "Sign in" (public pages are the same for everyone) takes a signed-in viewer on.
    const again = await t.app.inject({ url: '/es/login', headers: { cookie } });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/es/account');
    const onward = await t.app.inject({ url: '/en/login?next=%2Fen%2Fsubmit', headers: { cookie } });
    expect(onward.headers.location).toBe('/en/submit');
    const elsewhere = await t.app.inject({ url: '/es/login?next=%2F%2Fevil.example', headers: { cookie } });
    expect(elsewhere.headers.location).toBe('/es/account');
    const { token, cookie: both } = await csrfFor(t.app, cookie, '/es/account');
    const out = await t.app.inject({
      method: 'POST',
      url: '/es/logout',
      headers: { 'content-type': form, cookie: both },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(out.statusCode).toBe(303);
    const after = await t.app.inject({ url: '/es/account', headers: { cookie } });
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toBe('/es/login?next=%2Fes%2Faccount');
    const rows = await t.db.query.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('starts a new session on every sign-in and ends the one the browser had', async () => {
    await buildUser(t.db, [], { email: 'bea@example.org' });
    const first = await login({ email: 'bea@example.org', password: TEST_PASSWORD });
    const firstCookie = cookiesFrom(first)
      .split('; ')
      .find((c) => c.startsWith('rumbo_session='))!;
    const second = await login({ email: 'bea@example.org', password: TEST_PASSWORD }, { cookie: firstCookie });
    const secondCookie = cookiesFrom(second)
      .split('; ')
      .find((c) => c.startsWith('rumbo_session='))!;
    expect(secondCookie).not.toBe(firstCookie);
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: firstCookie } })).statusCode).toBe(302);
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: secondCookie } })).statusCode).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await buildUser(t.db, [], { email: 'carla@example.org' });
    const wrong = await login({ email: 'carla@example.org', password: 'not the password' });
    const unknown = await login({ email: 'nobody@example.org', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: string) =>
      body.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*@example.org"/, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
    expect(wrong.body).toContain('El correo o la contraseña no son correctos');
  });

  it('locks the account after 5 wrong passwords, even against the right one, until the lock ends, without saying so', async () => {
    await buildUser(t.db, [], { email: 'dora@example.org' });
    const ip = nextIp();
    for (let i = 0; i < 4; i++) {
      expect((await login({ email: 'dora@example.org', password: `wrong ${i}` }, { ip })).statusCode).toBe(401);
    }
    const fifth = await login({ email: 'dora@example.org', password: 'wrong 5' }, { ip });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.body).toContain('la cuenta se pausa 15 minutos');
    const right = await login({ email: 'dora@example.org', password: TEST_PASSWORD }, { ip: nextIp() });
    expect(right.statusCode).toBe(401);
    expect(right.headers['set-cookie'] ?? '').not.toContain('rumbo_session=');
    // The lock does not tell that the address has an account: the same page as for an address without one.
    const unknown = await login({ email: 'nadie@example.org', password: TEST_PASSWORD }, { ip: nextIp() });
    const strip = (body: string) =>
      body.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*@example.org"/, '');
    expect(strip(right.body)).toBe(strip(unknown.body));
    const user = (await findUserByEmail(t.db, 'dora@example.org'))!;
    await updateUser(t.db, user.id, { locked_until: new Date(Date.now() - 1000) });
    const later = await login({ email: 'dora@example.org', password: TEST_PASSWORD }, { ip: nextIp() });
    expect(later.statusCode).toBe(303);
    const cleared = (await findUserByEmail(t.db, 'dora@example.org'))!;
    expect(cleared.failed_logins).toBe(0);
    expect(cleared.locked_until).toBeNull();
  });

  it('follows a safe next and ignores one that leaves the site', async () => {
    await buildUser(t.db, [], { email: 'eva@example.org' });
    const page = await t.app.inject('/es/login?next=%2Fes%2Fservices');
    expect(page.body).toContain('name="next" value="/es/services"');
    const ok = await login({ email: 'eva@example.org', password: TEST_PASSWORD, next: '/es/services' });
    expect(ok.headers.location).toBe('/es/services');
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const res = await login({ email: 'eva@example.org', password: TEST_PASSWORD, next });
      expect(res.headers.location).toBe('/es/account');
    }
    const evilPage = await t.app.inject('/es/login?next=%2F%2Fevil.example');
    expect(evilPage.body).not.toContain('name="next"');
  });

  it('refuses a post without or with a wrong CSRF token and signs no one in', async () => {
    await buildUser(t.db, [], { email: 'fia@example.org' });
    const before = await sessionCount();
    const missing = await login({ email: 'fia@example.org', password: TEST_PASSWORD }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('CSRF_INVALID');
    const wrong = await login({ email: 'fia@example.org', password: TEST_PASSWORD, _csrf: 'forged' }, { csrf: false });
    expect(wrong.statusCode).toBe(403);
    expect(await sessionCount()).toBe(before);
  });

  it('answers bad input with errors next to the fields, escaped, and no session', async () => {
    const before = await sessionCount();
    const huge = await login({ email: `${'a'.repeat(5000)}@example.org`, password: 'x'.repeat(5000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('class="field-error"');
    expect(huge.body).toContain('aria-invalid="true"');
    const script = await login({ email: '<script>alert(1)</script>', password: '' });
    expect(script.statusCode).toBe(400);
    expect(script.body).not.toContain('<script>alert');
    expect(script.body).toContain('value="&lt;script>alert(1)&lt;/script>"');
    const csrf = await csrfFor(t.app);
    const arrays = await t.app.inject({
      method: 'POST',
      url: '/es/login',
      remoteAddress: nextIp(),
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&email=a@example.org&email=b@example.org&password[x]=1`,
    });
    expect(arrays.statusCode).toBe(400);
    expect(await sessionCount()).toBe(before);
  });

  it('limits sign-in attempts per address', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login({ email: 'x@example.org', password: 'nope' }, { ip })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
