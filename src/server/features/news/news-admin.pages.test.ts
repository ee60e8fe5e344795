import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, csrfFor, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { importNewsListing } from './news-import.service.js';

const FORM = 'application/x-www-form-urlencoded';

describe('news admin: a publisher writes, previews, publishes and edits news', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    const publisher = await buildUser(t.db, [grant('publisher')]);
    cookie = await sessionCookie(t.db, publisher.id);
  });
  afterAll(() => t.close());

  async function post(url: string, fields: Record<string, string | string[]>) {
    const csrf = await csrfFor(t.app, cookie, '/es/admin/news/new');
    const body = new URLSearchParams({ _csrf: csrf.token });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': FORM, cookie: csrf.cookie },
      payload: body.toString(),
    });
  }
  const item = (slug: string) =>
    t.db.query.selectFrom('news_items').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const tagsOf = async (id: string) => ({
    countries: (
      await t.db.query.selectFrom('news_item_countries').selectAll().where('news_item_id', '=', id).execute()
    ).map((r) => `${r.country_code.trim()}:${r.origin}`),
    topics: (await t.db.query.selectFrom('news_item_topics').selectAll().where('news_item_id', '=', id).execute()).map(
      (r) => `${r.topic}:${r.origin}`,
    ),
    organizations: (
      await t.db.query.selectFrom('news_item_organizations').selectAll().where('news_item_id', '=', id).execute()
    ).map((r) => `${r.organization_code}:${r.origin}`),
  });

  const draft = {
    date: '2031-03-04',
    originalLocale: 'en',
    slug: '',
    status: 'draft',
    'title.en': 'New information hub opens in Tapachula',
    'body.en':
      'IOM opened an information hub in **Tapachula**, Mexico.\n\n- legal advice\n- health referrals\n\nSee [the announcement](https://example.org/hub?a=1&b=2).',
    action: 'save',
  };

  it('creates a draft that stays off the public pages, feeds and sitemap', async () => {
    const res = await post('/en/admin/news/new', draft);
    expect(res.statusCode).toBe(303);
    const stored = await item('2031-03-04-new-information-hub-opens-in-tapachula');
    expect(res.headers.location).toBe(`/en/admin/news/${stored.id}/edit?saved=1`);
    expect(stored.status).toBe('draft');
    expect(stored.title).toEqual({ en: draft['title.en'] });
    expect(stored.body.en).toContain('<strong>Tapachula</strong>');
    expect(stored.body.en).toContain('<ul><li>legal advice</li><li>health referrals</li></ul>');
    expect(stored.body.en).toContain('href="https://example.org/hub?a=1&amp;b=2"');
    expect(stored.summary.en).toBe('IOM opened an information hub in Tapachula, Mexico.');
    expect(stored.title_key).toBe('new information hub opens in tapachula');
    expect(stored.search_text).toContain('new information hub opens in tapachula iom opened');
    expect(stored.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.is_demo).toBe(false);
    // Saved without a review: the tagger's suggestions are kept as suggested, to be reviewed.
    expect(await tagsOf(stored.id)).toEqual({
      countries: ['MX:suggested'],
      topics: expect.arrayContaining(['information-hubs:suggested', 'health:suggested']),
      organizations: ['IOM:suggested'],
    });
    expect((await t.app.inject(`/en/news/${stored.slug}`)).statusCode).toBe(404);
    expect((await t.app.inject('/en/news')).body).not.toContain('New information hub');
    expect((await t.app.inject('/en/news/feed.atom')).body).not.toContain('New information hub');
    expect((await t.app.inject('/sitemap.xml')).body).not.toContain(stored.slug);

    const list = await t.app.inject({ url: '/en/admin/news', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('private, no-store');
    expect(list.body).toContain('New information hub opens in Tapachula');
    expect(list.body).toContain('Tags to review');
    expect(list.body).toContain('1 draft in all');
    expect(list.body).toContain(`/en/admin/news/${stored.id}/preview`);
    const drafts = await t.app.inject({ url: '/en/admin/news?status=published', headers: { cookie } });
    expect(drafts.body).not.toContain('New information hub');
    const search = await t.app.inject({ url: '/en/admin/news?q=tapachula', headers: { cookie } });
    expect(search.body).toContain('New information hub');
    const miss = await t.app.inject({ url: '/en/admin/news?q=honduras', headers: { cookie } });
    expect(miss.body).not.toContain('New information hub');
    const preview = await t.app.inject({ url: `/en/admin/news/${stored.id}/preview`, headers: { cookie } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<strong>Tapachula</strong>');
  });

  it('previews without saving, then reviews tags and publishes', async () => {
    const stored = await item('2031-03-04-new-information-hub-opens-in-tapachula');
    const edit = await t.app.inject({ url: `/en/admin/news/${stored.id}/edit`, headers: { cookie } });
    expect(edit.statusCode).toBe(200);
    const version = /name="version" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    expect(version).not.toBe('');
    // Stored suggestions are pre-checked and marked.
    expect(edit.body).toMatch(/name="countries" value="MX" checked\/>/);
    expect(edit.body).toContain('suggested');
    expect(edit.body).toContain('- legal advice\n- health referrals');
    expect(edit.body).toContain('[the announcement](https://example.org/hub?a=1&amp;b=2)');
    const offered = [...edit.body.matchAll(/name="offered" value="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(offered).toContain('countries:MX');

    const fields = {
      ...draft,
      slug: stored.slug,
      version,
      offered,
      status: 'published',
      countries: ['MX', 'GT'],
      topics: ['information-hubs'],
      organizations: [] as string[],
    };
    const preview = await post(`/en/admin/news/${stored.id}/edit`, { ...fields, action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Preview (not saved yet)');
    expect(preview.body).toContain('<strong>Tapachula</strong>');
    expect(preview.body).toContain('Guatemala');
    // The unchecked suggestion stays unchecked after a preview.
    expect(preview.body).toMatch(/name="organizations" value="IOM"\/>/);
    expect((await item(stored.slug)).status).toBe('draft');

    const saved = await post(`/en/admin/news/${stored.id}/edit`, fields);
    expect(saved.statusCode).toBe(303);
    const after = await item(stored.slug);
    expect(after.status).toBe('published');
    expect(await tagsOf(stored.id)).toEqual({
      countries: expect.arrayContaining(['MX:confirmed', 'GT:confirmed']),
      topics: ['information-hubs:confirmed'],
      organizations: [],
    });
    expect((await tagsOf(stored.id)).countries).toHaveLength(2);

    const page = await t.app.inject(`/en/news/${stored.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>Tapachula</strong>');
    expect((await t.app.inject('/en/news')).body).toContain('New information hub opens in Tapachula');
    expect((await t.app.inject('/en/news?country=GT')).body).toContain('New information hub');
    expect((await t.app.inject('/en/news/feed.atom')).body).toContain('New information hub opens in Tapachula');
    expect((await t.app.inject('/en/news/feed.rss')).body).toContain('New information hub opens in Tapachula');
    expect((await t.app.inject('/en/news/feed.json')).body).toContain('New information hub opens in Tapachula');
    expect((await t.app.inject('/sitemap.xml')).body).toContain(`/en/news/${stored.slug}`);
    expect((await t.app.inject(`/api/v1/news/${stored.slug}`)).statusCode).toBe(200);

    // Saving again over the old version: a conflict, nothing written.
    const stale = await post(`/en/admin/news/${stored.id}/edit`, { ...fields, 'title.en': 'Overwritten title' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone saved this news item after you opened it');
    expect(stale.body).toContain('Overwritten title');
    expect((await item(stored.slug)).title).toEqual({ en: draft['title.en'] });
  });

  it('adds a translation, shown on the public page in that language, searchable, same identity', async () => {
    const stored = await item('2031-03-04-new-information-hub-opens-in-tapachula');
    const edit = await t.app.inject({ url: `/es/admin/news/${stored.id}/edit`, headers: { cookie } });
    const version = /name="version" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    const res = await post(`/es/admin/news/${stored.id}/edit`, {
      ...draft,
      slug: stored.slug,
      status: 'published',
      version,
      countries: ['MX', 'GT'],
      topics: ['information-hubs'],
      'title.es': 'Abre un nuevo centro de información en Tapachula',
      'body.es': 'La OIM abrió un centro de información en Tapachula, México.',
    });
    expect(res.statusCode).toBe(303);
    const after = await item(stored.slug);
    expect(after.title).toEqual({ en: draft['title.en'], es: 'Abre un nuevo centro de información en Tapachula' });
    expect(after.body.es).toBe('<p>La OIM abrió un centro de información en Tapachula, México.</p>');
    expect(after.summary.es).toBe('La OIM abrió un centro de información en Tapachula, México.');
    expect(after.title_key).toBe(stored.title_key);
    expect(after.content_hash).toBe(stored.content_hash);
    expect(after.search_text).toContain('abre un nuevo centro de informacion');
    const page = await t.app.inject(`/es/news/${stored.slug}`);
    expect(page.body).toContain('Abre un nuevo centro de información en Tapachula');
    expect((await t.app.inject('/es/news?q=informacion')).body).toContain('Abre un nuevo centro');
  });

  it('keeps an imported item’s identity when it is edited without changing its text', async () => {
    await importNewsListing(
      t.db,
      'page.txt',
      new TextEncoder().encode('2 May, 2030\nTraining for officials in Honduras\nIOM trained 40 officials & staff.'),
    );
    const imported = await item('2030-05-02-training-for-officials-in-honduras');
    const edit = await t.app.inject({ url: `/en/admin/news/${imported.id}/edit`, headers: { cookie } });
    const field = (name: string) =>
      new RegExp(`name="${name.replace('.', '\\.')}"[^>]*>([^<]*)<`).exec(edit.body)?.[1] ?? '';
    const version = /name="version" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
    expect(field('body.en')).toBe('IOM trained 40 officials &amp; staff.');
    const res = await post(`/en/admin/news/${imported.id}/edit`, {
      date: '2030-05-02',
      originalLocale: 'en',
      slug: imported.slug,
      status: 'published',
      version,
      'title.en': 'Training for officials in Honduras',
      'summary.en': imported.summary.en ?? '',
      'body.en': 'IOM trained 40 officials & staff.',
      countries: ['HN'],
      topics: [],
      organizations: ['IOM'],
    });
    expect(res.statusCode).toBe(303);
    const after = await item(imported.slug);
    expect(after.body).toEqual(imported.body);
    expect(after.content_hash).toBe(imported.content_hash);
    expect(after.search_text).toBe(imported.search_text);
    expect(after.title_key).toBe(imported.title_key);
    expect(await tagsOf(imported.id)).toEqual({
      countries: ['HN:confirmed'],
      topics: [],
      organizations: ['IOM:confirmed'],
    });
    // Importing the same page again still finds it: one item.
    const again = await importNewsListing(
      t.db,
      'page.txt',
      new TextEncoder().encode('2 May, 2030\nTraining for officials in Honduras\nIOM trained 40 officials & staff.'),
    );
    expect(again.skipped).toBe(1);
  });

  it('refuses a slug used by another item, or the same date and title, next to the field', async () => {
    const before = await t.db.query.selectFrom('news_items').select('id').execute();
    const taken = await post('/en/admin/news/new', {
      ...draft,
      'title.en': 'Another title',
      slug: '2031-03-04-new-information-hub-opens-in-tapachula',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Another news item already uses this address');
    expect(taken.body).toContain('id="error-slug"');
    expect(taken.body).toContain('aria-describedby="hint-slug error-slug"');
    expect(taken.body).toContain('value="Another title"');
    const same = await post('/en/admin/news/new', draft);
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('A news item with this title already exists on this date.');
    const after = await t.db.query.selectFrom('news_items').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
