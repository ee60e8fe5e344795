// Reads for the country pages: a country's published services counted by need and by city. The same published
// set as the public list for `?country=XX` and the country's pack (packs.repository.ts). The only SQL here.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Translated } from '../../db/schema.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import { shownInResults } from '../freshness/freshness.repository.js';
import { publishedInCountry } from '../packs/packs.repository.js';

export { countriesWithPublishedServices } from '../packs/packs.repository.js';

export async function countrySummary(
  db: Db,
  country: string,
  freshness: FreshnessSettings,
): Promise<{ services: number; lastVerifiedAt: Date | null }> {
  const { rows } = await sql<{ services: number; last_verified_at: Date | null }>`
    SELECT count(*)::int AS services, max(s.last_verified_at) AS last_verified_at
    FROM services s WHERE ${publishedInCountry(country, freshness)}`.execute(db.query);
  const row = rows[0];
  return { services: row?.services ?? 0, lastVerifiedAt: row?.last_verified_at ?? null };
}

/** Needs (taxonomy terms) of the country's published services, in taxonomy order, with how many each. */
export async function countryCategories(
  db: Db,
  country: string,
  freshness: FreshnessSettings,
): Promise<{ code: string; name: Translated; services: number }[]> {
  const { rows } = await sql<{ code: string; name: Translated; services: number }>`
    SELECT tt.code, tt.name, count(DISTINCT s.id)::int AS services
    FROM services s
    JOIN service_taxonomy_terms st ON st.service_id = s.id
    JOIN taxonomy_terms tt ON tt.id = st.taxonomy_term_id
    WHERE ${publishedInCountry(country, freshness)}
    GROUP BY tt.id
    ORDER BY tt.position, tt.code`.execute(db.query);
  return rows;
}

/** Cities of the country with published services, most services first (the list's city filter ignores case). */
export async function countryCities(
  db: Db,
  country: string,
  freshness: FreshnessSettings,
): Promise<{ city: string; services: number }[]> {
  const { rows } = await sql<{ city: string; services: number }>`
    SELECT min(l.city) AS city, count(DISTINCT s.id)::int AS services
    FROM services s
    JOIN service_at_locations sal ON sal.service_id = s.id
    JOIN locations l ON l.id = sal.location_id AND l.country_code = ${country}
    WHERE s.status = 'active' AND ${shownInResults('s.last_verified_at', freshness)}
    GROUP BY lower(l.city)
    ORDER BY services DESC, min(l.city)`.execute(db.query);
  return rows;
}
