// The single-file open-data downloads, as streams of text chunks (so a route or a file can consume them with
// backpressure): the HSDS JSON form, GeoJSON of service locations (RFC 7946) and an HXL-tagged CSV of services.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../../db/db.js';
import { streamServices } from '../hsds.service.js';
import type { HsdsObject } from '../hsds.presenter.js';
import { publicLocations } from './public-locations.js';

export const FILE_EXPORTS = {
  'services.json': { type: 'application/json; charset=utf-8', build: servicesJson },
  'service-locations.geojson': { type: 'application/geo+json; charset=utf-8', build: serviceLocationsGeoJson },
  'services-hxl.csv': { type: 'text/csv; charset=utf-8', build: servicesHxlCsv },
} as const;
export type FileExportName = keyof typeof FILE_EXPORTS;

/**
 * A file as text around a stream of records: what comes before, each record's text, what comes after. The
 * export's single pass over the database feeds several formats record by record; a download streams one.
 */
export interface TextFormat {
  head: string;
  item(record: HsdsObject, index: number): string;
  tail: string;
}

async function* formatted(format: TextFormat, records: AsyncIterable<HsdsObject>): AsyncGenerator<string> {
  yield format.head;
  let index = 0;
  for await (const record of records) yield format.item(record, index++);
  yield format.tail;
}

/** Every service, fully nested, as one JSON array (the HSDS JSON form). */
export const SERVICES_JSON: TextFormat = {
  head: '[\n',
  item: (service, index) => `${index ? ',\n' : ''}${JSON.stringify(service)}`,
  tail: '\n]\n',
};

/** A FeatureCollection of locations; a hidden address is a feature with a null geometry (no coordinates). */
export const LOCATIONS_GEOJSON: TextFormat = {
  head: '{"type":"FeatureCollection","features":[\n',
  item: (location, index) => {
    const { latitude, longitude } = location;
    const geometry =
      typeof latitude === 'number' && typeof longitude === 'number'
        ? { type: 'Point', coordinates: [longitude, latitude] }
        : null;
    const properties = {
      id: location.id,
      organization_id: location.organization_id,
      name: location.name,
      city: location.city,
      admin_area: location.admin_area,
      country: location.country,
      address_visibility: location.address_visibility,
    };
    return `${index ? ',\n' : ''}${JSON.stringify({ type: 'Feature', id: location.id, geometry, properties })}`;
  },
  tail: '\n]}\n',
};

export function servicesJson(db: Db): AsyncGenerator<string> {
  return formatted(SERVICES_JSON, streamServices(db, { activeOnly: false }, { full: true }));
}

export function serviceLocationsGeoJson(db: Db): AsyncGenerator<string> {
  return formatted(LOCATIONS_GEOJSON, publicLocations(db));
}

export function servicesHxlCsv(db: Db): AsyncGenerator<string> {
  return formatted(SERVICES_HXL, streamServices(db, { activeOnly: false }, { full: true }));
}

const HXL_COLUMNS: [header: string, tag: string, value: (s: HsdsObject, place: HsdsObject | undefined) => unknown][] = [
  ['Service id', '#activity+code', (s) => s.id],
  ['Service', '#activity+name', (s) => s.name],
  ['Organization id', '#org+code', (s) => s.organization_id],
  ['Organization', '#org+name', (s) => (s.organization as HsdsObject | undefined)?.name],
  [
    'Categories',
    '#sector+code',
    (s) => (s.attributes as HsdsObject[]).map((a) => (a.taxonomy_term as HsdsObject).code).join(' '),
  ],
  ['Status', '#status', (s) => s.status],
  ['Country', '#country+code', (_s, p) => p?.country],
  ['Admin area', '#adm1+name', (_s, p) => p?.admin_area],
  ['City', '#loc+name', (_s, p) => p?.city],
  ['Latitude', '#geo+lat', (_s, p) => p?.latitude],
  ['Longitude', '#geo+lon', (_s, p) => p?.longitude],
  ['Phone', '#contact+phone', (s) => (s.phones as HsdsObject[])[0]?.number],
  ['Email', '#contact+email', (s) => s.email],
  ['Website', '#contact+url', (s) => s.url],
  ['Cost', '#indicator+cost', (s) => s.cost],
  ['Last verified', '#date+verified', (s) => s.assured_date],
];

/** One row per service (its first location), with an HXL hashtag row under the header. */
export const SERVICES_HXL: TextFormat = {
  head: stringify([HXL_COLUMNS.map(([header]) => header), HXL_COLUMNS.map(([, tag]) => tag)]),
  item: (service) => {
    const place = ((service.service_at_locations as HsdsObject[])[0]?.location ?? undefined) as HsdsObject | undefined;
    return stringify([HXL_COLUMNS.map(([, , value]) => value(service, place) ?? '')]);
  },
  tail: '',
};
