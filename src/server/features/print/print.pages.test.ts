// The printed pages through the app: the directory of a country (one section per category, a QR code per service
// that encodes the service's absolute URL, the same published set as the public list), the city filter (case- and
// accent-insensitive), parts for big directories, 404/400 pages, the service card, and the service page's share
// block (links encoded, no script from another origin), in all five locales.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import { PER_PART } from './print.service.js';
import { parseQrSvg } from './qr.js';

const ORIGIN = 'https://rumbo.example.org';
let t: TestApp;
const ids: Record<string, string> = {};

/** The dark path of the QR code the page should draw for `url`. */
async function expectedQrPath(url: string): Promise<string> {
  return parseQrSvg(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).dark;
}

function sections(body: string): string[] {
  return [...body.matchAll(/<section class="print-section"[\s\S]*?<\/section>/g)].map((m) => m[0]);
}

beforeAll(async () => {
  t = await createTestApp({ publicUrl: ORIGIN });
  const org = await buildOrganization(t.db, { name: 'Casa del Migrante <b>Test</b>' });
  const gt = { country_code: 'GT', city: 'Tecún Umán', admin_area: 'San Marcos' };
  ids.legal = (
    await buildService(
      t.db,
      { organizationId: org.id, location: gt },
      {
        name: JSON.stringify({ es: 'Asesoría & asilo', en: 'Asylum advice' }),
      },
    )
  ).service.id;
  ids.shelter = (
    await buildService(
      t.db,
      { organizationId: org.id, location: { ...gt, address_visibility: 'hidden' }, categories: ['shelter', 'food'] },
      { name: JSON.stringify({ es: 'Albergue', en: 'Shelter' }) },
    )
  ).service.id;
  ids.esquipulas = (
    await buildService(
      t.db,
      { location: { country_code: 'GT', city: 'Esquipulas' }, categories: ['health'] },
      { name: JSON.stringify({ es: 'Clínica', en: 'Clinic' }) },
    )
  ).service.id;
  // Never verified: hidden from the public list, so from the printed directory too.
  ids.unverified = (
    await buildService(
      t.db,
      { location: gt },
      { name: JSON.stringify({ es: 'Sin verificar' }), last_verified_at: null },
    )
  ).service.id;
  ids.mexico = (await buildService(t.db, {}, { name: JSON.stringify({ es: 'En México' }) })).service.id;
});
afterAll(() => t.close());

describe('printable directory', () => {
  it('prints the same services as the public list, one section per category, a QR per entry', async () => {
    const res = await t.app.inject('/en/print/gt');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Directory of services: Guatemala');
    expect(body).toContain('Printed on');
    const found = sections(body);
    // legal-aid-asylum, shelter, food and health each get their own section (the shelter appears under two).
    expect(found).toHaveLength(4);
    for (const section of found) expect(section.match(/<svg/g)?.length).toBe(section.match(/print-entry"/g)?.length);
    expect(body.match(/<article class="print-entry"/g)).toHaveLength(4);
    expect(body).not.toContain('Sin verificar');
    expect(body).not.toContain('En México');
    expect(body).toContain('Casa del Migrante &lt;b>Test&lt;/b>');
    expect(body).toContain('Monday–Friday: 09:00–17:00');
    expect(body).toContain('Address not published: call first.');
    const list = await t.app.inject('/en/services?country=GT');
    expect(list.body).toContain('3 services');
    expect(body).toContain('3 services in this directory.');
  });

  it('draws each QR code as the SVG of the service page URL, named, with no style attribute', async () => {
    const body = (await t.app.inject('/es/print/GT')).body;
    const url = `${ORIGIN}/es/services/${ids.legal}`;
    const entry = /<article class="print-entry">(?:(?!<\/article>)[\s\S])*Asesoría &amp; asilo[\s\S]*?<\/article>/.exec(
      body,
    )?.[0];
    expect(entry).toBeDefined();
    expect(entry).toContain(`<figcaption><a href="${url}">${url}</a></figcaption>`);
    expect(entry).toContain('role="img" aria-label="Código QR a la página de Asesoría &amp; asilo"');
    expect(entry).toContain(`d="${await expectedQrPath(url)}"`);
    expect(body).not.toMatch(/<svg[^>]*style=/);
    expect(body).not.toMatch(/\sstyle="/);
  });

  it('narrows to a city, whatever its case and accents, and says so when the city is unknown', async () => {
    const res = await t.app.inject(`/en/print/GT?city=${encodeURIComponent('TECUN uman')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Directory of services: Tecún Umán, Guatemala');
    expect(res.body).not.toContain('Clinic');
    expect(res.body.match(/<article class="print-entry"/g)).toHaveLength(3);

    const unknown = await t.app.inject('/en/print/GT?city=Atlantis');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('There are no services in “Atlantis” in this directory.');
    expect(unknown.body).not.toContain('print-entry');
    expect(unknown.body).toContain('href="/en/print/GT?city=Esquipulas"');
  });

  it('narrows to a category and rejects unknown ones with a 400 page', async () => {
    const res = await t.app.inject('/en/print/GT?category=food');
    expect(sections(res.body)).toHaveLength(1);
    expect(res.body).toContain('Shelter');
    const unknown = await t.app.inject('/fr/print/GT?category=nope');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<html lang="fr">');
    expect(unknown.body).toContain(translator('fr')('errors.PRINT_CATEGORY_INVALID', { category: 'nope' }));
    const malformed = await t.app.inject('/en/print/GT?category=%3Cscript%3E');
    expect(malformed.statusCode).toBe(400);
    expect((await t.app.inject('/en/print/GT?page=0')).statusCode).toBe(400);
  });

  it('answers unknown countries and parts with a 404 page', async () => {
    for (const url of ['/en/print/ZZ', '/en/print/FR', '/en/print/gtm', '/en/print/GT?page=2', '/xx/print/GT']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('renders in every locale without scripts from elsewhere', async () => {
    for (const locale of LOCALES) {
      const res = await t.app.inject(`/${locale}/print/GT`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${locale}">`);
      expect(res.body).toContain(translator(locale)('print.qrHowTo').slice(0, 20));
      expect(res.body).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
      expect(res.body).toMatch(/<link rel="stylesheet" href="\/assets\/print\.[0-9a-f]+\.css"/);
    }
  });
});

describe('big directories', () => {
  it(`prints in parts of ${PER_PART} entries, each part a page of its own`, async () => {
    const local = await createTestApp({ publicUrl: ORIGIN });
    try {
      const org = await buildOrganization(local.db);
      for (let i = 0; i < PER_PART + 5; i++) {
        await buildService(local.db, { organizationId: org.id, location: { country_code: 'CR', city: 'Upala' } });
      }
      const first = await local.app.inject('/en/print/CR');
      expect(first.statusCode).toBe(200);
      expect(first.body.match(/<article class="print-entry"/g)).toHaveLength(PER_PART);
      expect(first.body).toContain('Part 1 of 2.');
      expect(first.body).toContain('href="/en/print/CR?page=2"');
      const second = await local.app.inject('/en/print/CR?page=2');
      expect(second.body.match(/<article class="print-entry"/g)).toHaveLength(5);
      expect(second.body).toContain('(continued)');
    } finally {
      await local.close();
    }
  }, 120_000);
});

describe('service card', () => {
  it('prints one card with name, organization, address, phones, hours and the QR to the page', async () => {
    const res = await t.app.inject(`/pt/services/${ids.legal}/card`);
    expect(res.statusCode).toBe(200);
    const url = `${ORIGIN}/pt/services/${ids.legal}`;
    const card = /<article class="service-card"[\s\S]*?<\/article>/.exec(res.body)?.[0] ?? '';
    expect(card).toContain('Asesoría &amp; asilo');
    expect(card).toContain('Casa del Migrante &lt;b>Test&lt;/b>');
    expect(card).toContain('4a Avenida Norte 12');
    expect(card).toContain('href="tel:+529625550100"');
    expect(card).toMatch(/segunda-feira–sexta-feira: 09:00–17:00/i);
    expect(card).toContain(`d="${await expectedQrPath(url)}"`);
    expect(res.body).toContain('data-print="true" hidden');
    expect(res.body).toMatch(/<script type="module" src="\/assets\/share\.client-[^"]+\.js"/);
    expect((await t.app.inject('/en/services/not-a-uuid/card')).statusCode).toBe(404);
    expect((await t.app.inject(`/en/services/${crypto.randomUUID()}/card`)).statusCode).toBe(404);
  });
});

describe('share block', () => {
  it('offers the link, WhatsApp and SMS links encoded, the card and the directory, with no outside script', async () => {
    const res = await t.app.inject(`/en/services/${ids.legal}`);
    expect(res.statusCode).toBe(200);
    const url = `${ORIGIN}/en/services/${ids.legal}`;
    const text = encodeURIComponent(`Asylum advice ${url}`);
    expect(res.body).toContain(`<input id="share-url" type="url" readonly value="${url}" data-share-url="true"`);
    expect(res.body).toContain(`href="https://wa.me/?text=${text}"`);
    expect(res.body).toContain(`href="sms:?&amp;body=${text}"`);
    expect(text).toContain('Asylum%20advice%20https%3A%2F%2Frumbo.example.org%2Fen%2Fservices%2F');
    expect(res.body).toContain(`href="/en/services/${ids.legal}/card"`);
    expect(res.body).toContain('href="/en/print/GT"');
    expect(res.body).toContain('data-share-copy="true" hidden');
    expect(res.body).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
    expect(res.body).not.toMatch(/<img[^>]+src="(https?:)?\/\//);
  });

  it('encodes names with characters that matter in a URL', async () => {
    const res = await t.app.inject(`/es/services/${ids.legal}`);
    const url = `${ORIGIN}/es/services/${ids.legal}`;
    expect(res.body).toContain(`https://wa.me/?text=Asesor%C3%ADa%20%26%20asilo%20${encodeURIComponent(url)}`);
  });

  it.each([...LOCALES])('renders the share block in %s', async (locale) => {
    const res = await t.app.inject(`/${locale}/services/${ids.shelter}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h2 id="share-title">${translator(locale)('print.share.title')}</h2>`);
  });
});
