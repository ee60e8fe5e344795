import { Type, type Static } from 'typebox';
import { CountryCode, IdParams, LocaleParam, Nullable, Translations } from '../../http/common-schema.js';
import { ErrorResponse, ListResponse, PageQuery } from '../../http/pagination.js';
import { ORGANIZATION_KINDS } from '../../db/schema.js';

export const OrganizationFilterQuery = {
  kind: Type.Optional(Type.Enum([...ORGANIZATION_KINDS])),
  origin: Type.Optional(CountryCode),
  residence: Type.Optional(CountryCode),
};

export const ListOrganizationsQuery = Type.Object({
  ...PageQuery,
  ...OrganizationFilterQuery,
  locale: Type.Optional(LocaleParam),
});
export type ListOrganizationsQuery = Static<typeof ListOrganizationsQuery>;

export const OrganizationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  alternate_name: Nullable(Type.String()),
  description: Type.String(),
  text_locale: Type.String(),
  translations: Type.Object({ description: Translations }),
  kind: Type.Enum([...ORGANIZATION_KINDS]),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  origin_countries: Type.Array(Type.String(), { description: 'Diaspora: countries of origin of the people served.' }),
  residence_countries: Type.Array(Type.String(), { description: 'Diaspora: countries where the members live.' }),
  last_verified_at: Nullable(Type.String({ format: 'date-time' })),
  verified_by: Nullable(Type.String()),
  is_demo: Type.Boolean(),
});

export const OrganizationDetailSchema = Type.Object({
  ...OrganizationSchema.properties,
  phones: Type.Array(
    Type.Object({
      number: Type.String(),
      extension: Nullable(Type.String()),
      type: Type.String(),
      whatsapp: Type.Boolean(),
    }),
  ),
});

export const listOrganizationsSchema = {
  tags: ['directory'],
  summary: 'List organizations; diaspora organizations by country of origin and of residence.',
  querystring: ListOrganizationsQuery,
  response: { 200: ListResponse(OrganizationSchema), 400: ErrorResponse },
};

export const getOrganizationSchema = {
  tags: ['directory'],
  summary: 'One organization.',
  params: IdParams,
  querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
  response: { 200: OrganizationDetailSchema, 400: ErrorResponse, 404: ErrorResponse },
};
