// Atom 1.0 and RSS 2.0 through the `feed` library, and JSON Feed 1.1 written here (the library writes 1.0).
import { Feed } from 'feed';
import type { Locale } from '../../db/schema.js';
import { pickText, type Translate } from '../../i18n/i18n.js';
import { withQuery } from '../../ui/page.js';
import type { NewsItem } from './news.service.js';
import { newsCountryName, topicName } from './news.view.js';

export type FeedKind = 'atom' | 'rss' | 'json';
export const FEED_TYPES: Record<FeedKind, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedContext {
  /** Absolute origin, e.g. https://rumbo.example (no trailing slash). */
  origin: string;
  locale: Locale;
  t: Translate;
  filters: { country?: string | undefined; topic?: string | undefined };
}

function feedTitle(ctx: FeedContext): string {
  const parts = [ctx.t('news.feedTitle')];
  if (ctx.filters.country) parts.push(newsCountryName(ctx.t, ctx.filters.country));
  if (ctx.filters.topic) parts.push(topicName(ctx.t, ctx.filters.topic));
  return parts.join(' · ');
}

function entries(ctx: FeedContext, items: NewsItem[]) {
  return items.map((item) => {
    const title = pickText(item.title, ctx.locale, item.original_locale);
    const textLocale = title?.locale ?? item.original_locale;
    return {
      url: `${ctx.origin}/${ctx.locale}/news/${item.slug}`,
      title: title?.text ?? item.slug,
      summary: pickText(item.summary, textLocale, item.original_locale)?.text ?? '',
      html: pickText(item.body, textLocale, item.original_locale)?.text ?? '',
      published: new Date(`${item.date}T00:00:00Z`),
      updated: item.updated_at,
      language: textLocale,
      tags: [
        ...item.topics.map((topic) => topicName(ctx.t, topic)),
        ...item.countries.map((c) => newsCountryName(ctx.t, c)),
      ],
    };
  });
}

export function renderFeed(kind: FeedKind, ctx: FeedContext, items: NewsItem[]): string {
  const page = withQuery(`${ctx.origin}/${ctx.locale}/news`, ctx.filters);
  const self = withQuery(`${ctx.origin}/${ctx.locale}/news/feed.${kind}`, ctx.filters);
  const list = entries(ctx, items);
  const updated = list.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  if (kind === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: feedTitle(ctx),
      home_page_url: page,
      feed_url: self,
      description: ctx.t('news.intro'),
      language: ctx.locale,
      authors: [{ name: 'Rumbo', url: ctx.origin }],
      items: list.map((e) => ({
        id: e.url,
        url: e.url,
        title: e.title,
        content_html: e.html,
        summary: e.summary,
        date_published: e.published.toISOString(),
        date_modified: e.updated.toISOString(),
        language: e.language,
        tags: e.tags,
      })),
    });
  }
  const feed = new Feed({
    id: page,
    title: feedTitle(ctx),
    description: ctx.t('news.intro'),
    link: page,
    language: ctx.locale,
    updated: list.length ? updated : new Date(`2020-01-01T00:00:00Z`),
    generator: 'Rumbo',
    feedLinks: { [kind]: self },
    author: { name: 'Rumbo', link: ctx.origin },
    copyright: 'Rumbo',
  });
  for (const e of list) {
    feed.addItem({
      id: e.url,
      guid: e.url,
      link: e.url,
      title: e.title,
      description: e.summary,
      content: e.html,
      date: e.updated,
      published: e.published,
      category: e.tags.map((name) => ({ name })),
    });
  }
  return kind === 'atom' ? feed.atom1() : feed.rss2();
}
