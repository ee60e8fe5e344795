// Directory-wide facts for page frames and filter menus, cached briefly: they change rarely and every page
// needs them, so no page pays for a scan of the whole directory.
import type { Db } from '../../db/db.js';
import { countriesWithServices, hasDemoData, spokenLanguages } from './site.repository.js';
import { listTaxonomyTerms, type TaxonomyTermRow } from '../taxonomy/taxonomy.repository.js';

export interface SiteFacts {
  demo: boolean;
  countries: { country_code: string; services: number }[];
  languages: string[];
  categories: TaxonomyTermRow[];
}

const TTL_MS = 60_000;

export function siteFacts(db: Db): () => Promise<SiteFacts> {
  let cached: { at: number; facts: Promise<SiteFacts> } | null = null;
  return () => {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const facts = Promise.all([
        hasDemoData(db),
        countriesWithServices(db),
        spokenLanguages(db),
        listTaxonomyTerms(db),
      ]).then(([demo, countries, languages, categories]) => ({
        demo,
        countries: countries.map((c) => ({ ...c, country_code: c.country_code.trim() })),
        languages,
        categories,
      }));
      cached = { at: Date.now(), facts };
      facts.catch(() => {
        cached = null;
      });
    }
    return cached.facts;
  };
}
