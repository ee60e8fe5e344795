import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { seedDemoNews } from './news-demo.service.js';
import { importNewsListing } from './news-import.service.js';

describe('news API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoNews(t.db);
    await importNewsListing(
      t.db,
      'accents.txt',
      new TextEncoder().encode(
        '2 January, 2022\nOIM abre un Centro de Información en Tapachula, México\nNiñas y niños reciben atención.',
      ),
      { language: 'es', demo: false, status: 'published' },
    );
  });
  afterAll(() => t.close());

  it('lists news newest first with ISO dates, titles and the list shape', async () => {
    const res = await t.app.inject('/api/v1/news?per_page=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 31, page: 1, per_page: 100 });
    expect(body.items[0]).toMatchObject({ date: '2022-01-02', text_locale: 'es', countries: ['MX'] });
    const dates: string[] = body.items.map((i: { date: string }) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const item of body.items) expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.items[1].title).toBe(
      'IOM Strengthens Information Services of the General Directorate of Migration and Aliens in Costa Rica',
    );
  });

  it('filters by country, topic and accent-insensitive words, and pages', async () => {
    const gy = (await t.app.inject('/api/v1/news?country=gy')).json();
    expect(gy.total).toBe(2);
    for (const item of gy.items) expect(item.countries).toContain('GY');
    const trafficking = (await t.app.inject('/api/v1/news?topic=trafficking-smuggling')).json();
    expect(trafficking.items.map((i: { title: string }) => i.title)).toContain(
      'IOM trained municipal staff in Talamanca, Costa Rica, about trafficking in persons',
    );
    expect((await t.app.inject('/api/v1/news?q=informacion%20NINAS')).json().total).toBe(1);
    expect((await t.app.inject(`/api/v1/news?q=${encodeURIComponent('Información niñas')}`)).json().total).toBe(1);
    expect((await t.app.inject('/api/v1/news?q=100%25_')).json().total).toBe(0);
    const page2 = (await t.app.inject('/api/v1/news?per_page=10&page=4')).json();
    expect(page2.items).toHaveLength(1);
  });

  it('returns one item with its sanitized body, and 404 for unknown slugs', async () => {
    const list = (await t.app.inject('/api/v1/news?q=darien')).json();
    const slug = list.items[0].slug;
    const res = await t.app.inject(`/api/v1/news/${slug}?locale=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug, date: '2021-03-23', text_locale: 'en', countries: ['PA'] });
    expect(res.json().body_html).toMatch(/^<p>The Darien Technical Committee/);
    const missing = await t.app.inject('/api/v1/news/2099-01-01-nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect((await t.app.inject('/api/v1/news/%3Cscript%3E')).statusCode).toBe(404);
  });

  it.each([
    'per_page=101',
    'per_page=0',
    'page=0',
    'page=abc',
    'country=Mexico',
    'country=M1',
    'topic=sports',
    'locale=de',
    `q=${'x'.repeat(201)}`,
  ])('rejects %s with 400 VALIDATION_FAILED', async (query) => {
    const res = await t.app.inject(`/api/v1/news?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/VALIDATION_FAILED|INVALID_LOCALE/);
  });

  it('rejects a bad locale on one item', async () => {
    const res = await t.app.inject('/api/v1/news/x?locale=zz');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
