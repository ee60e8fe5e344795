import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { withoutWorkerRegistration } from '../../../../tests/support/html.js';
import { formatDate } from '../../i18n/i18n.js';

describe('service pages', () => {
  let t: TestApp;
  let serviceId: string;
  let shelterId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.db, { name: 'Red Fronteriza <b>de prueba</b>', is_demo: true });
    serviceId = (await buildService(t.db, { organizationId: org.id, languages: ['ht'] }, { is_demo: true })).service.id;
    shelterId = (
      await buildService(t.db, {
        categories: ['shelter'],
        location: { address_visibility: 'hidden' },
        street: 'Callejón oculto 9',
      })
    ).service.id;
    for (let i = 0; i < 23; i++) await buildService(t.db, { organizationId: org.id, location: { city: 'Tijuana' } });
  });
  afterAll(() => t.close());

  it('redirects / by Accept-Language', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/fr');
    expect((await t.app.inject('/')).headers.location).toBe('/es');
  });

  it.each(['es', 'en', 'fr', 'ht', 'pt'])(
    'renders the list in %s, with the demo notice and language links',
    async (locale) => {
      const res = await t.app.inject(`/${locale}/services`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(`<html lang="${locale}">`);
      expect(res.body).toContain('class="demo-notice"');
      expect(res.body).toMatch(/hreflang="ht"/i);
      expect(withoutWorkerRegistration(res.body)).not.toContain('<script');
    },
  );

  it('escapes text from the database', async () => {
    const res = await t.app.inject(`/es/services/${serviceId}`);
    expect(res.body).toContain('Red Fronteriza &lt;b>de prueba&lt;/b>');
    expect(res.body).not.toContain('<b>de prueba</b>');
  });

  it('paginates with links that work without JavaScript and keep the filters', async () => {
    const first = await t.app.inject('/en/services?city=Tijuana');
    expect(first.body).toContain('23 services');
    expect(first.body).toContain('href="/en/services?city=Tijuana&amp;page=2"');
    const second = await t.app.inject('/en/services?city=Tijuana&page=2');
    expect(second.body.match(/class="card"/g)).toHaveLength(3);
  });

  it('treats empty form fields as no filter', async () => {
    const res = await t.app.inject('/en/services?country=&city=&category=&population=&language=');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('25 services');
  });

  it('names a search in the tab title, escaped and cut short', async () => {
    expect((await t.app.inject('/es/services')).body).toContain('<title>Servicios · Rumbo</title>');
    const search = await t.app.inject('/es/services?q=' + encodeURIComponent('  abogado   asilo '));
    expect(search.body).toContain('<title>«abogado asilo» · Servicios · Rumbo</title>');
    const hostile = await t.app.inject('/fr/services?q=' + encodeURIComponent('<b>x</b> ' + 'y'.repeat(80)));
    expect(hostile.body).toContain(`<title>« &lt;b>x&lt;/b> ${'y'.repeat(50)}… » · Services · Rumbo</title>`);
  });

  it('answers a bad filter with a 400 page in the user language', async () => {
    const res = await t.app.inject('/fr/services?population=nope');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('VALIDATION_FAILED');
  });

  it('shows a service: hours, contact, languages, verification', async () => {
    const res = await t.app.inject(`/en/services/${serviceId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Monday');
    expect(res.body).toContain('href="tel:+529625550100"');
    expect(res.body).toContain('Message on WhatsApp');
    expect(res.body).toContain('Haitian Creole');
    // The factory verified it 40 days ago: the date shown is that day's (whatever day the test runs).
    const { last_verified_at: verifiedAt } = await t.db.query
      .selectFrom('services')
      .select('last_verified_at')
      .where('id', '=', serviceId)
      .executeTakeFirstOrThrow();
    expect(verifiedAt).not.toBeNull();
    expect(res.body).toContain(`Verified on ${formatDate(new Date(verifiedAt!), 'en')} by Test moderator`);
  });

  it('hides the street of a hidden address and says why', async () => {
    const res = await t.app.inject(`/en/services/${shelterId}`);
    expect(res.body).not.toContain('Callejón oculto');
    expect(res.body).toContain('The address is not published');
    expect(res.body).not.toContain('geo:');
  });

  it.each([
    '/de/services',
    '/en/services/00000000-0000-4000-8000-000000000000',
    '/en/services/nope',
    '/en/organizations/x',
  ])('answers %s with a 404 page', async (url) => {
    const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('NOT_FOUND');
  });

  it('sends security headers: a CSP without unsafe-inline', async () => {
    const res = await t.app.inject('/es');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses pages and answers conditional requests with 304', async () => {
    const res = await t.app.inject({ url: '/es/services', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
    const etag = String(res.headers.etag);
    const again = await t.app.inject({
      url: '/es/services',
      headers: { 'if-none-match': etag, 'accept-encoding': 'br, gzip' },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves the stylesheet under a hashed name with a long cache', async () => {
    const page = await t.app.inject('/es');
    const href = /href="(\/assets\/app\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const css = await t.app.inject(String(href));
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});
