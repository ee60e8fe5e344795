// Reads for the map: the position of every active service's places under the list's filters, and a cheap
// fingerprint of the data to know when the cluster index is stale. The only place the map queries.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { monthsAgo, shownInResults } from '../freshness/freshness.repository.js';
import { serviceHasCategory, serviceServesPopulation, serviceSpeaks } from '../services/service-filters.repository.js';
import type { Population } from '../../db/schema.js';

export interface MapFilters {
  country?: string | undefined;
  category?: string | undefined;
  population?: Population | undefined;
  language?: string | undefined;
}

export interface MapPoint {
  service_id: string;
  longitude: number;
  latitude: number;
}

// A city-only address is placed at coordinates rounded to about a kilometre, as the locations API shows it.
const publicLatitude = sql<number>`CASE WHEN l.address_visibility = 'city' THEN round(l.latitude::numeric, 2)::float8 ELSE l.latitude END`;
const publicLongitude = sql<number>`CASE WHEN l.address_visibility = 'city' THEN round(l.longitude::numeric, 2)::float8 ELSE l.longitude END`;

/**
 * Every (service, place) pair to draw. Hidden addresses (shelters) are left out: even a rounded position of a
 * shelter in a small town points at it. They stay in the list under the map.
 */
export async function mapPoints(
  db: Db,
  filters: MapFilters,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<MapPoint[]> {
  let q = db.query
    .selectFrom('service_at_locations as sal')
    .innerJoin('services as s', 's.id', 'sal.service_id')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .select(['s.id as service_id', publicLatitude.as('latitude'), publicLongitude.as('longitude')])
    .where('s.status', '=', 'active')
    // Listings unverified for too long are off the map until verified again.
    .where(shownInResults('s.last_verified_at', freshness))
    .where('l.address_visibility', '<>', 'hidden');
  const { country, category, population, language } = filters;
  if (country) q = q.where('l.country_code', '=', country);
  if (category) q = q.where(serviceHasCategory(category));
  if (population) q = q.where(serviceServesPopulation(population));
  if (language) q = q.where(serviceSpeaks(language));
  return q.execute();
}

/**
 * Changes whenever a service or place is added, removed or edited, or a listing ages out of the results (the
 * index is rebuilt then).
 */
export async function mapDataVersion(db: Db, freshness: FreshnessSettings = DEFAULT_FRESHNESS): Promise<string> {
  const cutoff = monthsAgo(freshness.hideAfterMonths);
  const row = await db.query
    .selectNoFrom([
      sql<string>`(SELECT count(*) || ':' || count(*) FILTER (WHERE last_verified_at >= ${cutoff}) || ':' || coalesce(max(updated_at)::text, '') FROM services)`.as(
        'services',
      ),
      sql<string>`(SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM locations)`.as('locations'),
      sql<string>`(SELECT count(*)::text FROM service_at_locations)`.as('links'),
      sql<string>`(SELECT count(*)::text FROM service_taxonomy_terms)`.as('categories'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.services}|${row.locations}|${row.links}|${row.categories}`;
}
