// One schema per route: validation, types, serialization and the OpenAPI document at once.
import { Type, type Static } from 'typebox';
import {
  CategoryCode,
  CountryCode,
  IdParams,
  LanguageCode,
  LocaleParam,
  PopulationCode,
  Translations,
  Nullable,
} from '../../http/common-schema.js';
import { ErrorResponse, ListResponse, PageQuery } from '../../http/pagination.js';
import { COSTS } from '../../db/schema.js';

export const ServiceFilterQuery = {
  country: Type.Optional(CountryCode),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'City name, case-insensitive.' })),
  category: Type.Optional(CategoryCode),
  population: Type.Optional(PopulationCode),
  language: Type.Optional(LanguageCode),
};

export const ListServicesQuery = Type.Object({
  ...PageQuery,
  ...ServiceFilterQuery,
  organization_id: Type.Optional(Type.String({ format: 'uuid' })),
  locale: Type.Optional(LocaleParam),
});
export type ListServicesQuery = Static<typeof ListServicesQuery>;

const PlaceSchema = Type.Object({
  city: Type.String(),
  admin_area: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
});

export const ServiceSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  text_locale: Type.String({ description: 'Locale the name and description are in (may differ from the one asked).' }),
  organization: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  categories: Type.Array(Type.String()),
  places: Type.Array(PlaceSchema),
  cost: Type.Enum([...COSTS]),
  last_verified_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  verified_by: Type.Union([Type.String(), Type.Null()]),
  freshness: Type.Enum(['fresh', 'stale'], {
    description:
      'stale: not verified for longer than the re-verification age (REVERIFY_AFTER_MONTHS, 6 by default). ' +
      'Listings unverified for longer than HIDE_UNVERIFIED_AFTER_MONTHS (12) are left out of lists and search; ' +
      'their own URL still answers, as stale.',
  }),
  is_demo: Type.Boolean({ description: 'True for the demo directory loaded on first start: not a real service.' }),
});

export const ServiceSchema = Type.Object({
  ...ServiceSummarySchema.properties,
  translations: Type.Object({
    name: Translations,
    description: Translations,
    eligibility_description: Translations,
    fees_description: Translations,
    application_process: Translations,
    schedule_notes: Translations,
  }),
  url: Nullable(Type.String()),
  email: Nullable(Type.String()),
  eligibility_description: Nullable(Type.String()),
  fees_description: Nullable(Type.String()),
  application_process: Nullable(Type.String()),
  schedule_notes: Nullable(Type.String()),
  populations: Type.Array(PopulationCode),
  languages: Type.Array(Type.String()),
  required_documents: Type.Array(Type.Object({ document: Type.String(), translations: Translations })),
  phones: Type.Array(
    Type.Object({
      number: Type.String(),
      extension: Nullable(Type.String()),
      type: Type.String(),
      whatsapp: Type.Boolean(),
      description: Nullable(Type.String()),
    }),
  ),
  schedules: Type.Array(
    Type.Object({
      weekday: Type.Integer({ minimum: 1, maximum: 7 }),
      opens_at: Type.String(),
      closes_at: Type.String(),
    }),
  ),
  locations: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Nullable(Type.String()),
      city: Type.String(),
      admin_area: Nullable(Type.String()),
      country: Type.String(),
      address_visibility: Type.Enum(['full', 'city', 'hidden']),
      address: Nullable(
        Type.Object({
          address_1: Type.String(),
          address_2: Nullable(Type.String()),
          postal_code: Nullable(Type.String()),
        }),
      ),
      latitude: Nullable(Type.Number()),
      longitude: Nullable(Type.Number()),
      transportation: Nullable(Type.String()),
    }),
  ),
});

export const listServicesSchema = {
  tags: ['directory'],
  summary: 'List active services, newest verified first, with filters.',
  querystring: ListServicesQuery,
  response: { 200: ListResponse(ServiceSummarySchema), 400: ErrorResponse },
};

export const getServiceSchema = {
  tags: ['directory'],
  summary: 'One service with its locations, hours, contacts, eligibility and documents.',
  params: IdParams,
  querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
  response: { 200: ServiceSchema, 400: ErrorResponse, 404: ErrorResponse },
};
