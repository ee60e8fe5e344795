// The SQL of the publisher admin: every item (drafts too) with its tags and their origin, and writing an item with
// optimistic concurrency (a save over a newer version changes nothing).
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Locale, NewsStatus, NewsTagOrigin, NewsTopic, Translated } from '../../db/schema.js';
import { NEWS_COLUMNS, type Executor } from './news.repository.js';

/** The version of a row the form was read from: updated_at to the microsecond, in UTC, as text. */
const VERSION = sql<string>`to_char(n.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

const ADMIN_COLUMNS = [...NEWS_COLUMNS, VERSION.as('version')] as const;

export interface AdminNewsFilters {
  status?: NewsStatus | undefined;
  /** Folded words; an item matches when its search text holds every one. */
  words: string[];
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Db, filters: AdminNewsFilters) {
  let q = db.query.selectFrom('news_items as n');
  if (filters.status) q = q.where('n.status', '=', filters.status);
  for (const word of filters.words) q = q.where('n.title_key', 'like', `%${escapeLike(word)}%`);
  return q;
}

/** Every item, drafts and published, newest first, with whether it has tags still only suggested. */
export async function listAdminNews(db: Db, filters: AdminNewsFilters, window: { limit: number; offset: number }) {
  const suggested = (table: 'news_item_countries' | 'news_item_topics' | 'news_item_organizations') =>
    sql<boolean>`exists (select 1 from ${sql.table(table)} s where s.news_item_id = n.id and s.origin = 'suggested')`;
  const [rows, count, drafts] = await Promise.all([
    filtered(db, filters)
      .select(ADMIN_COLUMNS)
      .select(
        sql<boolean>`(${suggested('news_item_countries')} or ${suggested('news_item_topics')} or ${suggested('news_item_organizations')})`.as(
          'needs_review',
        ),
      )
      .orderBy('n.published_on', 'desc')
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    filtered(db, filters)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
    db.query
      .selectFrom('news_items')
      .where('status', '=', 'draft')
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total, drafts: drafts.total };
}

export type AdminNewsRow = Awaited<ReturnType<typeof listAdminNews>>['rows'][number];

export interface StoredTag {
  code: string;
  origin: NewsTagOrigin;
}

export async function findAdminNewsItem(db: Db, id: string) {
  const row = await db.query
    .selectFrom('news_items as n')
    .select(ADMIN_COLUMNS)
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [countries, topics, organizations] = await Promise.all([
    db.query
      .selectFrom('news_item_countries')
      .select([sql<string>`trim(country_code)`.as('code'), 'origin'])
      .where('news_item_id', '=', id)
      .orderBy('country_code')
      .execute(),
    db.query
      .selectFrom('news_item_topics')
      .select(['topic as code', 'origin'])
      .where('news_item_id', '=', id)
      .orderBy('topic')
      .execute(),
    db.query
      .selectFrom('news_item_organizations')
      .select(['organization_code as code', 'origin'])
      .where('news_item_id', '=', id)
      .orderBy('organization_code')
      .execute(),
  ]);
  return { ...row, tags: { countries, topics, organizations } as Record<TagKind, StoredTag[]> };
}

export type AdminNewsItem = NonNullable<Awaited<ReturnType<typeof findAdminNewsItem>>>;
export type TagKind = 'countries' | 'topics' | 'organizations';

/** Whether another item (not `exceptId`) already has this slug. */
export async function slugUsedByOther(db: Executor, slug: string, exceptId: string | null): Promise<boolean> {
  let q = db.selectFrom('news_items').select('id').where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

/** Whether another item has the same date and title key (the importer's identity of an item). */
export async function titleUsedByOther(
  db: Executor,
  date: string,
  key: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = db.selectFrom('news_items').select('id').where('published_on', '=', date).where('title_key', '=', key);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export interface NewsRecord {
  slug: string;
  date: string;
  originalLocale: Locale;
  title: Translated;
  summary: Translated;
  body: Translated;
  imageUrl: string | null;
  imageAlt: Translated;
  titleKey: string;
  searchText: string;
  status: NewsStatus;
  contentHash: string;
}

function columns(record: NewsRecord) {
  return {
    slug: record.slug,
    published_on: record.date,
    original_locale: record.originalLocale,
    title: JSON.stringify(record.title),
    summary: JSON.stringify(record.summary),
    body: JSON.stringify(record.body),
    image_url: record.imageUrl,
    image_alt: JSON.stringify(record.imageAlt),
    title_key: record.titleKey,
    search_text: record.searchText,
    status: record.status,
    content_hash: record.contentHash,
  };
}

export async function insertAdminNewsItem(trx: Executor, record: NewsRecord): Promise<string> {
  const { id } = await trx
    .insertInto('news_items')
    .values({ ...columns(record), is_demo: false, source_file: null, source_line: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Updates the item only if it is still at `version`; false when someone saved it meanwhile (nothing written). */
export async function updateAdminNewsItem(
  trx: Executor,
  id: string,
  version: string,
  record: NewsRecord,
): Promise<boolean> {
  const result = await trx
    .updateTable('news_items as n')
    .set({ ...columns(record), updated_at: sql`now()` })
    .where('n.id', '=', id)
    .where(VERSION, '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface TagSelection {
  countries: { code: string; origin: NewsTagOrigin }[];
  topics: { code: NewsTopic; origin: NewsTagOrigin }[];
  organizations: { code: string; origin: NewsTagOrigin }[];
}

/** Replaces every tag of an item with `tags`. */
export async function replaceNewsTags(trx: Executor, id: string, tags: TagSelection): Promise<void> {
  await trx.deleteFrom('news_item_countries').where('news_item_id', '=', id).execute();
  await trx.deleteFrom('news_item_topics').where('news_item_id', '=', id).execute();
  await trx.deleteFrom('news_item_organizations').where('news_item_id', '=', id).execute();
  if (tags.countries.length) {
    await trx
      .insertInto('news_item_countries')
      .values(tags.countries.map((t) => ({ news_item_id: id, country_code: t.code, origin: t.origin })))
      .execute();
  }
  if (tags.topics.length) {
    await trx
      .insertInto('news_item_topics')
      .values(tags.topics.map((t) => ({ news_item_id: id, topic: t.code, origin: t.origin })))
      .execute();
  }
  if (tags.organizations.length) {
    await trx
      .insertInto('news_item_organizations')
      .values(tags.organizations.map((t) => ({ news_item_id: id, organization_code: t.code, origin: t.origin })))
      .execute();
  }
}
