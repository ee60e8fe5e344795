// One schema per route: the clusters endpoint the map island reads, with the list's filters.
import { Type, type Static } from 'typebox';
import { CategoryCode, CountryCode, LanguageCode, PopulationCode } from '../../http/common-schema.js';
import { ErrorResponse } from '../../http/pagination.js';

/** The filters the map shares with the services list, so both show the same services. */
export const MapFilterQuery = {
  country: Type.Optional(CountryCode),
  category: Type.Optional(CategoryCode),
  population: Type.Optional(PopulationCode),
  language: Type.Optional(LanguageCode),
};

export const ClustersQuery = Type.Object({
  bbox: Type.String({
    maxLength: 120,
    description: 'west,south,east,north in degrees; west > east crosses the antimeridian.',
  }),
  zoom: Type.Number({ minimum: 0, maximum: 24, description: 'Map zoom; clusters break apart at 17.' }),
  ...MapFilterQuery,
});
export type ClustersQuery = Static<typeof ClustersQuery>;

const ClusterFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({
    type: Type.Literal('Point'),
    coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude]' }),
  }),
  properties: Type.Object({
    cluster: Type.Boolean({ description: 'True for a group of two or more places; a single service never is one.' }),
    cluster_id: Type.Optional(Type.Integer()),
    count: Type.Optional(Type.Integer({ description: 'Places of services in the cluster.' })),
    expansion_zoom: Type.Optional(Type.Integer({ description: 'Zoom at which the cluster breaks apart.' })),
    service_id: Type.Optional(Type.String({ format: 'uuid' })),
  }),
});

export const clustersSchema = {
  tags: ['directory'],
  summary:
    'Clusters and single services inside a bbox at a zoom. Hidden addresses (shelters) are never placed; ' +
    'city-only addresses are placed at rounded coordinates.',
  querystring: ClustersQuery,
  response: {
    200: Type.Object({
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(ClusterFeature),
      truncated: Type.Boolean({ description: 'True when more than 5,000 features matched: zoom in.' }),
    }),
    400: ErrorResponse,
  },
};
