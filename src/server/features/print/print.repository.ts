// Reads for printed directories: which services a country's directory holds (their addresses, phones and hours come
// in batches from services/service-details.repository.ts). The only SQL of print.
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
