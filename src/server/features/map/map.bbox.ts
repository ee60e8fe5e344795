// A bounding box from the query string, "west,south,east,north" in degrees. West may exceed east: the box then
// crosses the antimeridian (supercluster answers both halves).
import { AppError } from '../../http/errors.js';

export type Bbox = [west: number, south: number, east: number, north: number];

const NUMBER = /^-?\d{1,3}(\.\d{1,12})?$/;

/** Parses and checks a bbox; throws VALIDATION_FAILED naming what is wrong. */
export function parseBbox(raw: string): Bbox {
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p.trim()))) {
    throw invalid('expected four numbers: west,south,east,north', { rule: 'numbers', count: 4 });
  }
  const [west, south, east, north] = parts.map(Number) as Bbox;
  if ([west, east].some((lon) => lon < -180 || lon > 180))
    throw invalid('longitude must be between -180 and 180', { rule: 'longitude' });
  if ([south, north].some((lat) => lat < -90 || lat > 90))
    throw invalid('latitude must be between -90 and 90', { rule: 'latitude' });
  if (south >= north) throw invalid('south must be less than north', { rule: 'south_north' });
  if (west === east) throw invalid('west and east must differ', { rule: 'west_east' });
  return [west, south, east, north];
}

/** `reason` for developers (the API's details), `rule` for the message (see http/error-handler.ts). */
function invalid(reason: string, rule: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', { field: 'bbox', reason, ...rule });
}
