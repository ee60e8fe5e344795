// Reads for printed directories: the addresses, phones and hours of many services at once (the service page reads
// them one service at a time, which would be thousands of queries for a country). The only SQL of print.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import { shownInResults } from '../freshness/freshness.repository.js';
import { serviceHasCategory } from '../services/service-filters.repository.js';

/**
 * The services a country's public list shows (active, verified recently enough, with a place in the country; the
 * same predicates as services.repository's list), light: id, name, categories in taxonomy order and the cities of
 * their places in the country. A directory of thousands is grouped from this; full rows are read only for the
 * part being printed.
 */
export function publishedServicesIn(
  db: Db,
  country: string,
  category: string | undefined,
  freshness: FreshnessSettings,
) {
  let query = db.query
    .selectFrom('services as s')
    .select([
      's.id',
      's.name',
      's.original_locale',
      sql<string[]>`ARRAY(SELECT tt.code FROM service_taxonomy_terms st
        JOIN taxonomy_terms tt ON tt.id = st.taxonomy_term_id WHERE st.service_id = s.id ORDER BY tt.position)`.as(
        'categories',
      ),
      sql<
        string[]
      >`ARRAY(SELECT DISTINCT l.city FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
        WHERE sal.service_id = s.id AND l.country_code = ${country})`.as('cities'),
    ])
    .where('s.status', '=', 'active')
    .where(shownInResults('s.last_verified_at', freshness))
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
        WHERE sal.service_id = s.id AND l.country_code = ${country})`,
    );
  if (category) query = query.where(serviceHasCategory(category));
  return query.execute();
}

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
    .orderBy('weekday')
    .orderBy('opens_at')
    .execute();
}
