import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { formatDate, LOCALES, translator } from '../../i18n/i18n.js';

describe('country pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.db);
    await buildService(t.db, { organizationId: org.id, categories: ['legal-aid-asylum', 'food'] });
    await buildService(t.db, { organizationId: org.id, categories: ['food'] });
    await buildService(t.db, {
      organizationId: org.id,
      categories: ['shelter'],
      location: { city: 'Ciudad de México', admin_area: 'CDMX' },
    });
    await buildService(t.db, { location: { country_code: 'GT', city: 'Tecún Umán' } });
    await buildService(t.db, { location: { country_code: 'PA', city: 'Darién' } }, { status: 'inactive' });
  });
  afterAll(() => t.close());

  it('lists every country with published services in the five locales', async () => {
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const res = await t.app.inject(`/${locale}/countries`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.body).toContain(`<html lang="${locale}">`);
      expect(res.body).toContain(`<h1>${tr('countryPages.title')}</h1>`);
      expect(res.body).toContain(`href="/${locale}/countries/MX"`);
      expect(res.body).toContain(`href="/${locale}/countries/GT"`);
      expect(res.body).not.toContain(`/${locale}/countries/PA`);
      expect(res.body).toContain(tr('countries.MX'));
      expect(res.body).toContain(tr('countryPages.services', { count: 3 }));
      expect(res.body).not.toMatch(/<img|\sstyle=|\son[a-z]+=/);
    }
  });

  it('shows a country: name, counts by need and city, links, verification date and the offline control', async () => {
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const res = await t.app.inject(`/${locale}/countries/mx`);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain(`<h1>${tr('countries.MX')}</h1>`);
      expect(html).toContain(tr('countryPages.summary', { count: 3 }));
      expect(html).toContain(`<h2 id="by-category">${tr('countryPages.byCategory')}</h2>`);
      expect(html).toContain(`<h2 id="by-city">${tr('countryPages.byCity')}</h2>`);
      expect(html).toContain(`href="/${locale}/services?country=MX&amp;category=food"`);
      expect(html).toMatch(/category=food"[^>]*>[^<]*<span class="count">\(2\)<\/span>/);
      expect(html).toContain(`href="/${locale}/services?country=MX&amp;city=Tapachula"`);
      expect(html).toContain(`href="/${locale}/services?country=MX&amp;city=Ciudad+de+M%C3%A9xico"`);
      expect(html).toContain(`href="/${locale}/services?country=MX"`);
      expect(html).toContain(`href="/${locale}/map?country=MX"`);
      expect(html).toContain(`href="/${locale}/print/MX"`);
      expect(html).toContain(`href="/${locale}/countries"`);
      expect(html).toContain('data-offline-pack');
      expect(html).toContain('data-country="MX"');
      const verified = formatDate(new Date(Date.now() - 40 * 86_400_000), locale);
      expect(html).toContain(tr('countryPages.lastVerified', { date: verified }));
      expect(html).not.toMatch(/<img|\sstyle=|\son[a-z]+=/);
      // Headings in order: no level skipped.
      const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    }
  });

  it('drops the map link in lite mode', async () => {
    const res = await t.app.inject({ url: '/en/countries/MX', headers: { 'save-data': 'on' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('href="/en/map?country=MX"');
  });

  it('answers unknown or malformed countries with a 404 page in the locale', async () => {
    for (const url of ['/fr/countries/XX', '/fr/countries/PA', '/fr/countries/mexico', '/fr/countries/M1']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('lang="fr"');
    }
    expect((await t.app.inject('/xx/countries')).statusCode).toBe(404);
  });

  it('links the country list from the home page', async () => {
    const res = await t.app.inject('/ht');
    expect(res.body).toContain('href="/ht/countries"');
    expect(res.body).toContain(translator('ht')('countryPages.homeLink'));
  });
});
