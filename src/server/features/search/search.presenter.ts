// The API's view of a search hit: a service summary plus distance and highlighted segments.
import type { Static } from 'typebox';
import type { Locale } from '../../db/schema.js';
import { presentServiceSummary } from '../services/services.presenter.js';
import type { SearchHitSchema } from './search.schema.js';
import { highlightsOf, type SearchHit } from './search.service.js';

export function presentSearchHit(hit: SearchHit, terms: string[], locale: Locale): Static<typeof SearchHitSchema> {
  const summary = presentServiceSummary(hit, locale);
  return {
    ...summary,
    distance_km: hit.distance_km,
    highlights: highlightsOf(summary.name, summary.description, terms),
  };
}
