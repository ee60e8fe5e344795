// Reads of locations with their physical address. The only place locations are queried.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';

export interface LocationFilters {
  country?: string | undefined;
  city?: string | undefined;
  organizationId?: string | undefined;
}

function baseQuery(db: Db) {
  return db.query
    .selectFrom('locations as l')
    .innerJoin('organizations as o', 'o.id', 'l.organization_id')
    .leftJoin('addresses as a', (join) =>
      join.onRef('a.location_id', '=', 'l.id').on('a.address_type', '=', 'physical'),
    );
}

const LOCATION_COLUMNS = [
  'l.id',
  'l.organization_id',
  'o.original_locale',
  'l.name',
  'l.description',
  'l.transportation',
  'l.latitude',
  'l.longitude',
  'l.city',
  'l.admin_area',
  'l.country_code',
  'l.address_visibility',
  'a.address_1',
  'a.address_2',
  'a.postal_code',
  'a.state_province',
] as const;

export async function listLocations(db: Db, filters: LocationFilters, window: { limit: number; offset: number }) {
  let rows = baseQuery(db).select(LOCATION_COLUMNS);
  let count = db.query.selectFrom('locations as l').select(sql<number>`count(*)::int`.as('total'));
  if (filters.country) {
    rows = rows.where('l.country_code', '=', filters.country);
    count = count.where('l.country_code', '=', filters.country);
  }
  if (filters.city) {
    rows = rows.where(sql`lower(l.city)`, '=', filters.city.toLowerCase());
    count = count.where(sql`lower(l.city)`, '=', filters.city.toLowerCase());
  }
  if (filters.organizationId) {
    rows = rows.where('l.organization_id', '=', filters.organizationId);
    count = count.where('l.organization_id', '=', filters.organizationId);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy('l.country_code')
      .orderBy('l.city')
      .orderBy('l.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.total };
}

export function findLocation(db: Db, id: string) {
  return baseQuery(db).select(LOCATION_COLUMNS).where('l.id', '=', id).executeTakeFirst();
}

export function serviceIdsAtLocation(db: Db, locationId: string) {
  return db.query
    .selectFrom('service_at_locations')
    .select('service_id')
    .where('location_id', '=', locationId)
    .execute()
    .then((rows) => rows.map((r) => r.service_id));
}

/** The locations where one service is given, with their physical address. */
export function locationsOfService(db: Db, serviceId: string) {
  return baseQuery(db)
    .innerJoin('service_at_locations as sal', 'sal.location_id', 'l.id')
    .select(LOCATION_COLUMNS)
    .where('sal.service_id', '=', serviceId)
    .orderBy('l.city')
    .execute();
}
