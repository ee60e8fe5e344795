// Recovery codes of the second factor: shown once when it is turned on, each good once in place of the app's code,
// renewed from the account page (the old ones stop working), wrong ones counted toward the lock.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, cookiesFrom, csrfFor, formPoster, grant, TEST_PASSWORD } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { hashRecoveryCodes, legacyRecoveryCodeHash } from './recovery-codes.js';
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
  /** The page's set of codes, as its form sends it. */
  const shownSet = async (cookie: string) => {
    const page = await t.app.inject({ url: '/es/account/totp', headers: { cookie } });
    return /name="set" value="([0-9]*)"/.exec(page.body)?.[1] ?? 'none';
  };
  const renew = async (cookie: string, current: string, set?: string) =>
    post(
      '/es/account/totp/recovery-codes',
      { current, set: set ?? (await shownSet(cookie)) },
      cookie,
      '/es/account/totp',
    );
  /** A new set of codes for the user (none was on the page: never refused). */
  const newCodes = async (userId: string) => (await renewRecoveryCodes(t.db, userId))!;
  /** A user with the second factor on and ten codes. */
  async function userWithCodes(email: string) {
    const secret = new Secret({ size: 20 }).base32;
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], { email, totpSecret: secret });
    return { user, secret, codes: await newCodes(user.id) };
  }

  it('lets a code stand in for the app once, typed in any case with spaces', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'rita@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const codes = await newCodes(user.id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Only hashes are kept.
    const stored = await t.db.query
      .selectFrom('totp_recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored.map((row) => row.code_hash).sort()).toEqual((await hashRecoveryCodes(user.id, codes)).sort());
    expect(stored.every((row) => /^argon2id:[0-9a-f]{64}$/.test(row.code_hash))).toBe(true);
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

  it('keeps each code as argon2id salted with its user, and still takes a code kept the old way, once', async () => {
    const [a, b] = await Promise.all([
      buildUser(t.db, [], { email: 'ana.salt@example.org' }),
      buildUser(t.db, [], { email: 'bea.salt@example.org' }),
    ]);
    const [forA, forB] = await Promise.all([
      hashRecoveryCodes(a.id, ['abcde-fghjk']),
      hashRecoveryCodes(b.id, ['abcde-fghjk']),
    ]);
    expect(forA[0]).not.toBe(forB[0]);
    expect(await hashRecoveryCodes(a.id, ['abcdefghjk'])).toEqual(forA);

    // A set made before codes were salted (an unsalted SHA-256): good once, like any other.
    const { user } = await userWithCodes('lena@example.org');
    await t.db.query
      .insertInto('totp_recovery_codes')
      .values({ user_id: user.id, code_hash: legacyRecoveryCodeHash('mnpqr-stuvw') })
      .execute();
    expect((await recover(await halfSignedIn('lena@example.org'), 'MNPQR-STUVW')).statusCode).toBe(303);
    expect((await recover(await halfSignedIn('lena@example.org'), 'mnpqr-stuvw')).statusCode).toBe(401);
  });

  it('renews the codes from the account page; the old ones stop working', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      email: 'sol@example.org',
      totpSecret: new Secret({ size: 20 }).base32,
    });
    const old = await newCodes(user.id);
    const cookie = await halfSignedIn('sol@example.org');
    expect((await recover(cookie, old[0]!)).statusCode).toBe(303);
    const renewed = await renew(cookie, TEST_PASSWORD);
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
    const codes = await newCodes(user.id);
    const pending = await halfSignedIn('tere@example.org');
    const early = await post('/es/account/totp/recovery-codes', { current: TEST_PASSWORD }, pending, '/es/login/totp');
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toMatch(/^\/es\/login\/totp/);
    // Past the second factor, but without the form's CSRF token.
    expect((await recover(pending, codes[0]!)).statusCode).toBe(303);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/es/account/totp/recovery-codes',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pending },
      payload: new URLSearchParams({ current: TEST_PASSWORD }).toString(),
    });
    expect(noCsrf.statusCode).toBe(403);
    // Nothing changed: the other first codes still work.
    expect((await recover(await halfSignedIn('tere@example.org'), codes[1]!)).statusCode).toBe(303);

    await buildUser(t.db, [], { email: 'uli@example.org' });
    const plain = cookiesFrom(await post('/es/login', { email: 'uli@example.org', password: TEST_PASSWORD }));
    const none = await post('/es/account/totp/recovery-codes', { current: TEST_PASSWORD }, plain, '/es/account');
    expect(none.statusCode).toBe(409);
  });

  it('answers bad input with a form error, never a 500, and counts wrong codes toward the lock', async () => {
    await userWithCodes('vero@example.org');
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
    // The session that was waiting for a code ended with the lock: a right code cannot be tried on it.
    const ended = await t.app.inject({ url: '/es/login/totp', headers: { cookie } });
    expect(ended.headers.location).toBe('/es/login');
  });

  it('refuses odd forms of the field: empty, repeated, or beside an app code', async () => {
    const { codes } = await userWithCodes('wen@example.org');
    const cookie = await halfSignedIn('wen@example.org');
    expect((await recover(cookie, '')).statusCode).toBe(400);
    const twice = async (body: string) => {
      const csrf = await csrfFor(t.app, cookie, '/es/login/totp');
      return t.app.inject({
        method: 'POST',
        url: '/es/login/totp',
        remoteAddress: '10.7.9.1',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
        payload: `_csrf=${encodeURIComponent(csrf.token)}&${body}`,
      });
    };
    const repeated = await twice(`recovery=${codes[0]}&recovery=${codes[1]}`);
    expect(repeated.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/es/admin', headers: { cookie } })).statusCode).toBe(302);
    // Both fields (a hand-made form): the recovery code is what is checked, the app code is ignored.
    const wrongBoth = await twice(`recovery=zzzzz-zzzzz&code=123456`);
    expect(wrongBoth.statusCode).toBe(401);
    expect(wrongBoth.body).toContain('Este código de recuperación no es correcto o ya se usó.');
    expect((await twice(`recovery=${codes[0]}&code=123456`)).statusCode).toBe(303);
  });

  it('lets one of two sign-ins with the same code in, at the same moment', async () => {
    const { codes } = await userWithCodes('xime@example.org');
    const [a, b] = [await halfSignedIn('xime@example.org'), await halfSignedIn('xime@example.org')];
    const answers = await Promise.all([recover(a, codes[0]!), recover(b, codes[0]!)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 401]);
  });

  it('does not clear wrong second-factor codes when the password is typed again', async () => {
    const { codes } = await userWithCodes('yoli@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const cookie = await halfSignedIn('yoli@example.org');
      statuses.push((await recover(cookie, 'zzzzz-zzzzz')).statusCode);
    }
    // The password is right each time; the fifth wrong code still locks the account.
    const fifth = await halfSignedIn('yoli@example.org');
    statuses.push((await post('/es/login/totp', { code: '000000' }, fifth, '/es/login/totp')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await findUserByEmail(t.db, 'yoli@example.org'))!.locked_until).not.toBeNull();
    // Once the lock is over, two wrong codes and then a right one: the right one clears the count.
    await t.db.query.updateTable('users').set({ locked_until: null }).where('email', '=', 'yoli@example.org').execute();
    const after = await halfSignedIn('yoli@example.org');
    expect((await recover(after, 'zzzzz-zzzzz')).statusCode).toBe(401);
    expect((await recover(after, 'zzzzz-zzzzz')).statusCode).toBe(401);
    expect((await findUserByEmail(t.db, 'yoli@example.org'))!.failed_logins).toBe(2);
    expect((await recover(after, codes[0]!)).statusCode).toBe(303);
    expect((await findUserByEmail(t.db, 'yoli@example.org'))!.failed_logins).toBe(0);
  });

  it('asks for the current password before renewing, and keeps the codes when it is wrong', async () => {
    const { codes } = await userWithCodes('zoe@example.org');
    const cookie = await halfSignedIn('zoe@example.org');
    expect((await recover(cookie, codes[0]!)).statusCode).toBe(303);
    const page = await t.app.inject({ url: '/es/account/totp', headers: { cookie } });
    expect(page.body).toContain('name="current"');
    for (const current of ['', 'not the password', 'x'.repeat(2000)]) {
      const answer = await renew(cookie, current);
      expect(answer.statusCode).toBe(400);
      expect(answer.body).not.toMatch(/<code>[a-z2-9]{5}-[a-z2-9]{5}<\/code>/);
    }
    expect((await renew(cookie, 'not the password')).body).toContain('Esta contraseña no es correcta.');
    for (const set of ['abc', '1'.repeat(200), "1' OR '1'='1"]) {
      expect((await renew(cookie, TEST_PASSWORD, set)).statusCode).toBe(400);
    }
    expect((await recover(await halfSignedIn('zoe@example.org'), codes[1]!)).statusCode).toBe(303);
  });

  // Two connections are needed to hold a renewal open while another starts: PostgreSQL only (PGlite has one).
  it.runIf(process.env.TEST_DATABASE_URL)(
    'keeps one set when new codes are made while another renewal is under way',
    async () => {
      const { user } = await userWithCodes('bea@example.org');
      let second: Promise<unknown> = Promise.resolve();
      let secondDone = false;
      await t.db.withSession(async (session) => {
        // A first renewal, half done: it holds the user's row and has written its set, not yet committed.
        await session.exec('BEGIN');
        await session.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.id]);
        await session.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [user.id]);
        await session.query(
          `INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, 'first-' || g FROM generate_series(1, 10) g`,
          [user.id],
        );
        second = renewRecoveryCodes(t.db, user.id).then(() => (secondDone = true));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(secondDone).toBe(false);
        await session.exec('COMMIT');
      });
      await second;
      const stored = await t.db.query
        .selectFrom('totp_recovery_codes')
        .select('code_hash')
        .where('user_id', '=', user.id)
        .execute();
      expect(stored).toHaveLength(10);
      expect(stored.some((row) => row.code_hash.startsWith('first-'))).toBe(false);
    },
  );

  it('makes no third set when the page that showed new codes is reloaded (the same form sent again)', async () => {
    const { codes } = await userWithCodes('cata@example.org');
    const cookie = await halfSignedIn('cata@example.org');
    expect((await recover(cookie, codes[0]!)).statusCode).toBe(303);
    const account = await t.app.inject({ url: '/es/account', headers: { cookie } });
    expect(account.body).toContain('href="/es/account/totp">Códigos de recuperación</a>');
    const set = await shownSet(cookie);
    const first = await renew(cookie, TEST_PASSWORD, set);
    expect(first.statusCode).toBe(200);
    const fresh = codesIn(first.body);
    const again = await renew(cookie, TEST_PASSWORD, set);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('no se vuelven a mostrar');
    expect(codesIn(again.body)).toEqual([]);
    expect(again.body).toContain('action="/es/account/totp/recovery-codes"');
    // The codes the first answer showed are the ones that work.
    expect((await recover(await halfSignedIn('cata@example.org'), fresh[0]!)).statusCode).toBe(303);
  });

  it('makes one set of codes when the enrolment form is sent ten times at once', async () => {
    await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], { email: 'ana@example.org' });
    const cookie = cookiesFrom(await post('/es/login', { email: 'ana@example.org', password: TEST_PASSWORD }));
    await t.app.inject({ url: '/es/account/totp', headers: { cookie } });
    const user = (await findUserByEmail(t.db, 'ana@example.org'))!;
    const code = new TOTP({ secret: Secret.fromBase32(user.totp_secret!), algorithm: 'SHA1', digits: 6, period: 30 });
    // Ten, not two: a post that reads the session while the first turns the factor on is refused as a reload is,
    // not sent to give the factor this session has just given (two got a 303 in about one run in four on PostgreSQL).
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post('/es/account/totp', { code: code.generate() }, cookie, '/es/account/totp')),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...answers.slice(1).map(() => 409)]);
    // The others (as a reload of the page that showed them) say the codes are not shown again, and how to renew.
    for (const refused of answers.filter((r) => r.statusCode === 409)) {
      expect(refused.body).toContain('no se vuelven a mostrar');
      expect(refused.body).toContain('action="/es/account/totp/recovery-codes"');
    }
    const stored = await t.db.query
      .selectFrom('totp_recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
  });
});
