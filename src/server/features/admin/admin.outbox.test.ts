import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { insertMail } from '../mail/mail.repository.js';

describe('admin: index, outbox and /admin redirects', () => {
  let t: TestApp;
  let adminCookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t.db, [grant('admin')]);
    adminCookie = await sessionCookie(t.db, admin.id);
    for (let i = 1; i <= 30; i++) {
      await insertMail(t.db, { to: `p${i}@example.org`, subject: `Message ${i}`, text: `Body ${i}`, kind: 'test' });
    }
    await insertMail(t.db, {
      to: 'x@example.org',
      subject: '<script>alert(1)</script>',
      text: 'Link: https://rumbo.example/es/login/link/abc\n<img src=x onerror=alert(2)>',
      kind: 'magic_link',
    });
  });
  afterAll(() => t.close());

  it('lets admins read the outbox, newest first, paginated, each message readable and escaped', async () => {
    const first = await t.app.inject({ url: '/en/admin/outbox', headers: { cookie: adminCookie } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.body.match(/<tr>/g)).toHaveLength(26);
    expect(first.body).toContain('No mail server is configured');
    expect(first.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(first.body).not.toContain('<script>alert(1)');
    expect(first.body).toContain('href="/en/admin/outbox?page=2"');
    const second = await t.app.inject({ url: '/en/admin/outbox?page=2', headers: { cookie: adminCookie } });
    expect(second.body.match(/<tr>/g)).toHaveLength(7);
    const message = await t.db.query
      .selectFrom('mail_outbox')
      .select('id')
      .where('kind', '=', 'magic_link')
      .executeTakeFirstOrThrow();
    const page = await t.app.inject({ url: `/en/admin/outbox/${message.id}`, headers: { cookie: adminCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('https://rumbo.example/es/login/link/abc');
    expect(page.body).toContain('&lt;img src=x onerror=alert(2)>');
    const missing = await t.app.inject({
      url: '/en/admin/outbox/00000000-0000-4000-8000-000000000000',
      headers: { cookie: adminCookie },
    });
    expect(missing.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/admin/outbox/nope', headers: { cookie: adminCookie } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/en/admin/outbox?page=0', headers: { cookie: adminCookie } })).statusCode).toBe(
      400,
    );
  });

  it('keeps the outbox from everyone else', async () => {
    const anonymous = await t.app.inject('/fr/admin/outbox');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/fr/login?next=%2Ffr%2Fadmin%2Foutbox');
    const moderator = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], {
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    const cookie = await sessionCookie(t.db, moderator.id);
    const forbidden = await t.app.inject({ url: '/fr/admin/outbox', headers: { cookie } });
    expect(forbidden.statusCode).toBe(403);
    // The moderator may open the admin index, which links only to what they can do.
    const index = await t.app.inject({ url: '/fr/admin', headers: { cookie } });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('/fr/admin/moderation');
    expect(index.body).not.toContain('/fr/admin/outbox');
  });

  it('redirects /admin and /admin/* to the viewer’s language', async () => {
    const anonymous = await t.app.inject({
      url: '/admin/outbox?page=2',
      headers: { 'accept-language': 'ht,fr;q=0.8' },
    });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/ht/admin/outbox?page=2');
    const user = await buildUser(t.db, [grant('admin')]);
    await t.db.query.updateTable('users').set({ preferred_locale: 'pt' }).where('id', '=', user.id).execute();
    const signedIn = await t.app.inject({ url: '/admin', headers: { cookie: await sessionCookie(t.db, user.id) } });
    expect(signedIn.headers.location).toBe('/pt/admin');
    expect((await t.app.inject('/admin/users/')).headers.location).toBe('/es/admin/users');
  });
});
