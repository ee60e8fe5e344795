// Reads `near` and `bbox` from the query string, with a clear 400 for each way they can be wrong.
import { AppError } from '../../http/errors.js';
import type { Bbox } from './search.repository.js';
import type { SearchInput } from './search.service.js';

/** `reason` for developers (the API's details), `rule` for the message (see http/error-handler.ts). */
function invalid(field: string, reason: string, rule: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', { field, reason, ...rule });
}

function numbers(field: string, text: string, count: number): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length !== count || parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v))) {
    throw invalid(field, `expected ${count} numbers separated by commas`, { rule: 'numbers', count });
  }
  return values;
}

export function parseNear(text: string): { latitude: number; longitude: number } {
  const [latitude = 0, longitude = 0] = numbers('near', text, 2);
  if (latitude < -90 || latitude > 90)
    throw invalid('near', 'latitude must be between -90 and 90', { rule: 'latitude' });
  if (longitude < -180 || longitude > 180)
    throw invalid('near', 'longitude must be between -180 and 180', { rule: 'longitude' });
  return { latitude, longitude };
}

/** A box west,south,east,north; west > east is a box across the antimeridian (searched as two halves). */
export function parseBbox(text: string): Bbox {
  const [west = 0, south = 0, east = 0, north = 0] = numbers('bbox', text, 4);
  if ([west, east].some((v) => v < -180 || v > 180))
    throw invalid('bbox', 'longitudes must be between -180 and 180', { rule: 'longitude' });
  if ([south, north].some((v) => v < -90 || v > 90))
    throw invalid('bbox', 'latitudes must be between -90 and 90', { rule: 'latitude' });
  if (south > north) throw invalid('bbox', 'south must not be greater than north', { rule: 'south_north' });
  return { west, south, east, north };
}

export interface SearchParams {
  q?: string | undefined;
  near?: string | undefined;
  place?: string | undefined;
  radius_km?: number | undefined;
  bbox?: string | undefined;
  category?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
  country?: string | undefined;
}

export function searchInput(params: SearchParams): SearchInput {
  return {
    q: params.q,
    near: params.near ? parseNear(params.near) : undefined,
    place: params.place?.trim() || undefined,
    radiusKm: params.radius_km,
    bbox: params.bbox ? parseBbox(params.bbox) : undefined,
    category: params.category,
    population: params.population,
    language: params.language,
    country: params.country,
  };
}

/** True when the request asks for a search rather than a plain browse of the list. */
export function isSearch(params: SearchParams): boolean {
  return Boolean(params.q?.trim() || params.near || params.place?.trim() || params.bbox);
}
