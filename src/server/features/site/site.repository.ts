// Facts about the whole directory that every page needs.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';

export async function hasDemoData(db: Db): Promise<boolean> {
  const row = await db.query
    .selectFrom('organizations')
    .select(sql<boolean>`true`.as('found'))
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Countries that have at least one location, with how many active services each. */
export function countriesWithServices(db: Db) {
  return db.query
    .selectFrom('locations as l')
    .innerJoin('service_at_locations as sal', 'sal.location_id', 'l.id')
    .select(['l.country_code', sql<number>`count(DISTINCT sal.service_id)::int`.as('services')])
    .groupBy('l.country_code')
    .orderBy('l.country_code')
    .execute();
}

/** Language codes spoken at any service. */
export function spokenLanguages(db: Db) {
  return db.query
    .selectFrom('service_languages')
    .select('language_code')
    .distinct()
    .orderBy('language_code')
    .execute()
    .then((rows) => rows.map((r) => r.language_code));
}
