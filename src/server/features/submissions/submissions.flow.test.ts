import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, outbox } from '../../../../tests/support/auth.js';
import { buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import type { ListingDocument } from '../listings/listing.schema.js';
import { draftToken, formToken, postForm, rowCounts, validFields } from './submissions.factories.js';

describe('submitting a new listing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const row = (token: string) =>
    t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('draft_token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();

  it('explains the form and offers every part of it', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/en/submit' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('email you a link to confirm');
    expect(page.body).toContain('hide their street address');
    expect(page.body).toContain('private link');
    for (const name of ['organization.name', 'locations.0.city', 'services.0.hours.7.closes', 'submitter_email']) {
      expect(page.body).toContain(`name="${name}"`);
    }
    expect(page.body).toContain('value="shelter"'); // a category from the taxonomy in the database
    expect(page.body).toMatch(/<div class="trap" aria-hidden="true">/);
    expect(page.body).toMatch(/name="company_fax" type="text" tabindex="-1" autocomplete="off"/);
    // Only the small, optional draft and outbox islands (same origin, module files): no inline script, and the
    // form works without them.
    const scripts = page.body.match(/<script[^>]*>/g) ?? [];
    for (const script of scripts) expect(script).toMatch(/^<script type="module" src="\/assets\/[\w.-]+\.js">$/);
    expect(scripts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/assets\/outbox\.client-[\w-]+\.js"/),
        expect.stringMatching(/\/assets\/draft\.client-[\w-]+\.js"/),
      ]),
    );
  });

  it('goes from a saved draft to a confirmed submission in the moderation queue', async () => {
    // An organization that looks the same, so the duplicate check has something to find.
    const existing = await buildService(t.db, { location: { city: 'Tapachula' } });
    await t.db.query
      .updateTable('organizations')
      .set({ name: 'Casa Refugio Esperanza' })
      .where('id', '=', existing.service.organization_id)
      .execute();

    const saved = await postForm(t.app, '/es/submit', { ...validFields(), action: 'save' });
    expect(saved.statusCode).toBe(303);
    const token = draftToken(saved);
    expect((await row(token)).status).toBe('draft');

    const draftUrl = `/es/submit/draft/${token}`;
    const draft = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain('Guarde este enlace');
    expect(draft.body).toContain(`http://localhost:80${draftUrl}`);
    expect(draft.body).toContain('value="Casa Refugio Esperanza"');

    const before = await rowCounts(t.db);
    const sent = await postForm(t.app, draftUrl, { ...validFields(), action: 'submit' }, { formUrl: draftUrl });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(draftUrl);
    expect((await rowCounts(t.db)).submissions).toBe(before.submissions);
    const waiting = await row(token);
    expect(waiting.status).toBe('awaiting_confirmation');
    expect(waiting.submitter_email).toBe('ana@example.org');
    expect(waiting.draft_form).toBeNull();
    const listing = waiting.listing as ListingDocument;
    expect(listing.organization.name).toBe('Casa Refugio Esperanza');
    expect(listing.locations[0]?.latitude).toBeCloseTo(14.9, 0); // Tapachula, from the gazetteer
    expect(listing.services[0]?.name).toEqual({ es: 'Albergue temporal', en: 'Temporary shelter' });
    expect(listing.services[0]?.languages).toEqual(['es', 'en', 'mam']);
    expect(listing.services[0]?.hours).toEqual([{ weekday: 1, opens: '08:00', closes: '18:00' }]);
    expect(listing.services[0]?.documents).toEqual([{ es: 'Identificación' }, { es: 'CURP si la tiene' }]);
    expect(listing.services[0]?.phones).toEqual([{ number: '+52 962 123 4567', whatsapp: true }]);

    const status = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(status.body).toContain('Esperando su confirmación');
    expect(status.body).not.toContain('name="organization.name"');

    const mails = await outbox(t.db, 'ana@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('confirm_submission');
    expect(mails[0]?.subject).toContain('Confirme');
    expect(mails[0]?.text_body).toContain(draftUrl);
    const confirmUrl = new URL(linkIn(mails[0]!.text_body, '/es/submit/confirm/')).pathname;

    // Opening the link (or a mail scanner fetching it) uses nothing.
    for (let i = 0; i < 2; i++) {
      const confirmPage = await t.app.inject({ method: 'GET', url: confirmUrl });
      expect(confirmPage.statusCode).toBe(200);
      expect(confirmPage.body).toContain('Confirmar');
    }
    expect((await row(token)).status).toBe('awaiting_confirmation');

    const confirmed = await postForm(t.app, confirmUrl, {}, { formUrl: confirmUrl });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('cola de moderación');
    const pending = await row(token);
    expect(pending.status).toBe('pending');
    expect(pending.country_code).toBe('MX');
    expect(pending.submitted_at).not.toBeNull();
    expect(JSON.stringify(pending.duplicates)).toContain(existing.service.organization_id);

    const again = await postForm(t.app, confirmUrl, {}, { formUrl: '/es/submit' });
    expect(again.statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: confirmUrl })).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: draftUrl })).body).toContain('En la cola de moderación');
  });

  it('sends a complete fresh form for confirmation in one step: one row, one link, one mail', async () => {
    const before = await rowCounts(t.db);
    const sent = await postForm(t.app, '/en/submit', {
      ...validFields({ submitter_email: 'Bea@Example.org' }),
      action: 'submit',
    });
    expect(sent.statusCode).toBe(303);
    const token = draftToken(sent);
    const after = await rowCounts(t.db);
    expect(after.submissions - before.submissions).toBe(1);
    expect(after.auth_tokens - before.auth_tokens).toBe(1);
    expect(after.mail_outbox - before.mail_outbox).toBe(1);
    expect((await row(token)).status).toBe('awaiting_confirmation');
    const [mail] = await outbox(t.db, 'bea@example.org');
    expect(mail?.subject).toBe('Confirm the listing of Casa Refugio Esperanza on Rumbo');
    expect(mail?.text_body).toContain('/en/submit/confirm/');
  });

  it('adds and removes places and services without JavaScript, keeping what was typed', async () => {
    const added = await postForm(t.app, '/es/submit', { ...validFields(), action: 'add-location' });
    const token = draftToken(added);
    const draftUrl = `/es/submit/draft/${token}`;
    let page = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(page.body).toContain('name="locations.1.key" value="new-2"');
    expect(page.body).toContain('value="Calle 5 Norte 12"');

    const twoPlaces = validFields({
      'locations.1.key': 'new-2',
      'locations.1.name': 'Oficina',
      'locations.1.country_code': 'GT',
      'locations.1.city': 'Tecún Umán',
      'services.0.location_keys': ['new-1', 'new-2'],
    });
    const service = await postForm(t.app, draftUrl, { ...twoPlaces, action: 'add-service' }, { formUrl: draftUrl });
    expect(service.statusCode).toBe(200);
    expect(service.body).toContain('name="services.1.key" value="new-2"');
    expect(service.body).toContain('value="Oficina"');

    const removed = await postForm(
      t.app,
      draftUrl,
      { ...twoPlaces, action: 'remove-location-0' },
      { formUrl: draftUrl },
    );
    expect(removed.statusCode).toBe(200);
    expect(removed.body).not.toContain('name="locations.1.key"');
    expect(removed.body).toContain('name="locations.0.key" value="new-2"');
    expect(removed.body).not.toContain('value="Calle 5 Norte 12"');
    const stored = (await row(token)).draft_form as { locations: unknown[]; services: { location_keys: string[] }[] };
    expect(stored.locations).toHaveLength(1);
    expect(stored.services[0]?.location_keys).toEqual(['new-2']);

    page = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(page.body).toContain('value="Oficina"');
    // The last place cannot be removed: no button for it.
    expect(page.body).not.toContain('value="remove-location-0"');
  });

  it('keeps a draft exactly as typed, even incomplete, under its link', async () => {
    const typed = { 'organization.name': 'Solo el nombre', 'services.0.key': 'new-1', 'locations.0.key': 'new-1' };
    const saved = await postForm(t.app, '/pt/submit', {
      ...typed,
      'locations.0.city': 'Ciudad que no existe',
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    const draftUrl = `/pt/submit/draft/${draftToken(saved)}`;
    const page = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(page.body).toContain('value="Solo el nombre"');
    expect(page.body).toContain('value="Ciudad que no existe"');
    expect(page.body).toContain('Guarde este link');
    // Submitting it shows what is missing, and still keeps it.
    const sent = await postForm(
      t.app,
      draftUrl,
      { ...typed, 'locations.0.city': 'Ciudad que no existe', action: 'submit' },
      { formUrl: draftUrl },
    );
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Não encontramos esta cidade');
    expect((await t.app.inject({ method: 'GET', url: draftUrl })).body).toContain('value="Solo el nombre"');
    expect(await t.app.inject({ method: 'GET', url: '/es/submit/draft/not-a-real-token' })).toMatchObject({
      statusCode: 410,
    });
  });

  it.each([
    ['es', 'Complete este campo.', 'No encontramos esta ciudad', 'Indique una hora de apertura'],
    ['en', 'Fill in this field.', 'We could not find this city', 'Enter an opening and a closing time'],
  ])('shows each error next to its field in %s and writes nothing', async (locale, required, city, hours) => {
    const before = await rowCounts(t.db);
    const response = await postForm(t.app, `/${locale}/submit`, {
      ...validFields({
        'organization.name': '',
        'locations.0.city': 'Xyzzyville',
        'services.0.hours.2.opens': '18:00',
        'services.0.hours.2.closes': '09:00',
        'services.0.url': 'javascript:alert(1)',
        submitter_email: 'not-an-email',
      }),
      action: 'submit',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toMatch(/<p class="field-error" id="error-organization-name">([^<]+)<\/p>/);
    expect(/id="error-organization-name">([^<]+)</.exec(response.body)?.[1]).toBe(required);
    expect(response.body).toContain(city);
    expect(response.body).toContain(hours);
    expect(response.body).toMatch(
      /id="field-organization-name" name="organization.name" aria-invalid="true" aria-describedby="error-organization-name"/,
    );
    expect(response.body).toContain('id="error-services-0-url"');
    expect(response.body).toContain('id="error-submitter_email"');
    expect(response.body).toContain('value="Xyzzyville"'); // what was typed stays
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('lets the submitter correct a listing sent back for changes, and resubmit it straight to the queue', async () => {
    const sent = await postForm(t.app, '/fr/submit', {
      ...validFields({ submitter_email: 'chloe@example.org' }),
      action: 'submit',
    });
    const firstToken = draftToken(sent);
    const submission = await row(firstToken);
    // What moderation does when it asks for changes: a reason, a new private link.
    const token = newToken();
    await t.db.query
      .updateTable('submissions')
      .set({
        status: 'changes_requested',
        decision_reason: 'Ajoutez les horaires du samedi.',
        draft_token_hash: hashToken(token),
      })
      .where('id', '=', submission.id)
      .execute();
    expect((await t.app.inject({ method: 'GET', url: `/fr/submit/draft/${firstToken}` })).statusCode).toBe(410);
    const draftUrl = `/fr/submit/draft/${token}`;
    const page = await t.app.inject({ method: 'GET', url: draftUrl });
    expect(page.body).toContain('Modifications demandées');
    expect(page.body).toContain('Ajoutez les horaires du samedi.');
    expect(page.body).toContain('value="Casa Refugio Esperanza"'); // prefilled from what was sent

    const mailsBefore = (await outbox(t.db)).length;
    const fields = validFields({
      submitter_email: 'someone-else@example.org',
      'services.0.hours.6.opens': '09:00',
      'services.0.hours.6.closes': '13:00',
    });
    const saved = await postForm(t.app, draftUrl, { ...fields, action: 'save' }, { formUrl: draftUrl });
    expect(saved.statusCode).toBe(200);
    const midway = await row(token);
    expect(midway.status).toBe('changes_requested');
    expect((midway.listing as ListingDocument).services[0]?.hours).toHaveLength(1); // the sent document is intact

    const resent = await postForm(t.app, draftUrl, { ...fields, action: 'submit' }, { formUrl: draftUrl });
    expect(resent.statusCode).toBe(303);
    const pending = await row(token);
    expect(pending.status).toBe('pending');
    expect(pending.country_code).toBe('MX');
    expect(pending.submitter_email).toBe('chloe@example.org'); // the confirmed address, not a new unconfirmed one
    expect((pending.listing as ListingDocument).services[0]?.hours).toHaveLength(2);
    expect((await outbox(t.db)).length).toBe(mailsBefore);
    // A decided submission cannot be changed any more.
    const late = await postForm(t.app, draftUrl, { ...fields, action: 'save' }, { formUrl: '/fr/submit' });
    expect(late.statusCode).toBe(409);
  });

  it('answers a form posted as JSON with a clear error, not a crash', async () => {
    const csrf = await formToken(t.app, '/es/submit');
    const before = await rowCounts(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/es/submit',
      remoteAddress: '10.2.0.1',
      headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload: JSON.stringify({ organization: { name: { $gt: '' } }, action: 'submit' }),
    });
    expect(response.statusCode).toBe(400);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
