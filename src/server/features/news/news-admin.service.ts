// What the publisher admin does with a news form: checks it, turns it into the stored record exactly as the
// importer would (title_key, search_text, content_hash, slug), works out which tags to offer and keep, and saves.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/db.js';
import { LOCALES, NEWS_TOPICS, type Locale, type NewsTopic, type Translated } from '../../db/schema.js';
import { checkForm, type FieldErrorKey } from '../../http/form.js';
import { bodyParagraphs, bodyToMarkup, markupToBody } from './news-admin.markup.js';
import {
  findAdminNewsItem,
  insertAdminNewsItem,
  replaceNewsTags,
  slugUsedByOther,
  titleUsedByOther,
  updateAdminNewsItem,
  type AdminNewsItem,
  type NewsRecord,
  type TagKind,
  type TagSelection,
} from './news-admin.repository.js';
import { NewsForm, type CheckedNewsForm, type NewsFormValues } from './news-admin.schema.js';
import { COUNTRY_TERMS, ORGANIZATION_TERMS } from './news-tags.dictionary.js';
import { foldText, htmlToText, newsSlug, shorten, titleKey } from './news-text.js';
import { suggestTags } from './news.tagger.js';
import type { NewsItem } from './news.service.js';

export type NewsErrorKey = 'slugTaken' | 'duplicateTitle' | 'date' | 'https' | 'emptyBody' | 'unknownTag';
export type NewsFieldErrors = Record<string, FieldErrorKey | NewsErrorKey>;

const SUMMARY_LENGTH = 280; // as the importer
const TAG_KINDS: TagKind[] = ['countries', 'topics', 'organizations'];
const DICTIONARY: Record<TagKind, readonly string[]> = {
  countries: Object.keys(COUNTRY_TERMS),
  topics: NEWS_TOPICS,
  organizations: ORGANIZATION_TERMS.map((o) => o.code),
};

export interface TagOption {
  code: string;
  checked: boolean;
  /** Suggested by the tagger (for the current text) or stored as suggested: the publisher should review it. */
  suggested: boolean;
}
export type TagOptions = Record<TagKind, TagOption[]>;

const tagId = (kind: TagKind, code: string) => `${kind}:${code}`;

export function emptyFormValues(today: string, locale: Locale): NewsFormValues {
  const blank = Object.fromEntries(LOCALES.map((l) => [l, ''])) as Record<Locale, string>;
  return {
    date: today,
    originalLocale: locale,
    slug: '',
    status: 'draft',
    title: { ...blank },
    summary: { ...blank },
    body: { ...blank },
    imageUrl: '',
    imageAlt: { ...blank },
    countries: [],
    topics: [],
    organizations: [],
  };
}

/** The stored item as the edit form shows it (bodies back as markup). */
export function formValuesOf(item: AdminNewsItem): NewsFormValues {
  const of = (field: Translated, map: (s: string) => string = (s) => s) =>
    Object.fromEntries(LOCALES.map((l) => [l, map(field[l] ?? '')])) as Record<Locale, string>;
  return {
    date: item.date,
    originalLocale: item.original_locale,
    slug: item.slug,
    status: item.status,
    title: of(item.title),
    summary: of(item.summary),
    body: of(item.body, bodyToMarkup),
    imageUrl: item.image_url ?? '',
    imageAlt: of(item.image_alt),
    countries: item.tags.countries.map((t) => t.code),
    topics: item.tags.topics.map((t) => t.code),
    organizations: item.tags.organizations.map((t) => t.code),
  };
}

function suggestionsFor(values: NewsFormValues) {
  const text = LOCALES.map((l) => `${values.title[l]}\n${htmlToText(markupToBody(values.body[l]))}`).join('\n');
  return suggestTags(text);
}

/**
 * The tag checkboxes. `offered` is what an earlier rendering of the form already suggested (null on a first
 * rendering): a suggestion is pre-checked once, so a publisher who unchecks it is not overruled by a preview.
 */
export function tagOptions(values: NewsFormValues, stored: AdminNewsItem | null, offered: Set<string> | null) {
  const suggested = suggestionsFor(values);
  const options = {} as TagOptions;
  for (const kind of TAG_KINDS) {
    const storedTags = stored?.tags[kind] ?? [];
    const flagged = new Set<string>([
      ...suggested[kind],
      ...storedTags.filter((t) => t.origin === 'suggested').map((t) => t.code),
    ]);
    const checked = new Set(values[kind]);
    if (offered === null) for (const code of suggested[kind]) checked.add(code);
    else for (const code of flagged) if (!offered.has(tagId(kind, code))) checked.add(code);
    const codes = [...new Set([...DICTIONARY[kind], ...storedTags.map((t) => t.code), ...checked])].sort();
    options[kind] = codes.map((code) => ({ code, checked: checked.has(code), suggested: flagged.has(code) }));
  }
  return options;
}

/** Hidden "offered" values: the suggestions this rendering showed. */
export function offeredOf(options: TagOptions): string[] {
  return TAG_KINDS.flatMap((kind) => options[kind].filter((o) => o.suggested).map((o) => tagId(kind, o.code)));
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  const year = Number(date.slice(0, 4));
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date && year >= 1900 && year <= 2100;
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && Boolean(url.hostname) && !/[\s"'<>]/.test(text);
  } catch {
    return false;
  }
}

export interface CheckedNews {
  record: NewsRecord;
  /** The tags the form had checked, each confirmed by saving. */
  checked: TagSelection;
  /** Suggestions the publisher has not seen yet (saved without a preview): stored as suggested, for review. */
  unseen: TagSelection;
}

type Check = { ok: true; news: CheckedNews } | { ok: false; errors: NewsFieldErrors };

/** Checks the form and builds the record; `existing` is the item being edited (null when new). */
export async function checkNews(
  db: Db,
  values: NewsFormValues,
  existing: AdminNewsItem | null,
  offered: Set<string>,
): Promise<Check> {
  const result = checkForm(NewsForm, values);
  const errors: NewsFieldErrors = {};
  // A bad tag ("topics.2") is shown by its group of checkboxes.
  for (const [path, key] of Object.entries(result.ok ? {} : result.errors)) {
    errors[path.replace(/^(countries|topics|organizations)\.\d+$/, '$1')] ??= key;
  }
  const orig = values.originalLocale as Locale;
  if (!errors.date && !isCalendarDate(values.date)) errors.date = 'date';
  if (!errors.originalLocale) {
    if (!values.title[orig]) errors[`title.${orig}`] ??= 'required';
    if (!values.body[orig].trim()) errors[`body.${orig}`] ??= 'required';
    if (values.imageUrl && !values.imageAlt[orig]) errors[`imageAlt.${orig}`] ??= 'required';
  }
  for (const l of LOCALES) {
    const used = values.summary[l] || values.body[l].trim() || values.imageAlt[l];
    if (used && !values.title[l]) errors[`title.${l}`] ??= 'required';
  }
  if (values.imageUrl && !errors.imageUrl && !isHttpsUrl(values.imageUrl)) errors.imageUrl = 'https';
  for (const kind of TAG_KINDS) {
    const known = new Set([...DICTIONARY[kind], ...(existing?.tags[kind] ?? []).map((t) => t.code)]);
    if (!errors[kind] && values[kind].some((code) => !known.has(code))) errors[kind] = 'unknownTag';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const form = values as unknown as CheckedNewsForm;

  const body: Translated = {};
  for (const l of LOCALES) {
    const html = form.body[l] ? markupToBody(form.body[l]) : '';
    if (html) body[l] = html;
    else if (form.body[l]?.trim()) errors[`body.${l}`] = 'emptyBody';
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const record = buildRecord(form, body);
  const exceptId = existing?.id ?? null;
  if (await titleUsedByOther(db.query, record.date, record.titleKey, exceptId)) {
    errors[`title.${orig}`] = 'duplicateTitle';
  }
  if (form.slug) {
    if (await slugUsedByOther(db.query, form.slug, exceptId)) errors.slug = 'slugTaken';
  } else {
    if (await slugUsedByOther(db.query, record.slug, exceptId)) {
      record.slug = `${record.slug.slice(0, 110)}-${record.contentHash.slice(0, 8)}`;
    }
    if (await slugUsedByOther(db.query, record.slug, exceptId)) errors.slug = 'slugTaken';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, news: { record, ...tagsToSave(values, offered) } };
}

function buildRecord(form: CheckedNewsForm, body: Translated): NewsRecord {
  const orig = form.originalLocale;
  const originalTitle = form.title[orig] ?? '';
  // As the importer: a hash of date, original title and paragraphs; a slug from date and title.
  const contentHash = createHash('sha256')
    .update(JSON.stringify([form.date, originalTitle, bodyParagraphs(body[orig] ?? '')]))
    .digest('hex');
  const pick = (field: Record<string, string>) => {
    const out: Translated = {};
    for (const l of LOCALES) if (field[l]) out[l] = field[l];
    return out;
  };
  const title = pick(form.title);
  const summary = pick(form.summary);
  for (const l of LOCALES) {
    if (!summary[l] && body[l]) summary[l] = shorten(bodyParagraphs(body[l] ?? '')[0] ?? '', SUMMARY_LENGTH);
  }
  // Every translation folded the same way the importer folds its one language, original first.
  const order = [orig, ...LOCALES.filter((l) => l !== orig)];
  const searchText = foldText(
    order
      .filter((l) => title[l])
      .map((l) => `${title[l]} ${summary[l] ?? ''} ${htmlToText(body[l] ?? '')}`)
      .join(' '),
  );
  return {
    slug: form.slug || newsSlug(form.date, originalTitle, contentHash),
    date: form.date,
    originalLocale: orig,
    title,
    summary,
    body,
    imageUrl: form.imageUrl || null,
    imageAlt: form.imageUrl ? pick(form.imageAlt) : {},
    titleKey: titleKey(originalTitle),
    searchText,
    status: form.status,
    contentHash,
  };
}

function tagsToSave(values: NewsFormValues, offered: Set<string>): { checked: TagSelection; unseen: TagSelection } {
  const suggested = suggestionsFor(values);
  const confirmed = (codes: string[]) => [...new Set(codes)].map((code) => ({ code, origin: 'confirmed' as const }));
  const checked: TagSelection = {
    countries: confirmed(values.countries),
    topics: confirmed(values.topics) as TagSelection['topics'],
    organizations: confirmed(values.organizations),
  };
  const notSeen = (kind: TagKind, codes: string[]) =>
    codes
      .filter((code) => !offered.has(tagId(kind, code)) && !(values[kind] as string[]).includes(code))
      .map((code) => ({ code, origin: 'suggested' as const }));
  const unseen: TagSelection = {
    countries: notSeen('countries', suggested.countries),
    topics: notSeen('topics', suggested.topics) as TagSelection['topics'],
    organizations: notSeen('organizations', suggested.organizations),
  };
  return { checked, unseen };
}

export type SaveResult = { ok: true; id: string } | { ok: false; conflict: true };

/** Writes the item and its tags in one transaction; an edit over a newer version writes nothing. */
export async function saveNews(
  db: Db,
  news: CheckedNews,
  existing: { id: string; version: string } | null,
): Promise<SaveResult> {
  const merge = <K extends TagKind>(kind: K) => [...news.checked[kind], ...news.unseen[kind]] as TagSelection[K];
  const tags: TagSelection = {
    countries: merge('countries'),
    topics: merge('topics'),
    organizations: merge('organizations'),
  };
  return db.query.transaction().execute(async (trx) => {
    let id: string;
    if (existing) {
      if (!(await updateAdminNewsItem(trx, existing.id, existing.version, news.record))) {
        return { ok: false, conflict: true } as const;
      }
      id = existing.id;
    } else {
      id = await insertAdminNewsItem(trx, news.record);
    }
    await replaceNewsTags(trx, id, tags);
    return { ok: true, id } as const;
  });
}

/** The item as the public page would show it, from a checked form (nothing saved). */
export function previewItem(news: CheckedNews, existing: AdminNewsItem | null): NewsItem {
  const { record, checked } = news;
  const now = new Date();
  return {
    id: existing?.id ?? 'preview',
    slug: record.slug,
    date: record.date,
    original_locale: record.originalLocale,
    title: record.title,
    summary: record.summary,
    body: record.body,
    image_url: record.imageUrl,
    image_alt: record.imageAlt,
    status: record.status,
    is_demo: existing?.is_demo ?? false,
    created_at: existing?.created_at ?? now,
    updated_at: now,
    countries: checked.countries.map((t) => t.code),
    topics: checked.topics.map((t) => t.code as NewsTopic),
    organizations: checked.organizations.map((t) => t.code),
  };
}

export { findAdminNewsItem };
