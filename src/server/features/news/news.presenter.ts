import type { Static } from 'typebox';
import type { Locale } from '../../db/schema.js';
import { pickText } from '../../i18n/i18n.js';
import type { NewsItem } from './news.service.js';
import type { NewsItemDetailSchema, NewsItemSchema } from './news.schema.js';

export function presentNewsItem(item: NewsItem, locale: Locale): Static<typeof NewsItemSchema> {
  const title = pickText(item.title, locale, item.original_locale);
  const summary = pickText(item.summary, locale, title?.locale ?? item.original_locale);
  const alt = pickText(item.image_alt, locale, item.original_locale);
  return {
    slug: item.slug,
    date: item.date,
    title: title?.text ?? '',
    summary: summary?.text ?? '',
    text_locale: title?.locale ?? item.original_locale,
    original_locale: item.original_locale,
    countries: item.countries,
    topics: item.topics,
    organizations: item.organizations,
    image: item.image_url ? { url: item.image_url, alt: alt?.text ?? '' } : null,
    url: `/${locale}/news/${item.slug}`,
    translations: { title: item.title, summary: item.summary },
    is_demo: item.is_demo,
  };
}

export function presentNewsItemDetail(item: NewsItem, locale: Locale): Static<typeof NewsItemDetailSchema> {
  const presented = presentNewsItem(item, locale);
  const body = pickText(item.body, presented.text_locale as Locale, item.original_locale);
  return { ...presented, body_html: body?.text ?? '', updated_at: item.updated_at.toISOString() };
}
