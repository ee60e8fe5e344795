// Details of many services at once — their places with the physical address, phones (their own and their
// organizations'), opening hours — for pages and files that show thousands of services (printed directories,
// country packs); the service page reads them one service at a time.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';

/** The locations of many services, with their physical address (same columns as the service page). */
export function locationsOfServices(db: Db, serviceIds: string[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('service_at_locations as sal')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .leftJoin('addresses as a', (join) =>
      join.onRef('a.location_id', '=', 'l.id').on('a.address_type', '=', 'physical'),
    )
    .select([
      'sal.service_id',
      'l.id',
      'l.name',
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
    ])
    .where('sal.service_id', 'in', serviceIds)
    .orderBy('l.city')
    .orderBy('l.id')
    .execute();
}

/** Phones of many services, and of their organizations (the service page shows both). */
export function phonesOfServices(db: Db, serviceIds: string[], organizationIds: string[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('phones')
    .select(['number', 'extension', 'type', 'whatsapp', 'service_id', 'organization_id'])
    .where((eb) =>
      eb.or([
        eb('service_id', 'in', serviceIds),
        ...(organizationIds.length ? [eb('organization_id', 'in', organizationIds)] : []),
      ]),
    )
    .orderBy('service_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Opening hours of many services. */
export function schedulesOfServices(db: Db, serviceIds: string[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('schedules')
    .select([
      'service_id',
      'weekday',
      sql<string>`to_char(opens_at, 'HH24:MI')`.as('opens_at'),
      sql<string>`to_char(closes_at, 'HH24:MI')`.as('closes_at'),
    ])
    .where('service_id', 'in', serviceIds)
    .orderBy('service_id')
    .orderBy('weekday')
    .orderBy('opens_at')
    .execute();
}
