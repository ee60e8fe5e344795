import { Type, type Static } from 'typebox';
import { NEWS_TOPICS } from '../../db/schema.js';
import { CountryCode, LocaleParam, Translations } from '../../http/common-schema.js';
import { ErrorResponse, ListResponse, PageQuery } from '../../http/pagination.js';

export const NewsTopicParam = Type.Enum([...NEWS_TOPICS], { description: 'A news topic code.' });
export const NewsSearch = Type.String({ maxLength: 200, description: 'Words to find (case and accents ignored).' });

export const NewsFilterQuery = {
  country: Type.Optional(CountryCode),
  topic: Type.Optional(NewsTopicParam),
  q: Type.Optional(NewsSearch),
};

export const ListNewsQuery = Type.Object({ ...PageQuery, ...NewsFilterQuery, locale: Type.Optional(LocaleParam) });
export type ListNewsQuery = Static<typeof ListNewsQuery>;

export const NewsSlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });

export const NewsItemSchema = Type.Object({
  slug: Type.String(),
  date: Type.String({ format: 'date', description: 'Publication date, YYYY-MM-DD.' }),
  title: Type.String(),
  summary: Type.String(),
  text_locale: Type.String({ description: 'The language title and summary are actually in.' }),
  original_locale: Type.String(),
  countries: Type.Array(Type.String(), { description: 'ISO 3166-1 alpha-2 codes of the countries concerned.' }),
  topics: Type.Array(NewsTopicParam),
  organizations: Type.Array(Type.String(), { description: 'Short codes of organizations named (IOM, ILO …).' }),
  image: Type.Union([Type.Object({ url: Type.String(), alt: Type.String() }), Type.Null()]),
  url: Type.String({ description: 'Path of the item page.' }),
  translations: Type.Object({ title: Translations, summary: Translations }),
  is_demo: Type.Boolean(),
});

export const NewsItemDetailSchema = Type.Object({
  ...NewsItemSchema.properties,
  body_html: Type.String({ description: 'The body as sanitized HTML (paragraphs, links, lists, emphasis).' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const listNewsSchema = {
  tags: ['news'],
  summary: 'List published news, newest first; filter by country, topic and words.',
  querystring: ListNewsQuery,
  response: { 200: ListResponse(NewsItemSchema), 400: ErrorResponse },
};

export const getNewsSchema = {
  tags: ['news'],
  summary: 'One published news item.',
  params: NewsSlugParams,
  querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
  response: { 200: NewsItemDetailSchema, 400: ErrorResponse, 404: ErrorResponse },
};
