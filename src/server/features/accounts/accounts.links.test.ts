import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildUser,
  cookiesFrom,
  csrfFor,
  linkIn,
  outbox,
  sessionCookie,
  TEST_PASSWORD,
} from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

const form = 'application/x-www-form-urlencoded';
let ipCounter = 0;
const nextIp = () => `10.2.0.${++ipCounter}`;

describe('sign-in links and password resets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function post(
    url: string,
    fields: Record<string, string>,
    options: { cookie?: string; csrf?: boolean; ip?: string } = {},
  ) {
    const csrf = await csrfFor(t.app, options.cookie ?? '');
    const payload = new URLSearchParams(options.csrf === false ? fields : { _csrf: csrf.token, ...fields }).toString();
    return t.app.inject({
      method: 'POST',
      url,
      remoteAddress: options.ip ?? nextIp(),
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload,
    });
  }
  const pathOf = (link: string) => new URL(link).pathname;

  it('mails a single-use sign-in link that a GET does not use up', async () => {
    const user = await buildUser(t.db, [], { email: 'gil@example.org' });
    const res = await post('/en/login/link', { email: 'gil@example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('If an account exists for this address');
    const [mail] = await outbox(t.db, 'gil@example.org');
    expect(mail!.kind).toBe('magic_link');
    expect(mail!.subject).toBe('Su enlace para iniciar sesión en Rumbo');
    const path = pathOf(linkIn(mail!.text_body, '/login/link/'));
    expect(path.startsWith('/es/login/link/')).toBe(true);
    // Mail scanners fetch links: fetching shows a button and leaves the link usable.
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject(path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`action="${path}"`);
    }
    const signIn = await post(path, {});
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/es/account');
    const account = await t.app.inject({ url: '/es/account', headers: { cookie: cookiesFrom(signIn) } });
    expect(account.statusCode).toBe(200);
    expect((await post(path, {})).statusCode).toBe(410);
    expect((await t.app.inject(path)).statusCode).toBe(410);
    const sessions = await t.db.query.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    await buildUser(t.db, [], { email: 'hana@example.org' });
    await post('/es/login/link', { email: 'hana@example.org' });
    const [mail] = await outbox(t.db, 'hana@example.org');
    await t.db.query
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'hana@example.org')
      .execute();
    const path = pathOf(linkIn(mail!.text_body, '/login/link/'));
    expect((await t.app.inject(path)).statusCode).toBe(410);
    const res = await post(path, {});
    expect(res.statusCode).toBe(410);
    expect(res.headers['set-cookie'] ?? '').not.toContain('rumbo_session=');
    expect((await post('/es/login/link/not-a-token', {})).statusCode).toBe(410);
  });

  it('answers the same for unknown addresses and sends at most 3 links an hour', async () => {
    const unknown = await post('/es/login/link', { email: 'ghost@example.org' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('Si existe una cuenta con esta dirección');
    expect(await outbox(t.db, 'ghost@example.org')).toHaveLength(0);
    await buildUser(t.db, [], { email: 'ines@example.org' });
    for (let i = 0; i < 5; i++)
      expect((await post('/es/login/link', { email: 'ines@example.org' })).statusCode).toBe(200);
    expect(await outbox(t.db, 'ines@example.org')).toHaveLength(3);
  });

  it('limits link requests per address (429 page)', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post('/es/password/forgot', { email: 'x@example.org' }, { ip })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });

  it('refuses requests without CSRF and with bad emails, sending nothing', async () => {
    await buildUser(t.db, [], { email: 'jon@example.org' });
    expect((await post('/es/login/link', { email: 'jon@example.org' }, { csrf: false })).statusCode).toBe(403);
    expect((await post('/es/password/forgot', { email: 'jon@example.org' }, { csrf: false })).statusCode).toBe(403);
    const bad = await post('/es/password/forgot', { email: '<b>not an email</b>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="field-error"');
    expect(bad.body).not.toContain('<b>not');
    expect(await outbox(t.db, 'jon@example.org')).toHaveLength(0);
  });

  it('resets a password: other sessions end, the old password stops working, and the user is signed in', async () => {
    const user = await buildUser(t.db, [], { email: 'kim@example.org' });
    const otherBrowser = await sessionCookie(t.db, user.id);
    await post('/fr/password/forgot', { email: 'kim@example.org' });
    const [mail] = await outbox(t.db, 'kim@example.org');
    expect(mail!.kind).toBe('password_reset');
    const path = pathOf(linkIn(mail!.text_body, '/password/reset/'));
    expect((await t.app.inject(path)).statusCode).toBe(200);
    const mismatch = await post(path, { password: 'a brand new password', confirm: 'something else entirely' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Las dos contraseñas no son iguales');
    const short = await post(path, { password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(400);
    const done = await post(path, { password: 'a brand new password', confirm: 'a brand new password' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/es/account');
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: otherBrowser } })).statusCode).toBe(302);
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: cookiesFrom(done) } })).statusCode).toBe(200);
    expect((await post(path, { password: 'another new password', confirm: 'another new password' })).statusCode).toBe(
      410,
    );
    expect((await post('/es/login', { email: 'kim@example.org', password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await post('/es/login', { email: 'kim@example.org', password: 'a brand new password' })).statusCode).toBe(
      303,
    );
  });

  it('changes the password from the account page, ending the other sessions only', async () => {
    const user = await buildUser(t.db, [], { email: 'lia@example.org' });
    const here = await sessionCookie(t.db, user.id);
    const elsewhere = await sessionCookie(t.db, user.id);
    const csrf = await csrfFor(t.app, here, '/es/account');
    const send = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/es/account/password',
        headers: { 'content-type': form, cookie: csrf.cookie },
        payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
      });
    const wrong = await send({
      current: 'not it at all',
      password: 'a new long password',
      confirm: 'a new long password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Esta contraseña no es correcta');
    const ok = await send({ current: TEST_PASSWORD, password: 'a new long password', confirm: 'a new long password' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Su contraseña cambió');
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/es/account', headers: { cookie: elsewhere } })).statusCode).toBe(302);
  });
});
