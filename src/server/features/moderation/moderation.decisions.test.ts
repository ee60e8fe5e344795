import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, linkIn, outbox, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { hashToken } from '../accounts/secrets.js';
import { rolesOf } from '../accounts/users.repository.js';
import { sampleListing } from '../listings/listing.fixtures.js';
import type { ListingDocument } from '../listings/listing.schema.js';
import { applyListing, loadListing } from '../listings/listing.service.js';
import { buildSubmission, postDecision } from './moderation.fixtures.js';

let t: TestApp;
let moderator: string;

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })]);
  moderator = await sessionCookie(t.db, user.id);
});
afterAll(async () => {
  await t.close();
});

const statusOf = async (id: string) =>
  await t.db.query.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function liveListing(name: string) {
  const { organizationId } = await applyListing(t.db, {
    listing: sampleListing({ name }),
    organizationId: null,
    submissionId: null,
    actor: { userId: null, label: 'seed' },
  });
  return { organizationId, listing: (await loadListing(t.db, organizationId)) as ListingDocument };
}

describe('the submission page', () => {
  it('shows an edit field by field against the live record, translations included, hostile text escaped', async () => {
    const { organizationId, listing } = await liveListing('Comedor Santa Marta');
    const edited = structuredClone(listing);
    edited.organization.description.en = 'We feed <script>alert(1)</script> migrants.';
    const submission = await buildSubmission(t.db, edited, { kind: 'edit', organizationId });
    const page = await t.app.inject({ url: `/es/admin/moderation/${submission.id}`, headers: { cookie: moderator } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('Descripción (English)');
    expect(page.body).toContain('<del>We support migrants.</del>');
    expect(page.body).toContain('<ins>We feed &lt;script>alert(1)&lt;/script> migrants.</ins>');
    expect(page.body).not.toContain('<script>alert(1)');
    // Unchanged rows only on request (no JavaScript needed).
    expect(page.body).not.toContain('<td>name</td>');
    const all = await t.app.inject({
      url: `/es/admin/moderation/${submission.id}?unchanged=1`,
      headers: { cookie: moderator },
    });
    expect(all.body).toContain('diff-unchanged');
    expect(all.body).toContain('<td>Nombre</td>');
    // Stored codes read as words: cost, who it is for, the address shown, and weekdays.
    expect(all.body).toContain('<td>Gratis</td>');
    expect(all.body).toContain('Niñas y niños, Mujeres');
    expect(all.body).toContain('Ocultar la dirección');
    expect(all.body).toMatch(/lun 08:00-18:00/);
    // The hidden address of the shelter is flagged.
    expect(page.body).toContain('notice-warn');
    // History links for live records.
    expect(page.body).toContain(`/es/admin/audit/organization/${organizationId}`);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['6cd71e9f-1013-49d9-8370-26b8f59d3e5a', 'nope']) {
      const page = await t.app.inject({ url: `/es/admin/moderation/${id}`, headers: { cookie: moderator } });
      expect(page.statusCode).toBe(404);
    }
  });
});

describe('decisions', () => {
  it('approves a new listing: public, the submitter becomes its editor and gets mail in their language', async () => {
    const listing = sampleListing({ name: 'Refugio Las Golondrinas' });
    const first = listing.services[0];
    if (first) first.name = { es: 'Dormitorio Golondrinas', en: 'Swallows dormitory' };
    const email = 'golondrinas@example.org';
    const submission = await buildSubmission(t.db, listing, { email, locale: 'en' });
    const res = await postDecision(t.app, moderator, submission.id, 'approve');
    expect(res.statusCode).toBe(303);
    const row = await statusOf(submission.id);
    expect(row.status).toBe('approved');
    expect(row.decided_by).not.toBeNull();
    expect(row.organization_id).not.toBeNull();
    const services = await t.app.inject('/es/services');
    expect(services.body).toContain('Dormitorio Golondrinas');
    const user = await t.db.query.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    expect(user.preferred_locale).toBe('en');
    expect(user.password_hash).toBeNull();
    expect(await rolesOf(t.db, user.id)).toContainEqual(
      expect.objectContaining({ role: 'org_editor', organizationId: row.organization_id }),
    );
    const [mail] = await outbox(t.db, email);
    expect(mail?.subject).toContain('is now live');
    expect(linkIn(mail?.text_body ?? '', `/en/organizations/${row.organization_id}`)).toMatch(/^https?:\/\//);
    expect(mail?.text_body).toContain('/en/login/link');
    const audit = await t.db.query
      .selectFrom('audit_log')
      .selectAll()
      .where('submission_id', '=', submission.id)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('approves an edit: the live record changes', async () => {
    const { organizationId, listing } = await liveListing('Clínica Fray Matías');
    const edited = structuredClone(listing);
    edited.organization.website = 'https://fraymatias.example.org';
    const submission = await buildSubmission(t.db, edited, { kind: 'edit', organizationId });
    const res = await postDecision(t.app, moderator, submission.id, 'approve');
    expect(res.statusCode).toBe(303);
    expect((await loadListing(t.db, organizationId))?.organization.website).toBe('https://fraymatias.example.org');
    const audit = await t.db.query
      .selectFrom('audit_log')
      .selectAll()
      .where('submission_id', '=', submission.id)
      .execute();
    expect(audit.map((a) => a.field_name)).toEqual(['website']);
  });

  it('keeps search right: an approved rename is found by its new name, not its old one', async () => {
    const { organizationId, listing } = await liveListing('Centro Zapoteca');
    const service = listing.services[0];
    if (!service) throw new Error('no service');
    const search = async (q: string) =>
      (await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as { id: string }[];
    expect((await search('Albergue temporal')).some((i) => i.id === service.key)).toBe(true);
    const edited = structuredClone(listing);
    const renamed = edited.services[0];
    if (renamed) renamed.name = { es: 'Ropero Quetzalcóatl' };
    const submission = await buildSubmission(t.db, edited, { kind: 'edit', organizationId });
    expect((await postDecision(t.app, moderator, submission.id, 'approve')).statusCode).toBe(303);
    expect((await search('Quetzalcóatl')).some((i) => i.id === service.key)).toBe(true);
    expect((await search('Albergue temporal')).some((i) => i.id === service.key)).toBe(false);
  });

  it('mails the signed-in editor who sent an edit without an address', async () => {
    const { organizationId, listing } = await liveListing('Comedor Sin Correo');
    const editor = await buildUser(t.db, [grant('org_editor', { organizationId })]);
    const edited = structuredClone(listing);
    edited.organization.email = 'nuevo@example.org';
    const submission = await buildSubmission(t.db, edited, { kind: 'edit', organizationId, email: null });
    await t.db.query
      .updateTable('submissions')
      .set({ submitter_user_id: editor.id })
      .where('id', '=', submission.id)
      .execute();
    expect((await postDecision(t.app, moderator, submission.id, 'approve')).statusCode).toBe(303);
    expect(await outbox(t.db, editor.email)).toHaveLength(1);
  });

  it('refuses a second decision with 409 and writes nothing', async () => {
    const submission = await buildSubmission(t.db, sampleListing({ name: 'Doble Decisión' }));
    const csrfUrl = `/es/admin/moderation/${submission.id}`;
    const { csrfFor } = await import('../../../../tests/support/auth.js');
    const csrf = await csrfFor(t.app, moderator, csrfUrl);
    const post = (action: string, reason?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/es/admin/moderation/${submission.id}/${action}`,
        headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf.token, ...(reason ? { reason } : {}) }).toString(),
      });
    expect((await post('reject', 'Duplicada')).statusCode).toBe(303);
    const mails = (await outbox(t.db)).length;
    const again = await post('approve');
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('text/html');
    expect((await statusOf(submission.id)).status).toBe('rejected');
    expect(
      await t.db.query.selectFrom('organizations').select('id').where('name', '=', 'Doble Decisión').execute(),
    ).toEqual([]);
    expect((await outbox(t.db)).length).toBe(mails);
  });

  it('rejects only with a reason, shown next to the field otherwise, and mails the reason', async () => {
    const email = 'rechazo@example.org';
    const submission = await buildSubmission(t.db, sampleListing({ name: 'Rechazable' }), { email });
    const missing = await postDecision(t.app, moderator, submission.id, 'reject', { reason: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('field-error');
    expect(missing.body).toContain('aria-invalid="true"');
    expect((await statusOf(submission.id)).status).toBe('pending');
    const huge = await postDecision(t.app, moderator, submission.id, 'reject', { reason: 'x'.repeat(5000) });
    expect(huge.statusCode).toBe(400);
    expect((await statusOf(submission.id)).status).toBe('pending');
    const res = await postDecision(t.app, moderator, submission.id, 'reject', {
      reason: 'No es un servicio para personas migrantes.',
    });
    expect(res.statusCode).toBe(303);
    const row = await statusOf(submission.id);
    expect(row.status).toBe('rejected');
    expect(row.decision_reason).toBe('No es un servicio para personas migrantes.');
    const [mail] = await outbox(t.db, email);
    expect(mail?.text_body).toContain('No es un servicio para personas migrantes.');
  });

  it('requests changes: the words and a new draft link go to the submitter', async () => {
    const email = 'cambios@example.org';
    const submission = await buildSubmission(t.db, sampleListing({ name: 'Por Corregir' }), { email, locale: 'fr' });
    const missing = await postDecision(t.app, moderator, submission.id, 'request-changes', {});
    expect(missing.statusCode).toBe(400);
    const res = await postDecision(t.app, moderator, submission.id, 'request-changes', {
      reason: 'Falta el horario del comedor.',
    });
    expect(res.statusCode).toBe(303);
    const row = await statusOf(submission.id);
    expect(row.status).toBe('changes_requested');
    expect(row.decision_reason).toBe('Falta el horario del comedor.');
    expect(row.draft_token_hash).not.toBe(submission.draft_token_hash);
    const [mail] = await outbox(t.db, email);
    expect(mail?.text_body).toContain('Falta el horario del comedor.');
    const link = linkIn(mail?.text_body ?? '', '/fr/submit/draft/');
    const token = link.split('/').pop() ?? '';
    expect(hashToken(token)).toBe(row.draft_token_hash);
  });

  it('merges into a flagged duplicate: its locations and services join that organization', async () => {
    const { organizationId, listing: live } = await liveListing('Casa del Migrante Belén');
    const proposal = sampleListing({ name: 'Casa del Migrante Belen' });
    proposal.services = proposal.services.slice(0, 1);
    const service = proposal.services[0];
    if (service) service.name = { es: 'Duchas y lavandería' };
    const submission = await buildSubmission(t.db, proposal);
    const wrong = await postDecision(t.app, moderator, submission.id, 'merge', {
      organization_id: '6cd71e9f-1013-49d9-8370-26b8f59d3e5a',
    });
    expect(wrong.statusCode).toBe(400);
    const res = await postDecision(t.app, moderator, submission.id, 'merge', { organization_id: organizationId });
    expect(res.statusCode).toBe(303);
    const merged = (await loadListing(t.db, organizationId)) as ListingDocument;
    expect(merged.organization.name).toBe('Casa del Migrante Belén');
    expect(merged.services).toHaveLength(live.services.length + 1);
    expect(merged.locations).toHaveLength(live.locations.length + 2);
    expect(merged.services.at(-1)?.name).toEqual({ es: 'Duchas y lavandería' });
    const row = await statusOf(submission.id);
    expect(row.status).toBe('approved');
    expect(row.organization_id).toBe(organizationId);
    const audit = await t.db.query
      .selectFrom('audit_log')
      .selectAll()
      .where('submission_id', '=', submission.id)
      .execute();
    expect(audit.every((a) => a.last_action_type === 'merge')).toBe(true);
  });

  it('refuses a POST without a CSRF token and writes nothing', async () => {
    const submission = await buildSubmission(t.db, sampleListing({ name: 'Sin Token' }));
    const res = await t.app.inject({
      method: 'POST',
      url: `/es/admin/moderation/${submission.id}/approve`,
      headers: { cookie: moderator, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect((await statusOf(submission.id)).status).toBe('pending');
  });
});
