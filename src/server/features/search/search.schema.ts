// One schema per route: GET /api/v1/search. `near` and `bbox` are strings checked further in search-params.ts.
import { Type, type Static } from 'typebox';
import { CategoryCode, CountryCode, LanguageCode, LocaleParam, PopulationCode } from '../../http/common-schema.js';
import { ErrorResponse, PageQuery } from '../../http/pagination.js';
import { ServiceSummarySchema } from '../services/services.schema.js';

export const MAX_QUERY_LENGTH = 200;

export const SearchFilterQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: MAX_QUERY_LENGTH,
      description: 'Words to find, any of the five languages; typos are corrected.',
    }),
  ),
  near: Type.Optional(
    Type.String({ maxLength: 60, description: 'A point "lat,lon" (WGS 84 degrees), e.g. 14.9067,-92.2635.' }),
  ),
  place: Type.Optional(
    Type.String({ maxLength: MAX_QUERY_LENGTH, description: 'A city of the region, e.g. "San José, Costa Rica".' }),
  ),
  radius_km: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, maximum: 2000, description: 'Around `near` or `place`; default 25 km.' }),
  ),
  bbox: Type.Optional(
    Type.String({ maxLength: 100, description: 'A box "west,south,east,north" in degrees; west > east crosses 180°.' }),
  ),
  category: Type.Optional(CategoryCode),
  population: Type.Optional(PopulationCode),
  language: Type.Optional(LanguageCode),
  country: Type.Optional(CountryCode),
};

export const SearchQuery = Type.Object({ ...PageQuery, ...SearchFilterQuery, locale: Type.Optional(LocaleParam) });
export type SearchQuery = Static<typeof SearchQuery>;

const Segment = Type.Object({ text: Type.String(), match: Type.Boolean() });

export const SearchHitSchema = Type.Object({
  ...ServiceSummarySchema.properties,
  distance_km: Type.Union([Type.Number(), Type.Null()], { description: 'From `near` or `place`, else null.' }),
  highlights: Type.Object(
    { name: Type.Array(Segment), description: Type.Array(Segment) },
    { description: 'Name and description cut into segments; `match` marks the words that matched.' },
  ),
});

export const SearchResponse = Type.Object({
  items: Type.Array(SearchHitSchema),
  total: Type.Integer({ minimum: 0, description: 'Matches, counted up to 300 (the candidates ranked).' }),
  total_is_lower_bound: Type.Boolean({
    description: 'True when more services may match than `total`: the 300 most recently verified were ranked.',
  }),
  page: Type.Integer({ minimum: 1 }),
  per_page: Type.Integer({ minimum: 1 }),
  did_you_mean: Type.Union([Type.String(), Type.Null()], { description: 'The query with typos corrected.' }),
  suggestions: Type.Array(
    Type.Object({
      kind: Type.Enum(['wider_radius', 'broader_category']),
      radius_km: Type.Optional(Type.Number()),
    }),
    { description: 'When nothing matched: what to widen.' },
  ),
  place: Type.Union([
    Type.Object({ name: Type.String(), country: Type.String(), latitude: Type.Number(), longitude: Type.Number() }),
    Type.Null(),
  ]),
});

export const searchSchema = {
  tags: ['directory'],
  summary: 'Search services by words, place, radius, box and filters; ranked by relevance, distance and recency.',
  querystring: SearchQuery,
  response: { 200: SearchResponse, 400: ErrorResponse },
};
