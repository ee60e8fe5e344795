// News items with their tags, for the listing, one item, the feeds and the API.
import type { Db } from '../../db/db.js';
import type { NewsTopic } from '../../db/schema.js';
import { foldText } from './news-text.js';
import {
  findPublishedNewsItem,
  listNewsItems,
  tagsOfNewsItems,
  type NewsFilters,
  type NewsItemRow,
} from './news.repository.js';

export interface NewsQuery {
  country?: string | undefined;
  topic?: NewsTopic | undefined;
  /** Free text; matched word by word, ignoring case and accents. */
  q?: string | undefined;
}

export interface NewsItem extends NewsItemRow {
  countries: string[];
  topics: NewsTopic[];
  organizations: string[];
}

const MAX_SEARCH_WORDS = 8;

export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
}

function toFilters(query: NewsQuery): NewsFilters {
  return { country: query.country?.toUpperCase(), topic: query.topic, words: searchWords(query.q) };
}

export async function browseNews(
  db: Db,
  query: NewsQuery,
  window: { limit: number; offset: number },
): Promise<{ items: NewsItem[]; total: number }> {
  const { rows, total } = await listNewsItems(db, toFilters(query), window);
  return { items: await withTags(db, rows), total };
}

export async function getNewsItem(db: Db, slug: string): Promise<NewsItem | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const row = await findPublishedNewsItem(db, slug);
  if (!row) return null;
  const [item] = await withTags(db, [row]);
  return item ?? null;
}

async function withTags(db: Db, rows: NewsItemRow[]): Promise<NewsItem[]> {
  const tags = await tagsOfNewsItems(
    db,
    rows.map((r) => r.id),
  );
  const of = <T extends string>(list: { news_item_id: string; code: T }[], id: string) =>
    list.filter((t) => t.news_item_id === id).map((t) => t.code);
  return rows.map((row) => ({
    ...row,
    countries: of(tags.countries, row.id),
    topics: of(tags.topics, row.id),
    organizations: of(tags.organizations, row.id),
  }));
}
