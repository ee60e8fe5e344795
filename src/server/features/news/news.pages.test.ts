import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { sanitizeBody } from './news-body.js';
import { seedDemoNews } from './news-demo.service.js';
import { importNewsListing } from './news-import.service.js';
import { insertNewsItem } from './news.repository.js';
import { withoutWorkerRegistration } from '../../../../tests/support/html.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('news pages, feeds and sitemap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoNews(t.db);
    await insertNewsItem(t.db.query, {
      slug: '2030-01-01-hostile',
      date: '2030-01-01',
      originalLocale: 'en',
      title: { en: 'Hostile <b>title</b>' },
      summary: { en: 'Summary' },
      body: {
        en: sanitizeBody(
          '<p>Safe</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
        ),
      },
      titleKey: 'hostile title',
      searchText: 'hostile title',
      status: 'published',
      isDemo: false,
      sourceFile: null,
      sourceLine: null,
      contentHash: 'a'.repeat(64),
      countries: ['MX'],
      topics: ['health'],
      organizations: [],
    });
    await importNewsListing(
      t.db,
      'script.txt',
      new TextEncoder().encode('1 January, 2029\nText title\n<script>alert(4)</script>'),
    );
  });
  afterAll(() => t.close());

  it('lists 10 items per page, newest first, with page links, filters, search and feed links', async () => {
    const res = await t.app.inject('/en/news?page=2');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<article class="card"/g)).toHaveLength(10);
    expect(res.body).toContain('href="/en/news?page=3"');
    expect(res.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Atom" href="/en/news/feed.atom"/>',
    );
    expect(res.body).toContain('href="/en/news"');
    const filtered = await t.app.inject('/es/news?country=GY&topic=&q=');
    expect(filtered.body.match(/<article class="card"/g)).toHaveLength(2);
    expect(filtered.body).toContain('href="/es/news/feed.rss?country=GY"');
    const search = await t.app.inject('/fr/news?q=DARIEN');
    expect(search.body.match(/<article class="card"/g)).toHaveLength(1);
    // An English item on a Creole page: its title and summary say so, its date and tags are the page's language.
    const ht = await t.app.inject('/ht/news');
    expect(ht.body).not.toMatch(/<article class="card" lang=/);
    expect(ht.body).toMatch(/<h2 lang="en"><a href="\/ht\/news\//);
    expect(ht.body).toMatch(/<p class="excerpt" lang="en">/);
    expect((await t.app.inject('/ht/news?topic=nope')).statusCode).toBe(400);
    expect((await t.app.inject('/xx/news')).statusCode).toBe(404);
  });

  it('shows one item with countries linking to the directory, and renders hostile bodies inert', async () => {
    const page = await t.app.inject('/pt/news/2030-01-01-hostile');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<p>Safe</p>');
    expect(page.body).toContain('href="/pt/services?country=MX"');
    expect(page.body).toContain('Hostile &lt;b>title&lt;/b>');
    expect(withoutWorkerRegistration(page.body)).not.toMatch(/<script|onerror|javascript:/i);
    const list = (await t.app.inject('/api/v1/news?q=text%20title')).json();
    const imported = await t.app.inject(`/en/news/${list.items[0].slug}`);
    expect(imported.body).toContain('&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(imported.body).not.toContain('<script>');
    expect((await t.app.inject('/en/news/2099-01-01-missing')).statusCode).toBe(404);
  });

  it('serves a valid Atom feed per locale, country and topic', async () => {
    const res = await t.app.inject('/es/news/feed.atom?country=CR');
    expect(res.headers['content-type']).toContain('application/atom+xml');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = xml.parse(res.body).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key]).toBeDefined();
    expect(feed.entry.length).toBeGreaterThan(3);
    for (const entry of feed.entry) {
      for (const key of ['id', 'title', 'updated', 'link']) expect(entry[key]).toBeDefined();
      expect(entry.id).toMatch(/^http:\/\/localhost(:\d+)?\/es\/news\//);
    }
  });

  it('serves a valid RSS 2.0 feed and a JSON Feed 1.1', async () => {
    const rss = await t.app.inject('/en/news/feed.rss?topic=labour-migration');
    expect(XMLValidator.validate(rss.body)).toBe(true);
    const channel = xml.parse(rss.body).rss.channel;
    expect(xml.parse(rss.body).rss['@version']).toBe('2.0');
    for (const key of ['title', 'link', 'description']) expect(channel[key]).toBeDefined();
    for (const item of channel.item) {
      expect(item.title).toBeTruthy();
      expect(new Date(item.pubDate).toString()).not.toBe('Invalid Date');
    }
    const json = await t.app.inject('/ht/news/feed.json');
    expect(json.headers['content-type']).toContain('application/feed+json');
    const feed = json.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Nouvèl Rumbo');
    expect(feed.items.length).toBe(32);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html ?? item.content_text).toBeDefined();
    }
    expect((await t.app.inject('/en/news/feed.json?country=Mexico')).statusCode).toBe(400);
  });

  it('lists home, services, news and every news item in the sitemap', async () => {
    const res = await t.app.inject('/sitemap.xml');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const urls = xml.parse(res.body).urlset.url.map((u: { loc: string }) => u.loc);
    expect(urls.some((u: string) => /^http:\/\/localhost(:\d+)?\/en\/news$/.test(u))).toBe(true);
    expect(urls.filter((u: string) => u.includes('/es/news/'))).toHaveLength(32);
    expect(urls.some((u: string) => u.endsWith('/fr/services'))).toBe(true);
  });
});
