// Reads of services at locations for the HSDS API: service filters, postcode and distance. Hidden addresses
// (shelters) never take part in a postcode or distance search, and city-only ones only with rounded coordinates,
// so that repeated searches cannot triangulate a shelter.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import { hsdsQuery, type ServiceSelection, type Window } from './hsds.repository.js';

export interface PlaceSelection extends ServiceSelection {
  postcode?: string | undefined;
  near?: { latitude: number; longitude: number; metres: number } | undefined;
}

const publicLat = sql<number>`CASE WHEN l.address_visibility = 'city' THEN round(l.latitude::numeric, 2)::float8 ELSE l.latitude END`;
const publicLon = sql<number>`CASE WHEN l.address_visibility = 'city' THEN round(l.longitude::numeric, 2)::float8 ELSE l.longitude END`;

function distanceMetres(latitude: number, longitude: number) {
  return sql<number>`6371000 * 2 * asin(least(1, sqrt(
    power(sin(radians(${publicLat} - ${latitude}) / 2), 2)
    + cos(radians(${latitude})) * cos(radians(${publicLat})) * power(sin(radians(${publicLon} - ${longitude}) / 2), 2)
  )))`;
}

/** Centre of the published locations with this postal code, or null when none has it. */
export async function postcodeCentroid(db: Db, postcode: string) {
  const row = await hsdsQuery(db)
    .selectFrom('addresses as a')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .select([sql<number | null>`avg(l.latitude)`.as('latitude'), sql<number | null>`avg(l.longitude)`.as('longitude')])
    .where('l.address_visibility', '=', 'full')
    .where(sql`upper(replace(a.postal_code, ' ', ''))`, '=', postcode.replace(/\s/g, '').toUpperCase())
    .executeTakeFirst();
  return row?.latitude == null || row.longitude == null
    ? null
    : { latitude: Number(row.latitude), longitude: Number(row.longitude) };
}

function selectPlaces(db: Db, selection: PlaceSelection) {
  let query = hsdsQuery(db)
    .selectFrom('service_at_locations as sal')
    .innerJoin('services as s', 's.id', 'sal.service_id')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .where('s.status', '=', 'active');
  if (selection.organizationId) query = query.where('s.organization_id', '=', selection.organizationId);
  if (selection.modifiedAfter) query = query.where('s.updated_at', '>=', selection.modifiedAfter);
  if (selection.search) {
    const pattern = `%${selection.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`s.name::text`, 'ilike', pattern), eb(sql`s.description::text`, 'ilike', pattern)]),
    );
  }
  const { taxonomyTermId, taxonomies } = selection;
  if (taxonomyTermId || taxonomies) {
    query = query.where(({ exists, selectFrom }) => {
      let terms = selectFrom('service_taxonomy_terms as st')
        .innerJoin('taxonomy_terms as tt', 'tt.id', 'st.taxonomy_term_id')
        .select(sql.lit(1).as('one'))
        .whereRef('st.service_id', '=', 's.id');
      if (taxonomyTermId) terms = terms.where('tt.id', '=', taxonomyTermId);
      if (taxonomies) terms = terms.where('tt.taxonomy', 'in', taxonomies.length ? taxonomies : ['']);
      return exists(terms);
    });
  }
  if (selection.postcode && !selection.near) {
    const postcode = selection.postcode.replace(/\s/g, '').toUpperCase();
    query = query.where('l.address_visibility', '=', 'full').where(({ exists, selectFrom }) =>
      exists(
        selectFrom('addresses as a')
          .select(sql.lit(1).as('one'))
          .whereRef('a.location_id', '=', 'l.id')
          .where(sql`upper(replace(a.postal_code, ' ', ''))`, '=', postcode),
      ),
    );
  }
  if (selection.near) {
    const { latitude, longitude, metres } = selection.near;
    query = query
      .where('l.address_visibility', '!=', 'hidden')
      .where(distanceMetres(latitude, longitude), '<=', metres);
  }
  return query;
}

export async function listPlaceRows(db: Db, selection: PlaceSelection, window: Window) {
  const near = selection.near;
  const order = near ? distanceMetres(near.latitude, near.longitude) : sql`sal.id`;
  const [rows, count] = await Promise.all([
    selectPlaces(db, selection)
      .selectAll('sal')
      .orderBy(order)
      .orderBy('sal.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    selectPlaces(db, selection)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export function placeRowsAfter(db: Db, selection: PlaceSelection, afterId: string | null, limit: number) {
  let query = selectPlaces(db, selection).selectAll('sal');
  if (afterId) query = query.where('sal.id', '>', afterId);
  return query.orderBy('sal.id').limit(limit).execute();
}

export function findPlaceRow(db: Db, id: string) {
  return selectPlaces(db, {}).selectAll('sal').where('sal.id', '=', id).executeTakeFirst();
}
export type PlaceRow = NonNullable<Awaited<ReturnType<typeof findPlaceRow>>>;

/** The next batch of locations after `afterId` in id order, with their addresses (for exports). */
export async function locationRowsAfter(db: Db, afterId: string | null, limit: number) {
  let query = hsdsQuery(db).selectFrom('locations').selectAll();
  if (afterId) query = query.where('id', '>', afterId);
  const locations = await query.orderBy('id').limit(limit).execute();
  const ids = locations.map((l) => l.id);
  const addresses = ids.length
    ? await hsdsQuery(db).selectFrom('addresses').selectAll().where('location_id', 'in', ids).orderBy('id').execute()
    : [];
  return { locations, addresses };
}
