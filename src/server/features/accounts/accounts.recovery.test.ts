// Recovery codes of the second factor: shown once when it is turned on, each good once in place of the app's code,
// renewed from the account page (the old ones stop working), wrong ones counted toward the lock.
import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, cookiesFrom, formPoster, grant, TEST_PASSWORD } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { renewRecoveryCodes } from './sign-in.service.js';
import { findUserByEmail } from './users.repository.js';

const codesIn = (html: string) => [...html.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);

describe('recovery codes', () => {
  let t: TestApp;
  let post: ReturnType<typeof formPoster>;
  beforeAll(async () => {
    t = await createTestApp();
    post = formPoster(t.app, '10.7.0');
  });
  afterAll(() => t.close());

  /** Signs in with the password: a session waiting for its second factor. */
  async function halfSignedIn(email: string) {
    const res = await post('/es/login', { email, password: TEST_PASSWORD });
    expect(res.headers.location).toBe('/es/login/totp');
    return cookiesFrom(res);
  }
  const recover = (cookie: string, recovery: string) => post('/es/login/totp', { recovery }, cookie, '/es/login/totp');

  it('lets a code stand in for the app once, typed in any case with spaces', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'rita@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const codes = await renewRecoveryCodes(t.db, user.id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Only hashes are kept.
    const stored = await t.db.query
      .selectFrom('totp_recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(stored.some((row) => codes.some((code) => row.code_hash.includes(code.replace('-', ''))))).toBe(false);

    const cookie = await halfSignedIn('rita@example.org');
    const page = await t.app.inject({ url: '/es/login/totp', headers: { cookie } });
    expect(page.body).toContain('¿Perdió su teléfono? Use un código de recuperación');
    const ok = await recover(cookie, ` ${codes[0]!.toUpperCase().replace('-', ' - ')} `);
    expect(ok.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/es/admin', headers: { cookie } })).statusCode).toBe(200);
    const account = await t.app.inject({ url: '/es/account/totp', headers: { cookie } });
    expect(account.body).toContain('Le quedan 9 códigos de recuperación.');

    const again = await recover(await halfSignedIn('rita@example.org'), codes[0]!);
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('Este código de recuperación no es correcto o ya se usó.');
  });

  it('renews the codes from the account page; the old ones stop working', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'sol@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const old = await renewRecoveryCodes(t.db, user.id);
    const cookie = await halfSignedIn('sol@example.org');
    expect((await recover(cookie, old[0]!)).statusCode).toBe(303);
    const renewed = await post('/es/account/totp/recovery-codes', {}, cookie, '/es/account/totp');
    expect(renewed.statusCode).toBe(200);
    expect(renewed.headers['cache-control']).toBe('private, no-store');
    const fresh = codesIn(renewed.body);
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    expect((await recover(await halfSignedIn('sol@example.org'), old[1]!)).statusCode).toBe(401);
    expect((await recover(await halfSignedIn('sol@example.org'), fresh[0]!)).statusCode).toBe(303);
  });

  it('refuses renewal without CSRF, to a session before its second factor, and to an account without one', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'tere@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const codes = await renewRecoveryCodes(t.db, user.id);
    const pending = await halfSignedIn('tere@example.org');
    const early = await post('/es/account/totp/recovery-codes', {}, pending, '/es/login/totp');
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toMatch(/^\/es\/login\/totp/);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/es/account/totp/recovery-codes',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pending },
      payload: '',
    });
    expect(noCsrf.statusCode).toBe(403);
    // Nothing changed: the first codes still work.
    expect((await recover(pending, codes[0]!)).statusCode).toBe(303);

    await buildUser(t.db, [], { email: 'uli@example.org' });
    const plain = cookiesFrom(await post('/es/login', { email: 'uli@example.org', password: TEST_PASSWORD }));
    const none = await post('/es/account/totp/recovery-codes', {}, plain, '/es/account');
    expect(none.statusCode).toBe(409);
  });

  it('answers bad input with a form error, never a 500, and counts wrong codes toward the lock', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'vero@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const codes = await renewRecoveryCodes(t.db, user.id);
    const cookie = await halfSignedIn('vero@example.org');
    const tooLong = await recover(cookie, 'a'.repeat(41));
    expect(tooLong.statusCode).toBe(400);
    const statuses: number[] = [];
    for (const typed of ["' OR 1=1 --", '<script>', 'abcde-fghj1', '00000-00000', 'zzzzz-zzzzz']) {
      statuses.push((await recover(cookie, typed)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await findUserByEmail(t.db, 'vero@example.org'))!.locked_until).not.toBeNull();
    // Locked: signing in again is refused, right password or not, until the lock ends.
    const locked = await post('/es/login', { email: 'vero@example.org', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(codes).toHaveLength(10);
  });
});
