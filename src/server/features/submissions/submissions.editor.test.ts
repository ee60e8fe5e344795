import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, linkIn, outbox, sessionCookie } from '../../../../tests/support/auth.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { loadListing } from '../listings/listing.service.js';
import { postForm, rowCounts, validFields } from './submissions.factories.js';
import { createEditDraft } from './submissions.service.js';

describe('editors propose changes to their organization', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let editorA: string;
  const editUrl = (id: string) => `/es/account/organizations/${id}/edit`;

  beforeAll(async () => {
    t = await createTestApp();
    orgA = (await buildOrganization(t.db, { name: 'Casa del Migrante A' })).id;
    orgB = (await buildOrganization(t.db, { name: 'Casa del Migrante B' })).id;
    await buildService(t.db, { organizationId: orgA });
    await buildService(t.db, { organizationId: orgB, location: { country_code: 'CR', city: 'San José' } });
    editorA = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: orgA })], { email: 'editor-a@example.org' })).id,
    );
  });
  afterAll(() => t.close());

  /** The edit form's fields as the editor's browser would send them back, with some changes. */
  async function formOf(url: string, cookie: string): Promise<Record<string, string | string[]>> {
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const fields: Record<string, string | string[]> = {};
    const add = (name: string, value: string) => {
      const decoded = value.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
      const old = fields[name];
      fields[name] = old === undefined ? decoded : [old, decoded].flat();
    };
    for (const m of page.body.matchAll(/<input ([^>]*)\/?>/g)) {
      const attrs = m[1]!;
      const name = /name="([^"]+)"/.exec(attrs)?.[1];
      if (!name || name === '_csrf') continue;
      const type = /type="([^"]+)"/.exec(attrs)?.[1];
      if ((type === 'checkbox' || type === 'radio') && !attrs.includes('checked')) continue;
      add(name, /value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    }
    for (const m of page.body.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) add(m[1]!, m[2]!);
    for (const m of page.body.matchAll(/<select [^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
      add(m[1]!, /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '');
    }
    return fields;
  }

  it('lists the organizations an editor edits', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/es/account/organizations', headers: { cookie: editorA } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Casa del Migrante A');
    expect(page.body).not.toContain('Casa del Migrante B');
    expect(page.body).toContain(editUrl(orgA));
    const anonymous = await t.app.inject({ method: 'GET', url: '/es/account/organizations' });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/es\/login\?next=/);
  });

  it('saves an edit as a draft, then sends it straight to the queue; the live listing does not change', async () => {
    const fields = await formOf(editUrl(orgA), editorA);
    expect(fields['organization.name']).toBe('Casa del Migrante A');
    expect(fields['locations.0.city']).toBe('Tapachula');
    expect(fields).not.toHaveProperty('submitter_email');

    const before = await rowCounts(t.db);
    const changed = { ...fields, 'organization.name': 'Casa del Migrante A (nueva sede)' };
    const saved = await postForm(
      t.app,
      editUrl(orgA),
      { ...changed, action: 'save' },
      { cookie: editorA, formUrl: editUrl(orgA) },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Su borrador está guardado.');
    const drafts = await t.db.query.selectFrom('submissions').selectAll().where('organization_id', '=', orgA).execute();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: 'edit', status: 'draft', submitter_email: 'editor-a@example.org' });
    expect(drafts[0]?.submitter_user_id).not.toBeNull();
    // One open edit per organization and editor: opening it again shows the draft, saving again updates it.
    expect((await formOf(editUrl(orgA), editorA))['organization.name']).toBe('Casa del Migrante A (nueva sede)');
    await postForm(t.app, editUrl(orgA), { ...changed, action: 'save' }, { cookie: editorA, formUrl: editUrl(orgA) });
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions + 1);

    const sent = await postForm(
      t.app,
      editUrl(orgA),
      { ...changed, action: 'submit' },
      { cookie: editorA, formUrl: editUrl(orgA) },
    );
    expect(sent.statusCode).toBe(303);
    const pending = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('organization_id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    expect(pending.country_code).toBe('MX');
    expect(pending.submitted_at).not.toBeNull();
    // Everything else is the live listing, unchanged by its trip through the form.
    const liveListing = (await loadListing(t.db, orgA))!;
    expect(pending.listing).toEqual({
      ...liveListing,
      organization: { ...liveListing.organization, name: 'Casa del Migrante A (nueva sede)' },
    });
    // The duplicate check leaves out the organization being edited.
    expect(JSON.stringify(pending.duplicates)).not.toContain(orgA);
    expect((await rowCounts(t.db)).mail_outbox).toBe(before.mail_outbox);
    const live = await t.db.query
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', orgA)
      .executeTakeFirstOrThrow();
    expect(live.name).toBe('Casa del Migrante A');
    const status = await t.app.inject({ method: 'GET', url: editUrl(orgA), headers: { cookie: editorA } });
    expect(status.body).toContain('En la cola de moderación');
    expect(status.body).not.toContain('name="organization.name"');
    const list = await t.app.inject({ method: 'GET', url: '/es/account/organizations', headers: { cookie: editorA } });
    expect(list.body).toContain('En la cola de moderación');
  });

  it('shows errors next to the fields of an edit, keeping what was typed', async () => {
    const editorB = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: orgB })])).id,
    );
    const fields = await formOf(`/en/account/organizations/${orgB}/edit`, editorB);
    const response = await postForm(
      t.app,
      `/en/account/organizations/${orgB}/edit`,
      { ...fields, 'locations.0.latitude': '123', action: 'submit' },
      { cookie: editorB, formUrl: `/en/account/organizations/${orgB}/edit` },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="error-locations-0-latitude"');
    expect(response.body).toContain('value="123"');
  });

  it('refuses other editors, anonymous visitors and moderators, writing nothing', async () => {
    const otherEditor = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: orgB })])).id,
    );
    const moderatorCR = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('moderator', { countryCode: 'CR' })])).id,
    );
    const moderatorMX = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })])).id,
    );
    const bodies: Record<string, string | string[]>[] = [
      { ...validFields(), action: 'submit' },
      { 'organization.name': ['x', 'y'], action: 'save' },
    ];
    const before = await rowCounts(t.db);
    for (const [cookie, status] of [
      [otherEditor, 403],
      [moderatorCR, 403],
      [moderatorMX, 403],
      ['', 401],
    ] as const) {
      const page = await t.app.inject({ method: 'GET', url: editUrl(orgA), headers: cookie ? { cookie } : {} });
      expect(page.statusCode).toBe(cookie ? 403 : 302);
      // Refused before the form is even looked at: an empty or broken body gets the same answer.
      for (const fields of bodies) {
        const response = await postForm(t.app, editUrl(orgA), fields, { cookie, formUrl: '/es/submit' });
        expect(response.statusCode).toBe(status);
        expect(response.body).toContain(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
    // An unknown or malformed organization id is simply not found for an admin.
    const admin = await sessionCookie(t.db, (await buildUser(t.db, [grant('admin')])).id);
    expect(
      (await t.app.inject({ method: 'GET', url: editUrl('not-a-uuid'), headers: { cookie: admin } })).statusCode,
    ).toBe(404);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('creates an edit draft for a contact asked to re-verify, confirmed by mail like a new listing', async () => {
    const before = await rowCounts(t.db);
    const { token } = await createEditDraft(t.db, {
      organizationId: orgB,
      locale: 'fr',
      email: 'contact-b@example.org',
      userId: null,
    });
    const url = `/fr/submit/draft/${token}`;
    const fields = await formOf(url, '');
    expect(fields['organization.name']).toBe('Casa del Migrante B');
    expect(fields.submitter_email).toBe('contact-b@example.org');
    const sent = await postForm(t.app, url, { ...fields, action: 'submit' }, { formUrl: url });
    expect(sent.statusCode).toBe(303);
    const row = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('organization_id', '=', orgB)
      .where('submitter_user_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'edit',
      status: 'awaiting_confirmation',
      submitter_email: 'contact-b@example.org',
    });
    const [mail] = await outbox(t.db, 'contact-b@example.org');
    const confirm = new URL(linkIn(mail!.text_body, '/fr/submit/confirm/')).pathname;
    expect((await postForm(t.app, confirm, {}, { formUrl: confirm })).statusCode).toBe(200);
    const pending = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    expect(pending.country_code).toBe('CR');
    expect(JSON.stringify(pending.duplicates)).not.toContain(orgB);
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions + 1);
  });

  it('keeps one open edit when the same form is saved or sent six times at once', async () => {
    const org = (await buildOrganization(t.db, { name: 'Casa del Migrante C' })).id;
    await buildService(t.db, { organizationId: org });
    const cookie = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: org })])).id,
    );
    const fields = await formOf(editUrl(org), cookie);
    const edits = () =>
      t.db.query.selectFrom('submissions').select('status').where('organization_id', '=', org).execute();
    const sixAtOnce = (sent: Record<string, string | string[]>) =>
      Promise.all(Array.from({ length: 6 }, () => postForm(t.app, editUrl(org), sent, { cookie })));
    // No edit open yet: each post found none when it read, and only one may make it (the others save into it).
    const saved = await sixAtOnce({ ...fields, 'organization.name': 'Casa del Migrante C (guardada)', action: 'save' });
    expect(saved.map((r) => r.statusCode)).toEqual(saved.map(() => 200));
    expect(await edits()).toEqual([{ status: 'draft' }]);
    await t.db.query.deleteFrom('submissions').where('organization_id', '=', org).execute();
    // Sent whole with its key: all land on the edit page, one edit queued.
    const keyed = await sixAtOnce({ ...fields, action: 'submit' });
    expect(keyed.map((r) => [r.statusCode, r.headers.location])).toEqual(keyed.map(() => [303, editUrl(org)]));
    expect(await edits()).toEqual([{ status: 'pending' }]);
    await t.db.query.deleteFrom('submissions').where('organization_id', '=', org).execute();
    // Sent whole without its key (a script, or a page from before keys): one goes to the queue, the rest conflict.
    const { client_key: _key, ...keyless } = fields;
    const sent = await sixAtOnce({ ...keyless, action: 'submit' });
    expect(sent.map((r) => r.statusCode).sort()).toEqual([303, 409, 409, 409, 409, 409]);
    expect(await edits()).toEqual([{ status: 'pending' }]);
  });
});
