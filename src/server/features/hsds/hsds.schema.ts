// Route schemas of the HSDS 3.0 API (parameters as in the standard's schema/openapi.json, plus the Rumbo profile's
// lat/lon/locale). Response bodies are HSDS objects checked against the official JSON Schemas in the test suite.
import { Type, type Static, type TSchema } from 'typebox';
import { LocaleParam } from '../../http/common-schema.js';
import { ErrorResponse } from '../../http/pagination.js';

export const HSDS_MAX_PER_PAGE = 100;

const Uuid = Type.String({ format: 'uuid' });
const Flag = Type.Boolean();

const PageParams = {
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full text search.' })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page number, from 1.' }),
  per_page: Type.Integer({ minimum: 1, maximum: HSDS_MAX_PER_PAGE, default: 50, description: 'At most 100.' }),
  format: Type.Enum(['json', 'ndjson'], {
    default: 'json',
    description: '`ndjson` streams every result, one per line, without pagination.',
  }),
  locale: Type.Optional(LocaleParam),
};

const ServiceFilterParams = {
  taxonomy_term_id: Type.Optional(Uuid),
  taxonomy_id: Type.Optional(Uuid),
  organization_id: Type.Optional(Uuid),
  modified_after: Type.Optional(Type.String({ format: 'date-time' })),
  full: Type.Optional(Flag),
};

export const ServicesQuery = Type.Object({
  ...PageParams,
  ...ServiceFilterParams,
  minimal: Type.Optional(Flag),
});
export type ServicesQuery = Static<typeof ServicesQuery>;

export const ServiceAtLocationsQuery = Type.Object({
  ...PageParams,
  ...ServiceFilterParams,
  postcode: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  proximity: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,7}$', description: 'Metres from the postcode centroid, or from lat/lon.' }),
  ),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Rumbo profile: search centre.' })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Rumbo profile: search centre.' })),
});
export type ServiceAtLocationsQuery = Static<typeof ServiceAtLocationsQuery>;

export const OrganizationsQuery = Type.Object({
  ...PageParams,
  full_service: Type.Optional(Flag),
  full: Type.Optional(Flag),
});
export type OrganizationsQuery = Static<typeof OrganizationsQuery>;

export const TaxonomiesQuery = Type.Object({ ...PageParams });
export type TaxonomiesQuery = Static<typeof TaxonomiesQuery>;

export const TaxonomyTermsQuery = Type.Object({
  ...PageParams,
  taxonomy_id: Type.Optional(Uuid),
  top_only: Type.Optional(Flag),
  parent_id: Type.Optional(Uuid),
});
export type TaxonomyTermsQuery = Static<typeof TaxonomyTermsQuery>;

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const LocaleQuery = Type.Object({ locale: Type.Optional(LocaleParam) });

/** An HSDS object or page: its shape is the standard's, validated against the official schemas in tests. */
const HsdsBody = Type.Unknown({ description: 'HSDS 3.0 JSON (see /hsds/profile/).' });

const list = <Q extends TSchema>(summary: string, querystring: Q) => ({
  tags: ['hsds'],
  summary,
  querystring,
  response: { 200: HsdsBody, 400: ErrorResponse },
});
const one = <Q extends TSchema = typeof LocaleQuery>(summary: string, querystring?: Q) => ({
  tags: ['hsds'],
  summary,
  params: IdParams,
  querystring: (querystring ?? LocaleQuery) as Q,
  response: { 200: HsdsBody, 400: ErrorResponse, 404: ErrorResponse },
});

export const hsdsSchemas = {
  meta: { tags: ['hsds'], summary: 'HSDS API version, profile and OpenAPI document.', response: { 200: HsdsBody } },
  services: list('Services (one-to-one fields), paginated.', ServicesQuery),
  service: one('One fully nested service.'),
  serviceAtLocations: list('Services at locations, paginated; by postcode or distance.', ServiceAtLocationsQuery),
  serviceAtLocation: one('One fully nested service at a location.'),
  organizations: list('Organizations, paginated.', OrganizationsQuery),
  organization: one(
    'One organization with its services.',
    Type.Object({ locale: Type.Optional(LocaleParam), full_service: Type.Optional(Flag) }),
  ),
  taxonomies: list('Taxonomies, paginated.', TaxonomiesQuery),
  taxonomy: one('One taxonomy.'),
  taxonomyTerms: list('Taxonomy terms, paginated.', TaxonomyTermsQuery),
  taxonomyTerm: one('One taxonomy term.'),
  download: {
    tags: ['hsds'],
    summary: 'Open-data downloads, streamed: HSDS JSON, GeoJSON of locations, HXL-tagged CSV of services.',
    params: Type.Object({ file: Type.Enum(['services.json', 'service-locations.geojson', 'services-hxl.csv']) }),
    response: { 200: Type.Unknown(), 400: ErrorResponse },
  },
  tabularDownload: {
    tags: ['hsds'],
    summary: 'A file of the HSDS tabular data package (CSVs + datapackage.json), as last built by the nightly job.',
    params: Type.Object({ file: Type.String({ pattern: '^[a-z_]{1,40}\\.(csv|json)$' }) }),
    response: { 200: Type.Unknown(), 404: ErrorResponse },
  },
  profileFile: {
    tags: ['hsds'],
    summary: 'The Rumbo HSDS profile: JSON Merge Patches over the HSDS schemas.',
    params: Type.Object({ file: Type.String({ pattern: '^[a-z_]{1,40}\\.json$' }) }),
    response: { 200: HsdsBody, 404: ErrorResponse },
  },
};
