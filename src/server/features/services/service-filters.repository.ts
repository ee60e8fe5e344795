// The directory's filters as SQL predicates over a service aliased `s`, shared by every read that filters
// services (the list, the map), so that list and map always agree on what a filter means.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Population } from '../../db/schema.js';

export function serviceHasCategory(code: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM service_taxonomy_terms st JOIN taxonomy_terms tt ON tt.id = st.taxonomy_term_id
    WHERE st.service_id = s.id AND tt.code = ${code})`;
}

export function serviceServesPopulation(population: Population): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM service_populations sp WHERE sp.service_id = s.id AND sp.population = ${population})`;
}

export function serviceSpeaks(language: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM service_languages sl WHERE sl.service_id = s.id AND sl.language_code = ${language})`;
}
