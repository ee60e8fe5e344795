// A page past the end of the list (an old link, a hand-typed ?page=9999) says plainly that it does not exist and
// links to the last page, instead of "no service matches these filters" with no filter set and a link to page 9998.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

describe('pages past the end of the service list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.db, { name: 'Red de paginación' });
    // 25 services, 20 a page: two pages.
    for (let i = 0; i < 22; i++) await buildService(t.db, { organizationId: org.id, location: { city: 'Tijuana' } });
    for (let i = 0; i < 3; i++) await buildService(t.db, { organizationId: org.id, location: { city: 'Mexicali' } });
  });
  afterAll(() => t.close());

  const cards = (body: string) => body.match(/class="card"/g)?.length ?? 0;

  it.each([
    ['es', 'No existe la página 9999: la lista tiene 2 páginas.', 'Ir a la última página (2)', 'Ningún servicio'],
    ['en', 'There is no page 9999: the list has 2 pages.', 'Go to the last page (2)', 'No service matches'],
    ['fr', 'La page 9999 n’existe pas : la liste compte 2 pages.', 'Aller à la dernière page (2)', 'Aucun service'],
    ['pt', 'Não existe a página 9999: a lista tem 2 páginas.', 'Ir para a última página (2)', 'Nenhum serviço'],
    ['ht', 'Pa gen paj 9999: lis la gen 2 paj.', 'Ale nan dènye paj la (2)', 'Okenn sèvis'],
  ])('says in %s that page 9999 does not exist and links to the last page', async (locale, says, link, noMatch) => {
    const res = await t.app.inject(`/${locale}/services?page=9999`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(`<html lang="${locale}">`);
    expect(res.body).toContain(says);
    expect(res.body).toContain(`<a href="/${locale}/services?page=2">${link}</a>`);
    expect(res.body).not.toContain(noMatch);
    expect(res.body).not.toContain('page=9998');
    expect(res.body).not.toContain('rel="prev"');
    expect(res.body).not.toContain('rel="next"');
    expect(cards(res.body)).toBe(0);
  });

  it('keeps the filters and the page size in the link to the last page', async () => {
    const res = await t.app.inject('/en/services?city=Tijuana&per_page=10&page=4');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('There is no page 4: the list has 3 pages.');
    expect(res.body).toContain('href="/en/services?city=Tijuana&amp;per_page=10&amp;page=3">Go to the last page (3)');
    expect(res.body).not.toContain('page=3" rel="prev"');
    // A list of one page: its only page is linked without a number, and the singular reads right.
    const one = await t.app.inject('/en/services?city=Mexicali&page=2');
    expect(one.statusCode).toBe(404);
    expect(one.body).toContain('There is no page 2: the list has 1 page.');
    expect(one.body).toContain('<a href="/en/services?city=Mexicali">Go to the last page (1)</a>');
  });

  it('still shows the last page, and every page before it, as before', async () => {
    const last = await t.app.inject('/es/services?page=2');
    expect(last.statusCode).toBe(200);
    expect(last.body).toContain('25 servicios');
    expect(cards(last.body)).toBe(5);
    expect(last.body).toContain('<a href="/es/services" rel="prev">Anterior</a>');
    expect(last.body).not.toContain('rel="next"');
    expect(last.body).not.toContain('No existe la página');
    const first = await t.app.inject('/es/services');
    expect(first.statusCode).toBe(200);
    expect(cards(first.body)).toBe(20);
    expect(first.body).toContain('<a href="/es/services?page=2" rel="next">Siguiente</a>');
  });

  it('still says nothing matches when the filters match nothing, on any page', async () => {
    for (const url of ['/en/services?city=Nowhere', '/en/services?city=Nowhere&page=7']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No service matches these filters');
      expect(res.body).not.toContain('There is no page');
    }
  });

  it('does the same for a search, which shares the list page', async () => {
    const res = await t.app.inject('/en/services?q=legal&page=50');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('There is no page 50: the list has 2 pages.');
    expect(res.body).toContain('href="/en/services?q=legal&amp;page=2">Go to the last page (2)');
    expect(res.body).not.toContain('No service matches your search');
    expect(res.body).not.toContain('page=49');
    const last = await t.app.inject('/en/services?q=legal&page=2');
    expect(last.statusCode).toBe(200);
    expect(cards(last.body)).toBe(5);
  });
});
