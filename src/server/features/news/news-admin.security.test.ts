import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, csrfFor, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

const FORM = 'application/x-www-form-urlencoded';
const VALID = {
  date: '2032-01-15',
  originalLocale: 'es',
  slug: '',
  status: 'draft',
  'title.es': 'Taller sobre migración laboral en Costa Rica',
  'body.es': 'La OIT organizó un taller.',
  action: 'save',
};

describe('news admin: who may use it, CSRF, bad input and sanitization', () => {
  let t: TestApp;
  let publisherCookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    const publisher = await buildUser(t.db, [grant('publisher')]);
    publisherCookie = await sessionCookie(t.db, publisher.id);
  });
  afterAll(() => t.close());

  const count = async () => (await t.db.query.selectFrom('news_items').select('id').execute()).length;

  async function post(url: string, fields: Record<string, string | string[]>, cookie = publisherCookie) {
    const csrf = await csrfFor(t.app, publisherCookie, '/es/admin/news/new');
    const body = new URLSearchParams({ _csrf: csrf.token });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    // The CSRF cookie of the publisher's page, with the session of `cookie`.
    const csrfCookie = csrf.cookie.replace(publisherCookie, '').replace(/^;\s*/, '');
    return t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': FORM, cookie: [cookie, csrfCookie].filter(Boolean).join('; ') },
      payload: body.toString(),
    });
  }

  it('sends anonymous visitors to sign in, on pages and posts, and writes nothing', async () => {
    for (const url of ['/es/admin/news', '/es/admin/news/new']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(`/es/login?next=${encodeURIComponent(url)}`);
    }
    const res = await post('/fr/admin/news/new', VALID, '');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/fr\/login\?next=/);
    expect(await count()).toBe(0);
  });

  it('refuses every signed-in role but publisher and admin (403), before reading the form', async () => {
    const org = await buildOrganization(t.db);
    const hub = await buildLocation(t.db, org.id);
    const refused = [
      [grant('moderator', { countryCode: 'MX' })],
      [grant('org_editor', { organizationId: org.id })],
      [grant('hub_reporter', { hubLocationId: hub.id })],
      [],
    ];
    for (const roles of refused) {
      const user = await buildUser(t.db, roles);
      const cookie = await sessionCookie(t.db, user.id);
      for (const url of ['/es/admin/news', '/es/admin/news/new']) {
        expect((await t.app.inject({ url, headers: { cookie } })).statusCode).toBe(403);
      }
      const res = await post('/es/admin/news/new', VALID, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('FORBIDDEN');
      // Even a body that would fail validation answers 403: authorization comes first.
      expect((await post('/es/admin/news/new', { date: 'x' }, cookie)).statusCode).toBe(403);
    }
    expect(await count()).toBe(0);
  });

  it('lets an admin publish (publisher allowed too, see the other file)', async () => {
    const admin = await buildUser(t.db, [grant('admin')]);
    const cookie = await sessionCookie(t.db, admin.id);
    expect((await t.app.inject({ url: '/pt/admin/news', headers: { cookie } })).statusCode).toBe(200);
    const res = await post('/es/admin/news/new', { ...VALID, status: 'published' }, cookie);
    expect(res.statusCode).toBe(303);
    expect(await count()).toBe(1);
    // An admin whose session has not passed the second factor is sent to it, and writes nothing.
    const pending = await sessionCookie(t.db, admin.id, false);
    const res2 = await post('/es/admin/news/new', { ...VALID, 'title.es': 'Otro título' }, pending);
    expect(res2.statusCode).toBe(303);
    expect(res2.headers.location).toMatch(/^\/es\/account\/totp\?next=/);
    expect(await count()).toBe(1);
  });

  it('refuses a post without a CSRF token (403) and writes nothing', async () => {
    const before = await count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/es/admin/news/new',
      headers: { 'content-type': FORM, cookie: publisherCookie },
      payload: new URLSearchParams({ ...VALID, 'title.es': 'Sin CSRF' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('CSRF_INVALID');
    expect(await count()).toBe(before);
  });

  it('shows errors next to fields for bad input, keeps what was typed, and writes nothing', async () => {
    const before = await count();
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ 'title.es': '' }, 'title-es', /Complete este campo/],
      [{ 'body.es': '   ' }, 'body-es', /Complete este campo/],
      [{ 'title.es': 'x'.repeat(5000) }, 'title-es', /demasiado largo/],
      [{ 'body.es': 'y'.repeat(30_000) }, 'body-es', /demasiado largo/],
      [{ date: '2031-02-30' }, 'date', /fecha real/],
      [{ date: 'tomorrow' }, 'date', /no es válido/],
      [{ imageUrl: 'http://example.org/a.jpg', 'imageAlt.es': 'Una foto' }, 'imageUrl', /https:\/\//],
      [{ imageUrl: 'javascript:alert(1)', 'imageAlt.es': 'Una foto' }, 'imageUrl', /https:\/\//],
      [{ imageUrl: 'https://example.org/a.jpg' }, 'imageAlt-es', /Complete este campo/],
      [{ slug: 'Not A Slug!' }, 'slug', /no es válido/],
      [{ status: 'deleted' }, 'status', /no es válido/],
      [{ originalLocale: 'de' }, 'originalLocale', /no es válido/],
      [{ countries: ['ZZ'] }, 'countries', /no es conocida/],
      [{ topics: ['<script>'] }, 'topics', /no es válido/],
      [{ 'body.fr': 'Texte sans titre' }, 'title-fr', /Complete este campo/],
      [{ 'body.es': '<script>alert(1)</script>' }, 'body-es', /partes inseguras/],
    ];
    for (const [fields, field, message] of cases) {
      const res = await post('/es/admin/news/new', { ...VALID, ...fields });
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      const error = new RegExp(`<p class="field-error" id="error-${field}">([^<]*)</p>`).exec(res.body);
      expect(error?.[1], `${field} ${JSON.stringify(fields).slice(0, 80)}`).toMatch(message);
      expect(res.body).toContain(`aria-describedby="`);
      expect(res.body).toContain('class="error-summary"');
      expect(res.body).toContain('name="_csrf"');
    }
    // What was typed comes back, escaped.
    const res = await post('/es/admin/news/new', { ...VALID, 'title.es': '<b>"x"</b>', date: 'nope' });
    expect(res.body).toContain('value="&lt;b>&quot;x&quot;&lt;/b>"');
    expect(await count()).toBe(before);
  });

  it('sanitizes bodies: scripts, handlers and javascript: links never reach the database or a page', async () => {
    const res = await post('/es/admin/news/new', {
      ...VALID,
      'title.es': 'Noticia con HTML hostil',
      status: 'published',
      'body.es':
        'Texto seguro.<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"><p onclick="alert(3)">Párrafo</p>\n\n' +
        '<a href="javascript:alert(4)">malo</a> [también malo](javascript:alert(5)) <a href="https://example.org" style="color:red" target="_blank">bueno</a>',
      'summary.es': '<script>alert(6)</script> Resumen',
    });
    expect(res.statusCode).toBe(303);
    const stored = await t.db.query
      .selectFrom('news_items')
      .selectAll()
      .where('title_key', '=', 'noticia con html hostil')
      .executeTakeFirstOrThrow();
    const body = stored.body.es ?? '';
    for (const bad of ['<script', 'onerror', 'onclick', 'javascript:', '<img', 'style=', 'target=']) {
      expect(body).not.toContain(bad);
    }
    expect(body).toContain('Texto seguro.');
    expect(body).toContain('<p>Párrafo</p>');
    expect(body).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">bueno</a>');
    const page = await t.app.inject(`/es/news/${stored.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    // The summary is plain text: escaped where shown.
    expect((await t.app.inject('/es/news')).body).toContain('&lt;script>alert(6)&lt;/script> Resumen');
  });

  it('answers 404 for an unknown or malformed item id', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const res = await t.app.inject({ url: `/es/admin/news/${id}/edit`, headers: { cookie: publisherCookie } });
      expect(res.statusCode).toBe(404);
      expect((await post(`/es/admin/news/${id}/edit`, VALID)).statusCode).toBe(404);
    }
  });
});
