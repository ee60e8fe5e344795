import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildUser,
  cookiesFrom,
  csrfFor,
  grant,
  linkIn,
  outbox,
  sessionCookie,
} from '../../../../tests/support/auth.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { findUserByEmail, rolesOf } from '../accounts/users.repository.js';

const form = 'application/x-www-form-urlencoded';

describe('admin: users, roles and invitations', () => {
  let t: TestApp;
  let adminCookie: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t.db, [grant('admin')], { email: 'boss@example.org' });
    adminId = admin.id;
    adminCookie = await sessionCookie(t.db, admin.id);
  });
  afterAll(() => t.close());

  async function post(url: string, fields: Record<string, string>, cookie = adminCookie, withCsrf = true) {
    const csrf = await csrfFor(t.app, cookie, '/es/login');
    return t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': form, cookie: csrf.cookie },
      payload: new URLSearchParams(withCsrf ? { _csrf: csrf.token, ...fields } : fields).toString(),
    });
  }
  const invitations = () =>
    t.db.query.selectFrom('auth_tokens').selectAll().where('purpose', '=', 'invitation').execute();

  it('sends anonymous visitors to sign in and refuses other roles', async () => {
    const anonymous = await t.app.inject('/es/admin/users');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/es/login?next=%2Fes%2Fadmin%2Fusers');
    const publisher = await buildUser(t.db, [grant('publisher')]);
    const cookie = await sessionCookie(t.db, publisher.id);
    const forbidden = await t.app.inject({ url: '/es/admin/users', headers: { cookie } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('FORBIDDEN');
    // A publisher may open the admin index (for the news admin), not the users page.
    expect((await t.app.inject({ url: '/es/admin', headers: { cookie } })).statusCode).toBe(200);
    const plain = await buildUser(t.db, []);
    const plainCookie = await sessionCookie(t.db, plain.id);
    expect((await t.app.inject({ url: '/es/admin', headers: { cookie: plainCookie } })).statusCode).toBe(403);
    const invite = await post(
      '/es/admin/users/invite',
      { email: 'x@example.org', displayName: 'X', role: 'admin', locale: 'es' },
      cookie,
    );
    expect(invite.statusCode).toBe(403);
    expect(await invitations()).toHaveLength(0);
  });

  it('lists users with their roles', async () => {
    const org = await buildOrganization(t.db, { name: 'Casa Refugio' });
    await buildUser(t.db, [grant('org_editor', { organizationId: org.id })], { email: 'ed@example.org' });
    const res = await t.app.inject({ url: '/en/admin/users', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ed@example.org');
    expect(res.body).toContain('Organization editor (Casa Refugio)');
    expect(res.body).toContain('name="_csrf"');
  });

  it('invites a moderator, who sets a name and password and is signed in with the role', async () => {
    const res = await post('/es/admin/users/invite', {
      email: 'New.Mod@Example.org',
      displayName: 'Nueva Moderadora',
      role: 'moderator',
      countryCode: 'cr',
      organization: '',
      hubLocationId: '',
      locale: 'pt',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/es/admin/users?notice=invited');
    const [mail] = await outbox(t.db, 'new.mod@example.org');
    expect(mail!.subject).toBe('Você foi convidado(a) para o Rumbo');
    const path = new URL(linkIn(mail!.text_body, '/invite/')).pathname;
    expect(path.startsWith('/pt/invite/')).toBe(true);
    const page = await t.app.inject(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Moderador (CR)');
    const mismatch = await post(
      path,
      { displayName: 'Nueva', password: 'a long enough password', confirm: 'different one' },
      '',
    );
    expect(mismatch.statusCode).toBe(400);
    expect(await findUserByEmail(t.db, 'new.mod@example.org')).toBeUndefined();
    const accept = await post(
      path,
      { displayName: '<i>Nueva</i>', password: 'a long enough password', confirm: 'a long enough password' },
      '',
    );
    expect(accept.statusCode).toBe(303);
    expect(accept.headers.location).toBe('/pt/account/totp');
    const user = (await findUserByEmail(t.db, 'new.mod@example.org'))!;
    expect(user.display_name).toBe('<i>Nueva</i>');
    expect(user.preferred_locale).toBe('pt');
    expect(await rolesOf(t.db, user.id)).toEqual([grant('moderator', { countryCode: 'CR' })]);
    expect(cookiesFrom(accept)).toContain('rumbo_session=');
    expect(
      (
        await post(
          path,
          { displayName: 'Again', password: 'a long enough password', confirm: 'a long enough password' },
          '',
        )
      ).statusCode,
    ).toBe(410);
    const list = await t.app.inject({ url: '/es/admin/users', headers: { cookie: adminCookie } });
    expect(list.body).toContain('&lt;i>Nueva&lt;/i>');
    expect(list.body).not.toContain('<i>Nueva</i>');
  });

  it('adds the role to an existing account, and scopes editors and hub reporters', async () => {
    const org = await buildOrganization(t.db, { name: 'Albergue Único Nombre' });
    const hub = await buildLocation(t.db, org.id);
    await buildUser(t.db, [], { email: 'old@example.org' });
    const byName = await post('/es/admin/users/invite', {
      email: 'old@example.org',
      displayName: 'Old',
      role: 'org_editor',
      organization: 'único nombre',
      locale: 'es',
    });
    expect(byName.statusCode).toBe(303);
    const path = new URL(linkIn((await outbox(t.db, 'old@example.org'))[0]!.text_body, '/invite/')).pathname;
    const page = await t.app.inject(path);
    expect(page.body).toContain('Ya tiene una cuenta');
    expect(page.body).not.toContain('name="password"');
    const accept = await post(path, {}, '');
    expect(accept.statusCode).toBe(303);
    const user = (await findUserByEmail(t.db, 'old@example.org'))!;
    expect(await rolesOf(t.db, user.id)).toEqual([grant('org_editor', { organizationId: org.id })]);
    const hubInvite = await post('/es/admin/users/invite', {
      email: 'hub@example.org',
      displayName: 'Hub',
      role: 'hub_reporter',
      hubLocationId: hub.id,
      locale: 'es',
    });
    expect(hubInvite.statusCode).toBe(303);
    const [token] = (await invitations()).filter((row) => row.email === 'hub@example.org');
    expect(token!.payload).toMatchObject({ role: 'hub_reporter', hubLocationId: hub.id, organizationId: null });
  });

  it('answers bad invitations with errors next to the fields and sends nothing', async () => {
    await buildOrganization(t.db, { name: 'Misión Norte' });
    await buildOrganization(t.db, { name: 'Misión Sur' });
    const before = (await invitations()).length;
    const cases: [Record<string, string>, string][] = [
      [
        { email: 'a@example.org', displayName: 'A', role: 'moderator', countryCode: '', locale: 'es' },
        'error-countryCode',
      ],
      [
        { email: 'a@example.org', displayName: 'A', role: 'org_editor', organization: 'Misión', locale: 'es' },
        'Misión Sur',
      ],
      [
        {
          email: 'a@example.org',
          displayName: 'A',
          role: 'org_editor',
          organization: '00000000-0000-4000-8000-000000000000',
          locale: 'es',
        },
        'error-organization',
      ],
      [
        { email: 'a@example.org', displayName: 'A', role: 'hub_reporter', hubLocationId: 'nope', locale: 'es' },
        'error-hubLocationId',
      ],
      [{ email: 'not-an-email', displayName: 'A', role: 'publisher', locale: 'es' }, 'error-email'],
      [{ email: 'a@example.org', displayName: 'A'.repeat(5000), role: 'publisher', locale: 'es' }, 'error-displayName'],
      [{ email: 'a@example.org', displayName: 'A', role: 'emperor', locale: 'es' }, 'error-role'],
      [{ email: 'a@example.org', displayName: 'A', role: 'publisher', locale: 'xx' }, 'error-locale'],
    ];
    for (const [fields, expected] of cases) {
      const res = await post('/es/admin/users/invite', fields);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 100)).toBe(400);
      expect(res.body).toContain(expected);
    }
    const noCsrf = await post(
      '/es/admin/users/invite',
      { email: 'b@example.org', displayName: 'B', role: 'publisher', locale: 'es' },
      adminCookie,
      false,
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(await invitations()).toHaveLength(before);
  });

  it('revokes a role, but not the admin’s own admin role', async () => {
    const user = await buildUser(t.db, [grant('publisher')], { email: 'pub@example.org' });
    const [role] = await t.db.query.selectFrom('user_roles').select('id').where('user_id', '=', user.id).execute();
    expect((await post(`/es/admin/users/roles/${role!.id}/revoke`, {}, adminCookie, false)).statusCode).toBe(403);
    expect(await rolesOf(t.db, user.id)).toHaveLength(1);
    const res = await post(`/es/admin/users/roles/${role!.id}/revoke`, {});
    expect(res.statusCode).toBe(303);
    expect(await rolesOf(t.db, user.id)).toHaveLength(0);
    expect((await post(`/es/admin/users/roles/${role!.id}/revoke`, {})).statusCode).toBe(404);
    expect((await post('/es/admin/users/roles/not-a-uuid/revoke', {})).statusCode).toBe(404);
    const [own] = await t.db.query.selectFrom('user_roles').select('id').where('user_id', '=', adminId).execute();
    expect((await post(`/es/admin/users/roles/${own!.id}/revoke`, {})).statusCode).toBe(403);
    expect(await rolesOf(t.db, adminId)).toHaveLength(1);
  });
});
