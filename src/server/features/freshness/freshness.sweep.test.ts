import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { csrfFor, linkIn, outbox } from '../../../../tests/support/auth.js';
import { DEFAULT_FRESHNESS } from '../../http/app-context.js';
import { allJobs } from '../jobs/all-jobs.js';
import { runDueJobs, scheduleRecurring, withRecurring } from '../jobs/job-runner.js';
import { createMailer } from '../mail/mail.service.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import { insertToken } from '../accounts/tokens.repository.js';
import { runReverifySweep, REVERIFY_SWEEP, VERIFIED_BY_CONTACT } from './freshness.service.js';

const DAY = 86_400_000;
const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * DAY);
const BASE = 'https://rumbo.example';

let t: TestApp;
const orgs: Record<string, { id: string; serviceId: string }> = {};

async function listing(
  key: string,
  org: Parameters<typeof buildOrganization>[1],
  service: Parameters<typeof buildService>[2] = {},
) {
  const organization = await buildOrganization(t.db, org);
  const built = await buildService(
    t.db,
    { organizationId: organization.id },
    { last_verified_at: org?.last_verified_at ?? null, ...service },
  );
  orgs[key] = { id: organization.id, serviceId: built.service.id };
}

const orgRow = (id: string) =>
  t.db.query.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const serviceRow = (id: string) =>
  t.db.query.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const pathOf = (url: string) => url.slice(BASE.length);

/** Runs the daily sweep the way the job runner does (scheduled, then due). */
async function runSweepJob() {
  const jobs = allJobs({ transport: null, mailer: createMailer(null), freshness: DEFAULT_FRESHNESS, baseUrl: BASE });
  await scheduleRecurring(t.db, jobs.recurring);
  await t.db.query
    .updateTable('jobs')
    .set({ run_at: new Date(Date.now() - 1000) })
    .where('kind', '=', REVERIFY_SWEEP)
    .where('done_at', 'is', null)
    .execute();
  return runDueJobs(t.db, withRecurring(jobs.handlers, jobs.recurring));
}

beforeAll(async () => {
  t = await createTestApp();
  await listing('due', {
    email: 'due@example.org',
    original_locale: 'fr',
    name: 'Maison Due',
    last_verified_at: monthsAgo(7),
  });
  await listing('fresh', { email: 'fresh@example.org', last_verified_at: monthsAgo(1) });
  await listing('serviceEmail', { email: null, last_verified_at: monthsAgo(8) }, { email: 'service@example.org' });
  await listing('noEmail', { email: null, last_verified_at: monthsAgo(8) });
  await listing('demo', { email: 'demo@x.example.org', is_demo: true, last_verified_at: monthsAgo(8) });
  await listing('askedRecently', {
    email: 'asked@example.org',
    last_verified_at: monthsAgo(9),
    reverify_requested_at: monthsAgo(1),
  });
});
afterAll(async () => {
  await t.close();
});

describe('re-verification sweep', () => {
  it('when a mail cannot be queued, the sweep fails and the organization is asked on the retry', async () => {
    const broken = {
      delivers: false,
      send: async () => {
        throw new Error('outbox unavailable');
      },
    };
    await expect(
      runReverifySweep(t.db, { mailer: broken, freshness: DEFAULT_FRESHNESS, baseUrl: BASE }),
    ).rejects.toThrow('outbox unavailable');
    for (const key of ['due', 'serviceEmail']) {
      expect((await orgRow(orgs[key]!.id)).reverify_requested_at).toBeNull();
    }
    expect(await outbox(t.db)).toHaveLength(0);
  });

  it('mails each due organization once, in its language, and none that is fresh, asked recently, demo data or without email', async () => {
    expect(await runSweepJob()).toBe(1);
    expect(await runSweepJob()).toBe(1);
    expect(
      await runReverifySweep(t.db, { mailer: createMailer(null), freshness: DEFAULT_FRESHNESS, baseUrl: BASE }),
    ).toBe(0);
    const mails = await outbox(t.db);
    expect(mails.map((m) => m.to_address).sort()).toEqual(['due@example.org', 'service@example.org']);
    const due = mails.find((m) => m.to_address === 'due@example.org')!;
    expect(due.kind).toBe('reverify');
    expect(due.subject).toContain('Maison Due');
    expect(due.subject).toMatch(/toujours exacte/);
    expect(due.text_body).toContain('Tapachula');
    expect(due.text_body).toContain('Asesoría legal');
    expect(linkIn(due.text_body, '/fr/verify/')).toMatch(/\?answer=ok$/);
    expect(linkIn(due.text_body, '?answer=changes')).toContain(`${BASE}/fr/verify/`);
    expect((await orgRow(orgs.due!.id)).reverify_requested_at).not.toBeNull();
    expect((await orgRow(orgs.noEmail!.id)).reverify_requested_at).toBeNull();
    expect((await orgRow(orgs.fresh!.id)).reverify_requested_at).toBeNull();
  });

  it('the "ok" link shows the listing on GET without changing anything, and verifies it on POST, once', async () => {
    const due = (await outbox(t.db, 'due@example.org'))[0]!;
    const okPath = pathOf(linkIn(due.text_body, '?answer=ok'));
    const before = await orgRow(orgs.due!.id);

    const page = await t.app.inject({ method: 'GET', url: okPath });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('Maison Due');
    expect(page.body).toContain('name="answer" value="ok"');
    expect((await orgRow(orgs.due!.id)).last_verified_at).toEqual(before.last_verified_at);
    const token = await t.db.query.selectFrom('auth_tokens').selectAll().where('purpose', '=', 'reverify').execute();
    expect(token.every((row) => row.used_at === null)).toBe(true);

    const action = okPath.split('?')[0]!;
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: action,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'answer=ok',
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await orgRow(orgs.due!.id)).last_verified_at).toEqual(before.last_verified_at);

    const csrf = await csrfFor(t.app, '', okPath);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: action,
        headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf.token, answer: 'ok' }).toString(),
      });
    const done = await post();
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Maison Due');
    const after = await orgRow(orgs.due!.id);
    expect(after.last_verified_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(after.verified_by).toBe(VERIFIED_BY_CONTACT);
    const service = await serviceRow(orgs.due!.serviceId);
    expect(service.last_verified_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(service.verified_by).toBe(VERIFIED_BY_CONTACT);
    const audit = await t.db.query
      .selectFrom('audit_log')
      .selectAll()
      .where('resource_id', 'in', [orgs.due!.id, orgs.due!.serviceId])
      .execute();
    expect(audit.map((a) => `${a.resource_type}:${a.last_action_type}`).sort()).toEqual([
      'organization:verify',
      'service:verify',
    ]);
    expect(audit.every((a) => a.updated_by === VERIFIED_BY_CONTACT)).toBe(true);

    // Pages show who verified it in the reader's language.
    const servicePage = await t.app.inject({ method: 'GET', url: `/es/services/${orgs.due!.serviceId}` });
    expect(servicePage.body).toContain('el contacto del registro, por correo electrónico');

    const again = await post();
    expect(again.statusCode).toBe(410);
    const reopened = await t.app.inject({ method: 'GET', url: okPath });
    expect(reopened.statusCode).toBe(410);
    expect((await orgRow(orgs.due!.id)).last_verified_at).toEqual(after.last_verified_at);
  });

  it('the "changes" link opens an edit draft prefilled from the listing', async () => {
    const mail = (await outbox(t.db, 'service@example.org'))[0]!;
    const changesPath = pathOf(linkIn(mail.text_body, '?answer=changes'));
    const page = await t.app.inject({ method: 'GET', url: changesPath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="answer" value="changes"');
    const csrf = await csrfFor(t.app, '', changesPath);
    const response = await t.app.inject({
      method: 'POST',
      url: changesPath.split('?')[0]!,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf.token, answer: 'changes' }).toString(),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/es\/submit\/draft\/[A-Za-z0-9_-]+$/);
    const drafts = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('organization_id', '=', orgs.serviceEmail!.id)
      .execute();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.kind).toBe('edit');
    expect(drafts[0]!.submitter_email).toBe('service@example.org');
    // Asking for changes does not verify anything.
    expect((await orgRow(orgs.serviceEmail!.id)).verified_by).toBe('Test moderator');
    const reuse = await t.app.inject({
      method: 'POST',
      url: changesPath.split('?')[0]!,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf.token, answer: 'ok' }).toString(),
    });
    expect(reuse.statusCode).toBe(410);
  });

  it('refuses unknown, expired, malformed links and bad answers with LINK_INVALID, writing nothing', async () => {
    const expired = newToken();
    await insertToken(t.db, {
      tokenHash: hashToken(expired),
      purpose: 'reverify',
      userId: null,
      email: 'x@example.org',
      payload: { organizationId: orgs.fresh!.id },
      expiresAt: new Date(Date.now() - 1000),
    });
    const valid = newToken();
    await insertToken(t.db, {
      tokenHash: hashToken(valid),
      purpose: 'reverify',
      userId: null,
      email: 'x@example.org',
      payload: { organizationId: orgs.fresh!.id },
      expiresAt: new Date(Date.now() + DAY),
    });
    for (const url of [
      `/es/verify/${newToken()}?answer=ok`,
      `/es/verify/${expired}?answer=ok`,
      `/es/verify/${valid}?answer=maybe`,
      `/es/verify/${valid}`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(410);
      expect(response.body).not.toContain('<script>alert');
    }
    // Over-long values fail the route's limits (400 schema, 414 path parameter): a clear error, nothing echoed.
    for (const url of [
      `/es/verify/${'a'.repeat(500)}?answer=ok`,
      `/es/verify/${valid}?answer=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([400, 414], url).toContain(response.statusCode);
      expect(response.body).not.toContain('<script>alert');
    }

    const csrf = await csrfFor(t.app, '', `/es/verify/${valid}?answer=ok`);
    const before = await orgRow(orgs.fresh!.id);
    for (const [token, body] of [
      [expired, { answer: 'ok' }],
      [newToken(), { answer: 'ok' }],
      [valid, { answer: 'yes' }],
      [valid, { answer: '<script>alert(1)</script>' }],
      [valid, {}],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/es/verify/${token}`,
        headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf.token, ...body }).toString(),
      });
      expect(response.statusCode).toBe(410);
    }
    const arrayAnswer = await t.app.inject({
      method: 'POST',
      url: `/es/verify/${valid}`,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&answer=ok&answer=changes`,
    });
    expect(arrayAnswer.statusCode).toBe(410);
    const huge = await t.app.inject({
      method: 'POST',
      url: `/es/verify/${valid}`,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&answer=${'x'.repeat(300_000)}`,
    });
    expect([410, 413]).toContain(huge.statusCode);
    const after = await orgRow(orgs.fresh!.id);
    expect(after.last_verified_at).toEqual(before.last_verified_at);
    const used = await t.db.query
      .selectFrom('auth_tokens')
      .select('used_at')
      .where('token_hash', '=', hashToken(valid))
      .executeTakeFirstOrThrow();
    expect(used.used_at).toBeNull();
  });
});
