// Organizations with their countries, for lists, pages and the API.
import type { Db } from '../../db/db.js';
import { isUuid } from '../../http/common-schema.js';
import {
  countriesOfOrganizations,
  findOrganization,
  listOrganizations,
  phonesOfOrganization,
  type OrganizationFilters,
  type OrganizationRow,
} from './organizations.repository.js';

export interface OrganizationSummary extends OrganizationRow {
  origin_countries: string[];
  residence_countries: string[];
}

export async function browseOrganizations(
  db: Db,
  filters: OrganizationFilters,
  window: { limit: number; offset: number },
): Promise<{ items: OrganizationSummary[]; total: number }> {
  const { rows, total } = await listOrganizations(db, normalize(filters), window);
  return { items: await withCountries(db, rows), total };
}

export async function getOrganization(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const row = await findOrganization(db, id);
  if (!row) return null;
  const [[organization], phones] = await Promise.all([withCountries(db, [row]), phonesOfOrganization(db, id)]);
  return organization ? { ...organization, phones } : null;
}

export type OrganizationRecord = NonNullable<Awaited<ReturnType<typeof getOrganization>>>;

async function withCountries(db: Db, rows: OrganizationRow[]): Promise<OrganizationSummary[]> {
  const countries = await countriesOfOrganizations(
    db,
    rows.map((r) => r.id),
  );
  const of = (id: string, relation: 'origin' | 'residence') =>
    countries.filter((c) => c.organization_id === id && c.relation === relation).map((c) => c.country_code);
  return rows.map((row) => ({
    ...row,
    origin_countries: of(row.id, 'origin'),
    residence_countries: of(row.id, 'residence'),
  }));
}

function normalize(filters: OrganizationFilters): OrganizationFilters {
  return { ...filters, origin: filters.origin?.toUpperCase(), residence: filters.residence?.toUpperCase() };
}
