// Exactly once: a form sent twice with its client key (a double click, a replay from a device's outbox after the
// first answer was lost) lands where the first post did and writes nothing; a malformed key is a 400 in the page's
// language; forms without a key work as before. Also the token endpoint a replayed form gets a fresh token from.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { draftToken, encode, formToken, postForm, rowCounts, validFields } from './submissions.factories.js';

describe('client keys on the submission forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const keyIn = (body: string) => /name="client_key" value="([0-9a-f-]{36})"/.exec(body)?.[1];

  it('renders a fresh key, the outbox attributes and the status line in every form', async () => {
    const first = await t.app.inject({ url: '/en/submit' });
    const second = await t.app.inject({ url: '/en/submit' });
    expect(keyIn(first.body)).toBeDefined();
    expect(keyIn(first.body)).not.toBe(keyIn(second.body));
    expect(first.body).toMatch(/<form [^>]*data-offline-outbox[^>]*data-outbox-label="New or changed listing"/);
    expect(first.body).toContain('role="status" data-outbox-status');
    expect(first.body).toContain('data-saved="Saved on this device. Not sent yet');
    expect(first.body).toMatch(/<script type="module" src="\/assets\/outbox\.client-[\w-]+\.js">/);
    const fr = await t.app.inject({ url: '/fr/submit' });
    expect(fr.body).toContain('data-saved="Enregistré sur cet appareil.');
  });

  it('makes one draft from a save sent twice with the same key, and lands both on it', async () => {
    const key = randomUUID();
    const before = await rowCounts(t.db);
    const first = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save', client_key: key });
    expect(first.statusCode).toBe(303);
    const again = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save', client_key: key });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions + 1);
    // The database keeps neither the key nor the private draft link.
    const stored = await t.db.query.selectFrom('submissions').select('id').execute();
    expect(stored.length).toBeGreaterThan(0);
    const dump = JSON.stringify(await t.db.withSession((s) => s.query('SELECT key, kind, target FROM client_keys')));
    expect(dump).toContain('"kind":"submission"');
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(draftToken(first));
  });

  it('sends one submission (one mail) for a whole form sent twice, even at the same time', async () => {
    const key = randomUUID();
    const before = await rowCounts(t.db);
    const fields = { ...validFields({ submitter_email: 'twice@example.org' }), action: 'submit', client_key: key };
    const [a, b] = await Promise.all([postForm(t.app, '/es/submit', fields), postForm(t.app, '/es/submit', fields)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    const third = await postForm(t.app, '/es/submit', fields);
    expect(third.headers.location).toBe(a.headers.location);
    const after = await rowCounts(t.db);
    expect(after.submissions).toBe(before.submissions + 1);
    expect(after.mail_outbox).toBe(before.mail_outbox + 1);
  });

  it('lands a draft submitted twice on its status page instead of a conflict', async () => {
    const saved = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    const draftUrl = `/es/submit/draft/${draftToken(saved)}`;
    const key = randomUUID();
    const fields = { ...validFields(), action: 'submit', client_key: key };
    // (The token comes from the public form: the draft page has none once it is submitted.)
    const first = await postForm(t.app, draftUrl, fields);
    expect(first.statusCode).toBe(303);
    const before = await rowCounts(t.db);
    const again = await postForm(t.app, draftUrl, fields);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(draftUrl);
    expect(await rowCounts(t.db)).toEqual(before);
    // Without the key the same second post is the conflict it always was.
    const bare = await postForm(t.app, draftUrl, { ...validFields(), action: 'submit' });
    expect(bare.statusCode).toBe(409);
  });

  it('lands a draft submitted six times at the same moment on its status page each time, one mail sent', async () => {
    const saved = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    const draftUrl = `/es/submit/draft/${draftToken(saved)}`;
    const fields = { ...validFields(), action: 'submit', client_key: randomUUID() };
    const before = await rowCounts(t.db);
    const all = await Promise.all(Array.from({ length: 6 }, () => postForm(t.app, draftUrl, fields)));
    expect(all.map((r) => r.statusCode)).toEqual(all.map(() => 303));
    expect(all.map((r) => r.headers.location)).toEqual(all.map(() => draftUrl));
    const after = await rowCounts(t.db);
    expect(after.submissions).toBe(before.submissions);
    expect(after.mail_outbox).toBe(before.mail_outbox + 1);
  });

  it('does not replay a key on another form: it is bound to the address it was posted to', async () => {
    const key = randomUUID();
    const first = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save', client_key: key });
    const other = await postForm(t.app, '/en/submit', { ...validFields(), action: 'save', client_key: key });
    expect(other.statusCode).toBe(303);
    expect(other.headers.location).not.toBe(first.headers.location);
  });

  it('refuses a malformed key with a 400 in the page’s language, writing nothing', async () => {
    const before = await rowCounts(t.db);
    for (const bad of ['nope', '', '12345678-1234-1234-1234-1234567890zz', [randomUUID(), randomUUID()]]) {
      const response = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save', client_key: bad });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('CLIENT_KEY_INVALID');
      expect(response.body).toContain('Recargue la página');
    }
    const en = await postForm(t.app, '/en/submit', { ...validFields(), action: 'save', client_key: 'x' });
    expect(en.body).toContain('Reload the page');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('still takes a form without a key (pages rendered before keys, no JavaScript)', async () => {
    const before = await rowCounts(t.db);
    const a = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    const b = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).not.toBe(b.headers.location);
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions + 2);
  });

  it('makes one pending edit from an editor’s form sent twice', async () => {
    const org = (await buildOrganization(t.db, { name: 'Casa Única' })).id;
    await buildService(t.db, { organizationId: org });
    const cookie = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: org })])).id,
    );
    const editUrl = `/es/account/organizations/${org}/edit`;
    const key = randomUUID();
    const fields: Record<string, string | string[]> = {
      ...validFields({ 'organization.name': 'Casa Única' }),
      action: 'submit',
      client_key: key,
    };
    delete fields.submitter_email;
    const before = await rowCounts(t.db);
    const first = await postForm(t.app, editUrl, fields, { cookie });
    expect(first.statusCode).toBe(303);
    const again = await postForm(t.app, editUrl, fields, { cookie });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(editUrl);
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions + 1);
  });
});

describe('GET /api/v1/csrf', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives a fresh token and its cookie, never cached, that a kept form can be posted with', async () => {
    const response = await t.app.inject({ url: '/api/v1/csrf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { token } = response.json<{ token: string }>();
    expect(token.length).toBeGreaterThan(10);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect(cookie).toContain('rumbo_csrf=');
    const sent = await t.app.inject({
      method: 'POST',
      url: '/es/submit',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: encode({ _csrf: token, ...validFields(), action: 'save', client_key: randomUUID() }),
    });
    expect(sent.statusCode).toBe(303);
    // With the cookie it already has, the endpoint keeps it (a page's form stays valid).
    const page = await formToken(t.app, '/es/submit', cookie);
    const again = await t.app.inject({ url: '/api/v1/csrf', headers: { cookie: page.cookie } });
    expect(again.statusCode).toBe(200);
  });
});

describe('pruning old client keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('forgets keys first used more than 30 days ago and keeps the recent ones', async () => {
    const { pruneClientKeys } = await import('./client-keys.service.js');
    const { insertClientKey } = await import('./client-keys.repository.js');
    await insertClientKey(t.db.query, { key: 'old', kind: 'submission', target: 'x' });
    await insertClientKey(t.db.query, { key: 'recent', kind: 'submission', target: 'y' });
    await t.db.withSession((s) =>
      s.query("UPDATE client_keys SET created_at = now() - interval '31 days' WHERE key = 'old'"),
    );
    expect(await pruneClientKeys(t.db)).toBe(1);
    const left = await t.db.withSession((s) => s.query<{ key: string }>('SELECT key FROM client_keys ORDER BY key'));
    expect(left.map((row) => row.key)).toEqual(['recent']);
  });
});
