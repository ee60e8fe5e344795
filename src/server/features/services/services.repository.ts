// Reads of services and what hangs off them. The only place services are queried.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/db.js';
import { serviceHasCategory, serviceServesPopulation, serviceSpeaks } from './service-filters.repository.js';
import type { Database, Population } from '../../db/schema.js';
import { locationsOfService } from '../locations/locations.repository.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { freshnessOf, shownInResults } from '../freshness/freshness.repository.js';

export interface ServiceFilters {
  country?: string | undefined;
  city?: string | undefined;
  category?: string | undefined;
  population?: Population | undefined;
  language?: string | undefined;
  organizationId?: string | undefined;
}

/** The listed columns plus how fresh the verification is ('fresh' | 'stale' | 'hidden'), computed in SQL. */
function serviceColumns(freshness: FreshnessSettings) {
  return [...SERVICE_COLUMNS, freshnessOf('s.last_verified_at', freshness).as('freshness')] as const;
}

/** The list's columns of a service and its organization (search reads the same for its page of results). */
export const SERVICE_COLUMNS = [
  's.id',
  's.organization_id',
  'o.name as organization_name',
  'o.kind as organization_kind',
  's.name',
  's.description',
  's.original_locale',
  's.status',
  's.cost',
  's.url',
  's.email',
  's.fees_description',
  's.eligibility_description',
  's.application_process',
  's.schedule_notes',
  's.is_demo',
  's.last_verified_at',
  's.verified_by',
  's.updated_at',
] as const;

type Scope = Database & { s: Database['services'] };

function baseQuery(db: Db) {
  return db.query.selectFrom('services as s').innerJoin('organizations as o', 'o.id', 's.organization_id');
}

function applyFilters<O>(
  query: SelectQueryBuilder<Scope, 's', O>,
  filters: ServiceFilters,
  freshness: FreshnessSettings,
) {
  // Listings unverified for too long (or never verified) are left out of public results until verified again;
  // (status, last_verified_at) is the services_listing_order index.
  let q = query.where('s.status', '=', 'active').where(shownInResults('s.last_verified_at', freshness));
  if (filters.organizationId) q = q.where('s.organization_id', '=', filters.organizationId);
  const { country, city, category, population, language } = filters;
  if (country || city) {
    q = q.where(({ exists, selectFrom }) => {
      let places = selectFrom('service_at_locations as sal')
        .innerJoin('locations as l', 'l.id', 'sal.location_id')
        .select(sql.lit(1).as('one'))
        .whereRef('sal.service_id', '=', 's.id');
      if (country) places = places.where('l.country_code', '=', country);
      if (city) places = places.where(sql`lower(l.city)`, '=', city.toLowerCase());
      return exists(places);
    });
  }
  if (category) q = q.where(serviceHasCategory(category));
  if (population) q = q.where(serviceServesPopulation(population));
  if (language) q = q.where(serviceSpeaks(language));
  return q;
}

export type ServiceRow = Awaited<ReturnType<typeof findService>> & {};

export async function listServices(
  db: Db,
  filters: ServiceFilters,
  page: { limit: number; offset: number },
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<{ rows: ServiceRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    applyFilters(db.query.selectFrom('services as s'), filters, freshness)
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .select(serviceColumns(freshness))
      .orderBy(sql`s.last_verified_at DESC NULLS LAST`)
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    // Counted on services alone: every service has its organization (foreign key), so the join adds only cost.
    applyFilters(db.query.selectFrom('services as s'), filters, freshness)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** Active services by id that are shown in results, for search hits. */
export function listServicesByIds(
  db: Db,
  ids: string[],
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<ServiceRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return baseQuery(db)
    .select(serviceColumns(freshness))
    .where('s.id', 'in', ids)
    .where('s.status', '=', 'active')
    .where(shownInResults('s.last_verified_at', freshness))
    .execute();
}

/**
 * An active service by id (inactive and defunct ones are not public). A listing hidden from results for want of
 * verification still answers here, with freshness 'hidden', so its page can say so.
 */
export function findService(db: Db, id: string, freshness: FreshnessSettings = DEFAULT_FRESHNESS) {
  return baseQuery(db)
    .select(serviceColumns(freshness))
    .where('s.id', '=', id)
    .where('s.status', '=', 'active')
    .executeTakeFirst();
}

export interface ServicePlace {
  service_id: string;
  location_id: string;
  city: string;
  admin_area: string | null;
  country_code: string;
}

/** Cities of many services at once, for list pages. */
export function placesOfServices(db: Db, serviceIds: string[]): Promise<ServicePlace[]> {
  if (!serviceIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('service_at_locations as sal')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .select(['sal.service_id', 'l.id as location_id', 'l.city', 'l.admin_area', 'l.country_code'])
    .where('sal.service_id', 'in', serviceIds)
    .orderBy('l.city')
    .execute();
}

/** Category codes of many services at once. */
export function categoriesOfServices(db: Db, serviceIds: string[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('service_taxonomy_terms as st')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 'st.taxonomy_term_id')
    .select(['st.service_id', 'tt.code'])
    .where('st.service_id', 'in', serviceIds)
    .orderBy('tt.position')
    .execute();
}

/** Everything a service page shows beyond the service row itself. */
export async function serviceDetails(db: Db, serviceId: string, organizationId: string) {
  const [locations, phones, schedules, populations, languages, documents, categories] = await Promise.all([
    locationsOfService(db, serviceId),
    db.query
      .selectFrom('phones')
      .select(['id', 'number', 'extension', 'type', 'whatsapp', 'description', 'service_id', 'organization_id'])
      .where((eb) => eb.or([eb('service_id', '=', serviceId), eb('organization_id', '=', organizationId)]))
      .orderBy('service_id')
      .orderBy('position')
      .execute(),
    db.query
      .selectFrom('schedules')
      .select([
        'weekday',
        sql<string>`to_char(opens_at, 'HH24:MI')`.as('opens_at'),
        sql<string>`to_char(closes_at, 'HH24:MI')`.as('closes_at'),
      ])
      .where('service_id', '=', serviceId)
      .orderBy('weekday')
      .orderBy('opens_at')
      .execute(),
    db.query.selectFrom('service_populations').select('population').where('service_id', '=', serviceId).execute(),
    db.query
      .selectFrom('service_languages')
      .select('language_code')
      .where('service_id', '=', serviceId)
      .orderBy('language_code')
      .execute(),
    db.query
      .selectFrom('required_documents')
      .select(['id', 'document'])
      .where('service_id', '=', serviceId)
      .orderBy('position')
      .execute(),
    categoriesOfServices(db, [serviceId]),
  ]);
  return {
    locations,
    phones,
    schedules,
    populations: populations.map((p) => p.population),
    languages: languages.map((l) => l.language_code),
    documents,
    categories: categories.map((c) => c.code),
  };
}

export type ServiceDetails = Awaited<ReturnType<typeof serviceDetails>>;
