// Reads for country packs: the published services of one country (the same set the public list shows for
// `?country=XX`), read in id order in batches, with everything a pack carries. The only SQL of the packs feature.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Locale, Translated } from '../../db/schema.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import { shownInResults } from '../freshness/freshness.repository.js';
import { categoriesOfServices } from '../services/services.repository.js';
import { locationsOfServices, phonesOfServices, schedulesOfServices } from '../services/service-details.repository.js';

/**
 * True when the service aliased `s` is published in `country`: active, verified recently enough to be listed, and
 * given at a location in that country — the public list's rule for `?country=XX` (services.repository.ts).
 */
export function publishedInCountry(country: string, freshness: FreshnessSettings): RawBuilder<SqlBool> {
  return sql<SqlBool>`(s.status = 'active' AND ${shownInResults('s.last_verified_at', freshness)} AND EXISTS (
    SELECT 1 FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id = s.id AND l.country_code = ${country}))`;
}

/**
 * When anything a pack shows of the service aliased `s` (joined to its organization `o`) last changed: the
 * service row (listing edits bump it with its phones, hours and terms), its verification, its organization and
 * its locations.
 */
const CHANGED_AT = sql<Date>`greatest(s.updated_at, s.last_verified_at, o.updated_at, (
  SELECT max(l.updated_at) FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
  WHERE sal.service_id = s.id))`;

export interface PackStamp {
  count: number;
  /** Latest change (ms since the epoch), 0 when empty. */
  latestMs: number;
  /** Order-independent checksum of (id, changed at) over the set, as decimal text. */
  checksum: string;
}

/** A cheap fingerprint of a country's published set: it changes when a service enters, leaves or changes. */
export async function packStamp(db: Db, country: string, freshness: FreshnessSettings): Promise<PackStamp> {
  const { rows } = await sql<{ count: number; latest_ms: string | null; checksum: string | null }>`
    SELECT count(*)::int AS count,
      floor(extract(epoch FROM max(x.changed_at)) * 1000)::bigint::text AS latest_ms,
      sum(hashtextextended(x.id::text || '|' || x.changed_at::text, 0))::text AS checksum
    FROM (
      SELECT s.id, ${CHANGED_AT} AS changed_at
      FROM services s JOIN organizations o ON o.id = s.organization_id
      WHERE ${publishedInCountry(country, freshness)}
    ) x`.execute(db.query);
  const row = rows[0];
  return { count: row?.count ?? 0, latestMs: Number(row?.latest_ms ?? 0), checksum: row?.checksum ?? '0' };
}

export interface PackServiceRow {
  id: string;
  organization_id: string;
  organization_name: string;
  name: Translated;
  description: Translated;
  original_locale: Locale;
  url: string | null;
  email: string | null;
  cost: 'free' | 'low_cost' | 'paid' | 'unknown';
  fees_description: Translated;
  schedule_notes: Translated;
  last_verified_at: Date | null;
}

/**
 * One batch of a country's published services in id order, after `afterId`; with `changedSinceMs`, only those
 * changed after that moment (for deltas).
 */
export function publishedServicesBatch(
  db: Db,
  country: string,
  freshness: FreshnessSettings,
  batch: { afterId: string | null; limit: number; changedSinceMs?: number | undefined },
): Promise<PackServiceRow[]> {
  let query = db.query
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.organization_id',
      'o.name as organization_name',
      's.name',
      's.description',
      's.original_locale',
      's.url',
      's.email',
      's.cost',
      's.fees_description',
      's.schedule_notes',
      's.last_verified_at',
    ])
    .where(publishedInCountry(country, freshness));
  if (batch.afterId) query = query.where('s.id', '>', batch.afterId);
  if (batch.changedSinceMs !== undefined) {
    query = query.where(sql<SqlBool>`${CHANGED_AT} > to_timestamp(${batch.changedSinceMs / 1000}::double precision)`);
  }
  return query.orderBy('s.id').limit(batch.limit).execute();
}

/** Everything a pack shows beyond the service rows, for one batch of services at once. */
export async function packDetails(db: Db, serviceIds: string[], organizationIds: string[]) {
  if (!serviceIds.length) {
    return { locations: [], phones: [], schedules: [], populations: [], languages: [], categories: [] };
  }
  const [locations, phones, schedules, populations, languages, categories] = await Promise.all([
    locationsOfServices(db, serviceIds),
    phonesOfServices(db, serviceIds, [...new Set(organizationIds)]),
    schedulesOfServices(db, serviceIds),
    db.query
      .selectFrom('service_populations')
      .select(['service_id', 'population'])
      .where('service_id', 'in', serviceIds)
      .orderBy('population')
      .execute(),
    db.query
      .selectFrom('service_languages')
      .select(['service_id', 'language_code'])
      .where('service_id', 'in', serviceIds)
      .orderBy('language_code')
      .execute(),
    categoriesOfServices(db, serviceIds),
  ]);
  return { locations, phones, schedules, populations, languages, categories };
}

export type PackDetails = Awaited<ReturnType<typeof packDetails>>;

/** Taxonomy terms by code, with their translated names. */
export function taxonomyTermNames(db: Db) {
  return db.query.selectFrom('taxonomy_terms').select(['code', 'name', 'position']).orderBy('position').execute();
}

/**
 * Ids of services given in `country` that are not published there now but may have been at `sinceMs`: changed
 * since then, or aged out of the results since then. A service moved to another country is not found (best effort;
 * the client checks its count and asks for a full pack when it differs).
 */
export async function removedSince(
  db: Db,
  country: string,
  freshness: FreshnessSettings,
  sinceMs: number,
): Promise<string[]> {
  const since = sql`to_timestamp(${sinceMs / 1000}::double precision)`;
  const hideAfter = sql`make_interval(months => ${Math.trunc(freshness.hideAfterMonths)}::int)`;
  const { rows } = await sql<{ id: string }>`
    SELECT s.id FROM services s JOIN organizations o ON o.id = s.organization_id
    WHERE EXISTS (SELECT 1 FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
        WHERE sal.service_id = s.id AND l.country_code = ${country})
      AND NOT ${publishedInCountry(country, freshness)}
      AND (${CHANGED_AT} > ${since} OR (s.last_verified_at + ${hideAfter} > ${since}
        AND s.last_verified_at + ${hideAfter} <= now()))
    ORDER BY s.id`.execute(db.query);
  return rows.map((r) => r.id);
}

/** Countries with published services, and how many each (a service in two countries counts in both). */
export async function countriesWithPublishedServices(
  db: Db,
  freshness: FreshnessSettings,
): Promise<{ country: string; services: number }[]> {
  const { rows } = await sql<{ country: string; services: number }>`
    SELECT trim(l.country_code) AS country, count(DISTINCT s.id)::int AS services
    FROM services s
    JOIN service_at_locations sal ON sal.service_id = s.id
    JOIN locations l ON l.id = sal.location_id
    WHERE s.status = 'active' AND ${shownInResults('s.last_verified_at', freshness)}
    GROUP BY l.country_code
    ORDER BY l.country_code`.execute(db.query);
  return rows;
}
