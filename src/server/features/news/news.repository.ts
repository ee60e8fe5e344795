// The only SQL of news: items, their tags, the listing with filters and search, and the demo-import lock.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, Locale, NewsStatus, NewsTopic, Translated } from '../../db/schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

const NEWS_DEMO_LOCK = 727_003; // arbitrary, constant: "rumbo news demo import"

export interface NewsFilters {
  country?: string | undefined;
  topic?: NewsTopic | undefined;
  /** Folded words (see foldText); an item matches when its search text holds every one. */
  words?: string[] | undefined;
}

export const NEWS_COLUMNS = [
  'n.id',
  'n.slug',
  sql<string>`n.published_on::text`.as('date'),
  'n.original_locale',
  'n.title',
  'n.summary',
  'n.body',
  'n.image_url',
  'n.image_alt',
  'n.status',
  'n.is_demo',
  'n.created_at',
  'n.updated_at',
] as const;

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function published(db: Executor, filters: NewsFilters) {
  let q = db.selectFrom('news_items as n').where('n.status', '=', 'published');
  if (filters.country) {
    const country = filters.country;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('news_item_countries as c')
          .select(sql.lit(1).as('one'))
          .whereRef('c.news_item_id', '=', 'n.id')
          .where('c.country_code', '=', country),
      ),
    );
  }
  if (filters.topic) {
    const topic = filters.topic;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('news_item_topics as t')
          .select(sql.lit(1).as('one'))
          .whereRef('t.news_item_id', '=', 'n.id')
          .where('t.topic', '=', topic),
      ),
    );
  }
  for (const word of filters.words ?? []) q = q.where('n.search_text', 'like', `%${escapeLike(word)}%`);
  return q;
}

/** Published items, newest first. */
export async function listNewsItems(db: Db, filters: NewsFilters, window: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    published(db.query, filters)
      .select(NEWS_COLUMNS)
      .orderBy('n.published_on', 'desc')
      .orderBy('n.created_at', 'desc')
      // Items of one day keep the order of the listing they came from.
      .orderBy(sql`n.source_line ASC NULLS LAST`)
      .orderBy('n.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    published(db.query, filters)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export type NewsItemRow = Awaited<ReturnType<typeof listNewsItems>>['rows'][number];

export function findPublishedNewsItem(db: Db, slug: string) {
  return published(db.query, {}).select(NEWS_COLUMNS).where('n.slug', '=', slug).executeTakeFirst();
}

export async function tagsOfNewsItems(db: Db, ids: string[]) {
  if (!ids.length) return { countries: [], topics: [], organizations: [] };
  const [countries, topics, organizations] = await Promise.all([
    db.query
      .selectFrom('news_item_countries')
      .select(['news_item_id', sql<string>`trim(country_code)`.as('code')])
      .where('news_item_id', 'in', ids)
      .orderBy('country_code')
      .execute(),
    db.query
      .selectFrom('news_item_topics')
      .select(['news_item_id', 'topic as code'])
      .where('news_item_id', 'in', ids)
      .orderBy('topic')
      .execute(),
    db.query
      .selectFrom('news_item_organizations')
      .select(['news_item_id', 'organization_code as code'])
      .where('news_item_id', 'in', ids)
      .orderBy('organization_code')
      .execute(),
  ]);
  return { countries, topics, organizations };
}

/** Country codes and topics that published items carry, for the filter menus. */
export async function newsFacets(db: Db) {
  const [countries, topics] = await Promise.all([
    db.query
      .selectFrom('news_item_countries as c')
      .innerJoin('news_items as n', 'n.id', 'c.news_item_id')
      .where('n.status', '=', 'published')
      .select(sql<string>`trim(c.country_code)`.as('code'))
      .distinct()
      .execute(),
    db.query
      .selectFrom('news_item_topics as t')
      .innerJoin('news_items as n', 'n.id', 't.news_item_id')
      .where('n.status', '=', 'published')
      .select('t.topic as code')
      .distinct()
      .execute(),
  ]);
  return { countries: countries.map((c) => c.code), topics: topics.map((t) => t.code) };
}

/** Every published item's slug and last change, for the sitemap. */
export function publishedNewsSlugs(db: Db) {
  return db.query
    .selectFrom('news_items')
    .select(['slug', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('published_on', 'desc')
    .orderBy('slug')
    .execute();
}

export async function countNewsItems(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('news_items')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** The item already stored for this date and title key, if any. */
export function findNewsItemByKey(db: Executor, date: string, key: string) {
  return db
    .selectFrom('news_items')
    .select(['id', 'slug', 'content_hash', 'source_file', 'source_line'])
    .where('published_on', '=', date)
    .where('title_key', '=', key)
    .executeTakeFirst();
}

export function slugTaken(db: Executor, slug: string) {
  return db.selectFrom('news_items').select('id').where('slug', '=', slug).executeTakeFirst().then(Boolean);
}

export interface NewNewsItem {
  slug: string;
  date: string;
  originalLocale: Locale;
  title: Translated;
  summary: Translated;
  body: Translated;
  titleKey: string;
  searchText: string;
  status: NewsStatus;
  isDemo: boolean;
  sourceFile: string | null;
  sourceLine: number | null;
  contentHash: string;
  countries: string[];
  topics: NewsTopic[];
  organizations: string[];
}

export async function insertNewsItem(trx: Executor, item: NewNewsItem): Promise<string> {
  const { id } = await trx
    .insertInto('news_items')
    .values({
      slug: item.slug,
      published_on: item.date,
      original_locale: item.originalLocale,
      title: JSON.stringify(item.title),
      summary: JSON.stringify(item.summary),
      body: JSON.stringify(item.body),
      title_key: item.titleKey,
      search_text: item.searchText,
      status: item.status,
      is_demo: item.isDemo,
      source_file: item.sourceFile,
      source_line: item.sourceLine,
      content_hash: item.contentHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (item.countries.length) {
    await trx
      .insertInto('news_item_countries')
      .values(item.countries.map((country_code) => ({ news_item_id: id, country_code })))
      .execute();
  }
  if (item.topics.length) {
    await trx
      .insertInto('news_item_topics')
      .values(item.topics.map((topic) => ({ news_item_id: id, topic })))
      .execute();
  }
  if (item.organizations.length) {
    await trx
      .insertInto('news_item_organizations')
      .values(item.organizations.map((organization_code) => ({ news_item_id: id, organization_code })))
      .execute();
  }
  return id;
}

/** Serialises the demo news import across app instances until the surrounding transaction ends. */
export async function lockNewsDemoImport(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${NEWS_DEMO_LOCK})`.execute(trx);
}
