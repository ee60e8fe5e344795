// A failed submission says everything at once, with the message that fits each field, and shows it first: an
// error summary at the top of the form, focused on load (autofocus, no JavaScript needed), each field a link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { draftToken, postForm, rowCounts, validFields } from './submissions.factories.js';

/** The error summary's HTML (it holds no nested div). */
function summaryOf(body: string): string {
  const summary = /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(body)?.[0];
  if (!summary) throw new Error(`no error summary in: ${body.slice(0, 300)}`);
  return summary;
}

/** The message shown next to a field. */
const fieldError = (body: string, id: string) =>
  new RegExp(`<p class="field-error" id="${id}">([^<]+)</p>`).exec(body)?.[1];

/** Missing required fields (a name, the kind of organization), a phone that is no phone and a `javascript:` link. */
const BROKEN = {
  'organization.name': '',
  'organization.kind': '',
  'services.0.phones.0.number': 'call me maybe',
  'services.0.url': 'javascript:alert(1)',
};

describe('errors of the listing form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    {
      locale: 'es',
      required: 'Complete este campo.',
      url: 'Escriba una dirección web que empiece con https://.',
      invalid: 'Este valor no es válido.',
      links: [
        ['field-organization-name', 'Nombre de la organización: Complete este campo.'],
        ['field-organization-kind', 'Tipo de organización: Complete este campo.'],
        ['field-services-0-phones-0-number', 'Teléfono 1: Este valor no es válido.'],
        ['field-services-0-url', 'Página web del servicio: Escriba una dirección web que empiece con https://.'],
      ],
    },
    {
      locale: 'fr',
      required: 'Remplissez ce champ.',
      url: 'Saisissez une adresse web commençant par https://.',
      invalid: 'Cette valeur n’est pas valide.',
      links: [
        ['field-organization-name', "Nom de l'organisation : Remplissez ce champ."],
        ['field-organization-kind', "Type d'organisation : Remplissez ce champ."],
        ['field-services-0-phones-0-number', 'Téléphone 1 : Cette valeur n’est pas valide.'],
        ['field-services-0-url', 'Page web du service : Saisissez une adresse web commençant par https://.'],
      ],
    },
    {
      locale: 'en',
      required: 'Fill in this field.',
      url: 'Enter a web address starting with https://.',
      invalid: 'This value is not valid.',
      links: [
        ['field-organization-name', 'Name of the organization: Fill in this field.'],
        ['field-organization-kind', 'Kind of organization: Fill in this field.'],
        ['field-services-0-phones-0-number', 'Phone 1: This value is not valid.'],
        ['field-services-0-url', 'Web page of the service: Enter a web address starting with https://.'],
      ],
    },
  ])('reports every field at once, each with its own message, in $locale', async (c) => {
    const before = await rowCounts(t.db);
    const response = await postForm(t.app, `/${c.locale}/submit`, { ...validFields(BROKEN), action: 'submit' });
    expect(response.statusCode).toBe(400);
    // One round: the missing fields, the phone and the web address together, next to their fields.
    expect(fieldError(response.body, 'error-organization-name')).toBe(c.required);
    expect(fieldError(response.body, 'error-organization-kind')).toBe(c.required);
    expect(fieldError(response.body, 'error-services-0-phones-0-number')).toBe(c.invalid);
    expect(fieldError(response.body, 'error-services-0-url')).toBe(c.url);
    expect(response.body.match(/<p class="field-error"/g)).toHaveLength(4);
    // And in the summary, in the order of the form, each a link to its field.
    const links = [...summaryOf(response.body).matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)];
    expect(links.map((m) => [m[1], m[2]])).toEqual(c.links);
    for (const [id] of c.links) expect(response.body).toContain(`id="${id}"`);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('puts the summary first in the form, focused on load and named by its heading', async () => {
    const response = await postForm(t.app, '/es/submit', { ...validFields(BROKEN), action: 'submit' });
    const summary = summaryOf(response.body);
    expect(summary).toMatch(
      /^<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/,
    );
    expect(summary).toContain('<h2 id="error-summary-title">Corrija los campos marcados abajo.</h2>');
    expect(response.body.match(/ autofocus/g)).toHaveLength(1);
    // Right after the form's hidden token: before the intro's list would push it down, before any field or button.
    const form = /<form [^>]*>(.*)<\/form>/s.exec(response.body)?.[1] ?? '';
    expect(form.replace(/^<input type="hidden" name="_csrf" value="[^"]*"\/?>/, '')).toMatch(
      /^<div class="error-summary"/,
    );
  });

  it('links a group of checkboxes to its message, names blocks when there are several, and keeps form errors', async () => {
    const response = await postForm(t.app, '/en/submit', {
      ...validFields({
        'services.1.key': 'new-2',
        'services.1.name': '',
        'services.1.cost': 'free',
        'services.0.location_keys': [],
        'services.1.location_keys': 'new-1',
        'services.1.hours.3.opens': '18:00',
        'services.1.hours.3.closes': '09:00',
      }),
      action: 'submit',
    });
    expect(response.statusCode).toBe(400);
    const summary = summaryOf(response.body);
    expect(summary).toContain(
      '<a href="#error-services-0-location_keys">Offered at (Service 1): Add at least one.</a>',
    );
    expect(response.body).toContain('<p class="field-error" id="error-services-0-location_keys">');
    expect(summary).toContain(
      '<a href="#field-services-1-name">Name of the service (Service 2): Fill in this field.</a>',
    );
    expect(summary).toMatch(
      /<a href="#field-services-1-hours-3-opens">Opening hours, Wednesday \(Service 2\): Enter an opening/,
    );

    // A post without a button (not a browser) is told so at the top, as text.
    const noButton = await postForm(t.app, '/en/submit', validFields());
    expect(noButton.statusCode).toBe(400);
    expect(summaryOf(noButton.body)).toMatch(/<li id="error-form">Use one of the form's buttons[^<]*<\/li>/);
  });

  it('shows no summary on a form without errors', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/es/submit' });
    expect(page.body).not.toContain('error-summary');
    expect(page.body).not.toContain('autofocus');
  });

  it('does the same on a saved draft sent for review', async () => {
    const saved = await postForm(t.app, '/pt/submit', { ...validFields(), action: 'save' });
    const draftUrl = `/pt/submit/draft/${draftToken(saved)}`;
    const sent = await postForm(t.app, draftUrl, { ...validFields(BROKEN), action: 'submit' }, { formUrl: draftUrl });
    expect(sent.statusCode).toBe(400);
    const summary = summaryOf(sent.body);
    expect(summary).toContain('autofocus');
    expect(summary).toContain('<a href="#field-organization-kind">Tipo de organização: Preencha este campo.</a>');
    expect(summary).toContain(
      '<a href="#field-services-0-url">Página do serviço: Digite um endereço web que comece com https://.</a>',
    );
    expect(summary).toContain('<a href="#field-services-0-phones-0-number">');
  });

  it('does the same on an editor’s edit, where the email is the account’s and has no field', async () => {
    const org = await buildOrganization(t.db, { name: 'Casa de prueba' });
    await buildService(t.db, { organizationId: org.id });
    const cookie = await sessionCookie(
      t.db,
      (await buildUser(t.db, [grant('org_editor', { organizationId: org.id })], { email: 'ed@example.org' })).id,
    );
    const url = `/ht/account/organizations/${org.id}/edit`;
    const sent = await postForm(t.app, url, { ...validFields(BROKEN), action: 'submit' }, { cookie, formUrl: url });
    expect(sent.statusCode).toBe(400);
    const summary = summaryOf(sent.body);
    expect(summary).toContain('autofocus');
    expect(summary).toContain('<a href="#field-services-0-url">');
    expect(summary).toContain('<a href="#field-organization-name">');
    expect(sent.body).not.toContain('id="field-submitter_email"');
  });
});
