// API: /api/v1/locations — where services are given. Hidden addresses never leave (see locations.presenter).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import { CountryCode, IdParams, isUuid, LocaleParam } from '../../http/common-schema.js';
import { notFound } from '../../http/errors.js';
import { ErrorResponse, ListResponse, PageQuery, pageWindow } from '../../http/pagination.js';
import { apiLocale } from '../../http/api-locale.js';
import { ServiceSchema } from '../services/services.schema.js';
import { findLocation, listLocations, serviceIdsAtLocation } from './locations.repository.js';
import { presentLocation } from './locations.presenter.js';

const LocationSchema = Type.Object({
  ...(ServiceSchema.properties.locations.items as typeof ServiceSchema.properties.locations.items).properties,
  organization_id: Type.String({ format: 'uuid' }),
});
const LocationDetailSchema = Type.Object({
  ...LocationSchema.properties,
  service_ids: Type.Array(Type.String({ format: 'uuid' })),
});

export function locationsApiRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/locations',
      {
        schema: {
          tags: ['directory'],
          summary: 'List locations, by country and city.',
          querystring: Type.Object({
            ...PageQuery,
            country: Type.Optional(CountryCode),
            city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            organization_id: Type.Optional(Type.String({ format: 'uuid' })),
            locale: Type.Optional(LocaleParam),
          }),
          response: { 200: ListResponse(LocationSchema), 400: ErrorResponse },
        },
      },
      async (request) => {
        const { query } = request;
        const locale = apiLocale(request);
        const filters = {
          country: query.country?.toUpperCase(),
          city: query.city,
          organizationId: query.organization_id,
        };
        const { items, total } = await listLocations(db, filters, pageWindow(query));
        return {
          items: items.map((l) => ({
            ...presentLocation(l, locale, l.original_locale),
            organization_id: l.organization_id,
          })),
          total,
          page: query.page,
          per_page: query.per_page,
        };
      },
    );

    app.get(
      '/api/v1/locations/:id',
      {
        schema: {
          tags: ['directory'],
          summary: 'One location and the services given there.',
          params: IdParams,
          querystring: Type.Object({ locale: Type.Optional(LocaleParam) }),
          response: { 200: LocationDetailSchema, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const location = isUuid(request.params.id) ? await findLocation(db, request.params.id) : undefined;
        if (!location) throw notFound();
        const locale = apiLocale(request);
        return {
          ...presentLocation(location, locale, location.original_locale),
          organization_id: location.organization_id,
          service_ids: await serviceIdsAtLocation(db, location.id),
        };
      },
    );
  };
}
