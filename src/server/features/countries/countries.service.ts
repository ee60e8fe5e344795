// The country pages' data: which countries have published services, and one country's overview.
import type { Db } from '../../db/db.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import {
  countriesWithPublishedServices,
  countryCategories,
  countryCities,
  countrySummary,
} from './countries.repository.js';

export interface CountryOverview {
  country: string;
  services: number;
  lastVerifiedAt: Date | null;
  categories: Awaited<ReturnType<typeof countryCategories>>;
  cities: Awaited<ReturnType<typeof countryCities>>;
}

export function publishedCountries(db: Db, freshness: FreshnessSettings) {
  return countriesWithPublishedServices(db, freshness);
}

/** A country's overview, or null when the code is not ISO 3166-1 alpha-2 or nothing is published there. */
export async function countryOverview(
  db: Db,
  code: string,
  freshness: FreshnessSettings,
): Promise<CountryOverview | null> {
  const country = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return null;
  const summary = await countrySummary(db, country, freshness);
  if (summary.services === 0) return null;
  const [categories, cities] = await Promise.all([
    countryCategories(db, country, freshness),
    countryCities(db, country, freshness),
  ]);
  return { country, ...summary, categories, cities };
}
