// Assembles services for lists and pages from the repository's reads.
import type { Db } from '../../db/db.js';
import { isUuid } from '../../http/common-schema.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import {
  categoriesOfServices,
  findService,
  listServices,
  listServicesByIds,
  placesOfServices,
  serviceDetails,
  type ServiceDetails,
  type ServiceFilters,
  type ServicePlace,
  type ServiceRow,
} from './services.repository.js';

export type { ServiceFilters };

export interface ServiceSummary extends ServiceRow {
  places: ServicePlace[];
  categories: string[];
}

export interface ServiceRecord extends ServiceRow, ServiceDetails {}

export async function browseServices(
  db: Db,
  filters: ServiceFilters,
  window: { limit: number; offset: number },
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<{ items: ServiceSummary[]; total: number }> {
  const { rows, total } = await listServices(db, normalizeFilters(filters), window, freshness);
  return { items: await withPlacesAndCategories(db, rows), total };
}

/** Summaries of active, listed services by id (in no particular order), e.g. for search hits. */
export async function summariesOfServices(
  db: Db,
  ids: string[],
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<ServiceSummary[]> {
  return withPlacesAndCategories(db, await listServicesByIds(db, ids, freshness));
}

async function withPlacesAndCategories(db: Db, rows: ServiceRow[]): Promise<ServiceSummary[]> {
  const ids = rows.map((row) => row.id);
  const [places, categories] = await Promise.all([placesOfServices(db, ids), categoriesOfServices(db, ids)]);
  return rows.map((row) => ({
    ...row,
    places: places.filter((p) => p.service_id === row.id),
    categories: categories.filter((c) => c.service_id === row.id).map((c) => c.code),
  }));
}

/** A service with everything its page shows, or null when the id is unknown or malformed. */
export async function getService(
  db: Db,
  id: string,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<ServiceRecord | null> {
  if (!isUuid(id)) return null;
  const row = await findService(db, id, freshness);
  if (!row) return null;
  return { ...row, ...(await serviceDetails(db, row.id, row.organization_id)) };
}

function normalizeFilters(filters: ServiceFilters): ServiceFilters {
  return {
    ...filters,
    country: filters.country?.toUpperCase(),
    city: filters.city?.trim() || undefined,
  };
}
