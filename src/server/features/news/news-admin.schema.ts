// The publisher's news form: what it accepts (checked with checkForm, so errors show next to their fields) and how
// the posted fields are read into values.
import { Type, type Static } from 'typebox';
import { LOCALES, NEWS_TOPICS, type Locale, type NewsStatus } from '../../db/schema.js';
import { fieldValue, fieldValues } from '../../http/form.js';

export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
export const LocaleParams = Type.Object({ locale: Type.String() });
export const ItemParams = Type.Object({ locale: Type.String(), id: Type.String({ maxLength: 100 }) });
export const EditQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 1 })) });
export const ListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 1000;
export const BODY_MAX = 20_000;
export const ALT_MAX = 300;

const Text = (max: number) => Type.String({ maxLength: max });
const PerLocale = (max: number) => Type.Object(Object.fromEntries(LOCALES.map((l) => [l, Text(max)])));

export const NewsForm = Type.Object({
  date: Type.String({ minLength: 1, pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  originalLocale: Type.Union(LOCALES.map((l) => Type.Literal(l))),
  slug: Type.String({ maxLength: 120, pattern: '^$|^[a-z0-9]+(-[a-z0-9]+)*$' }),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  title: PerLocale(TITLE_MAX),
  summary: PerLocale(SUMMARY_MAX),
  body: PerLocale(BODY_MAX),
  imageUrl: Type.String({ maxLength: 2000 }),
  imageAlt: PerLocale(ALT_MAX),
  countries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 60 }),
  topics: Type.Array(Type.Union(NEWS_TOPICS.map((t) => Type.Literal(t))), { maxItems: NEWS_TOPICS.length }),
  organizations: Type.Array(Type.String({ pattern: '^[A-Z0-9-]{2,32}$' }), { maxItems: 60 }),
});

/** What the form holds, as typed (before checks): also what a form re-rendered after an error shows. */
export interface NewsFormValues {
  date: string;
  originalLocale: string;
  slug: string;
  status: string;
  title: Record<Locale, string>;
  summary: Record<Locale, string>;
  body: Record<Locale, string>;
  imageUrl: string;
  imageAlt: Record<Locale, string>;
  countries: string[];
  topics: string[];
  organizations: string[];
}

export type CheckedNewsForm = Static<typeof NewsForm> & { originalLocale: Locale; status: NewsStatus };

function perLocale(body: Record<string, unknown>, name: string, trim = true): Record<Locale, string> {
  return Object.fromEntries(
    LOCALES.map((l) => {
      const raw = body[`${name}.${l}`];
      const text = typeof raw === 'string' ? raw : '';
      return [l, trim ? text.trim() : text.replace(/\s+$/, '')];
    }),
  ) as Record<Locale, string>;
}

export function newsFormValues(body: Record<string, unknown>): NewsFormValues {
  return {
    date: fieldValue(body, 'date'),
    originalLocale: fieldValue(body, 'originalLocale'),
    slug: fieldValue(body, 'slug').toLowerCase(),
    status: fieldValue(body, 'status'),
    title: perLocale(body, 'title'),
    summary: perLocale(body, 'summary'),
    body: perLocale(body, 'body', false),
    imageUrl: fieldValue(body, 'imageUrl'),
    imageAlt: perLocale(body, 'imageAlt'),
    countries: fieldValues(body, 'countries'),
    topics: fieldValues(body, 'topics'),
    organizations: fieldValues(body, 'organizations'),
  };
}

/** Tags the form had already offered as suggestions ("country:MX", "topic:health", "organization:IOM"). */
export function offeredSuggestions(body: Record<string, unknown>): Set<string> {
  return new Set(fieldValues(body, 'offered').slice(0, 200));
}
