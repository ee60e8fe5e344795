import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { sampleListing } from '../listings/listing.fixtures.js';
import { applyListing } from '../listings/listing.service.js';
import { buildSubmission } from './moderation.fixtures.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let mexican: string;
let guatemalan: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganization(t.db);
  const hub = await buildLocation(t.db, org.id);
  const roles = {
    admin: [grant('admin')],
    moderatorMX: [grant('moderator', { countryCode: 'MX' })],
    moderatorGT: [grant('moderator', { countryCode: 'GT' })],
    editor: [grant('org_editor', { organizationId: org.id })],
    publisher: [grant('publisher')],
    hubReporter: [grant('hub_reporter', { hubLocationId: hub.id })],
    nobody: [],
  };
  for (const [name, grants] of Object.entries(roles)) {
    cookies[name] = await sessionCookie(t.db, (await buildUser(t.db, grants)).id);
  }
  mexican = (await buildSubmission(t.db, sampleListing({ name: 'Albergue Mexicano' }), { duplicates: [{}] })).id;
  const gt = sampleListing({ name: 'Casa Guatemalteca' });
  for (const l of gt.locations) l.country_code = 'GT';
  guatemalan = (await buildSubmission(t.db, gt)).id;
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('the moderation queue', () => {
  it('shows a moderator only their countries, with counts and the duplicate flag', async () => {
    const page = await get('/es/admin/moderation', cookies.moderatorMX);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Albergue Mexicano');
    expect(page.body).not.toContain('Casa Guatemalteca');
    expect(page.body).toContain('MX: 1');
    expect(page.body).toContain('badge-stale');
    const filtered = await get('/es/admin/moderation?country=GT', cookies.moderatorMX);
    expect(filtered.body).not.toContain('Casa Guatemalteca');
  });

  it('shows an admin every country, filters by country, status and kind', async () => {
    const all = await get('/en/admin/moderation', cookies.admin);
    expect(all.body).toContain('Albergue Mexicano');
    expect(all.body).toContain('Casa Guatemalteca');
    const gt = await get('/en/admin/moderation?country=gt', cookies.admin);
    expect(gt.body).toContain('Casa Guatemalteca');
    expect(gt.body).not.toContain('Albergue Mexicano');
    const edits = await get('/en/admin/moderation?kind=edit', cookies.admin);
    expect(edits.body).not.toContain('Albergue Mexicano');
    const approved = await get('/en/admin/moderation?status=approved', cookies.admin);
    expect(approved.body).not.toContain('Albergue Mexicano');
  });

  it('answers a bad filter with a clear 400, not a 500', async () => {
    const res = await get('/es/admin/moderation?status=<script>', cookies.admin);
    expect(res.statusCode).toBe(400);
  });
});

describe('who may moderate', () => {
  it('sends anonymous visitors to sign in, on pages and on posts', async () => {
    for (const url of ['/es/admin/moderation', `/es/admin/moderation/${mexican}`]) {
      const res = await get(url);
      expect([302, 303]).toContain(res.statusCode);
      expect(res.headers.location).toMatch(/^\/es\/login/);
    }
    const post = await t.app.inject({
      method: 'POST',
      url: `/es/admin/moderation/${mexican}/reject`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'reason=no',
    });
    expect([302, 303, 401, 403]).toContain(post.statusCode);
  });

  it('refuses editors, publishers, hub reporters and plain users with 403', async () => {
    for (const role of ['editor', 'publisher', 'hubReporter', 'nobody']) {
      expect((await get('/es/admin/moderation', cookies[role])).statusCode).toBe(403);
      expect((await get(`/es/admin/moderation/${mexican}`, cookies[role])).statusCode).toBe(403);
    }
  });

  it('refuses a moderator of another country with 403, pages and decisions alike', async () => {
    expect((await get(`/es/admin/moderation/${mexican}`, cookies.moderatorGT)).statusCode).toBe(403);
    expect((await get(`/es/admin/moderation/${guatemalan}`, cookies.moderatorGT)).statusCode).toBe(200);
    const { csrfFor } = await import('../../../../tests/support/auth.js');
    const csrf = await csrfFor(t.app, cookies.moderatorGT ?? '', `/es/admin/moderation/${guatemalan}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/es/admin/moderation/${mexican}/approve`,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}`,
    });
    expect(res.statusCode).toBe(403);
    const row = await t.db.query
      .selectFrom('submissions')
      .select('status')
      .where('id', '=', mexican)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('refuses a moderator whose session has not passed the second factor', async () => {
    const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })]);
    const pending = await sessionCookie(t.db, user.id, false);
    const res = await get('/es/admin/moderation', pending);
    expect(res.statusCode).not.toBe(200);
  });
});

describe('the audit history', () => {
  it('lists every change to a record, newest first, for moderators, and as HSDS metadata in the API', async () => {
    const { organizationId } = await applyListing(t.db, {
      listing: sampleListing({ name: 'Historia <b>viva</b>' }),
      organizationId: null,
      submissionId: null,
      actor: { userId: null, label: 'Moderadora Ana' },
    });
    const page = await get(`/es/admin/audit/organization/${organizationId}`, cookies.moderatorGT);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Moderadora Ana');
    expect(page.body).toContain('Historia &lt;b>viva&lt;/b>');
    const api = await get(`/api/v1/audit/organization/${organizationId}`, cookies.moderatorMX);
    expect(api.statusCode).toBe(200);
    const items = api.json().items as Record<string, string>[];
    expect(items.find((i) => i.field_name === 'name')).toMatchObject({
      resource_id: organizationId,
      resource_type: 'organization',
      last_action_type: 'create',
      previous_value: '',
      replacement_value: 'Historia <b>viva</b>',
      updated_by: 'Moderadora Ana',
    });
  });

  it('refuses anonymous API calls with 401 JSON and other roles with 403', async () => {
    const id = '6cd71e9f-1013-49d9-8370-26b8f59d3e5a';
    const anonymous = await get(`/api/v1/audit/service/${id}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    expect((await get(`/api/v1/audit/service/${id}`, cookies.editor)).statusCode).toBe(403);
    expect((await get(`/es/admin/audit/service/${id}`, cookies.publisher)).statusCode).toBe(403);
    expect((await get(`/api/v1/audit/service/not-a-uuid`, cookies.admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/audit/users/${id}`, cookies.admin)).statusCode).toBe(400);
  });
});
