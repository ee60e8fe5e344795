// Reads of organizations and their countries of origin and residence. The only place organizations are queried.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { OrganizationKind } from '../../db/schema.js';

export interface OrganizationFilters {
  kind?: OrganizationKind | undefined;
  /** Diaspora organizations serving people from this country. */
  origin?: string | undefined;
  /** Diaspora organizations whose members live in this country. */
  residence?: string | undefined;
}

const ORGANIZATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.alternate_name',
  'o.description',
  'o.kind',
  'o.email',
  'o.website',
  'o.original_locale',
  'o.is_demo',
  'o.last_verified_at',
  'o.verified_by',
] as const;

function filtered(db: Db, filters: OrganizationFilters) {
  let q = db.query.selectFrom('organizations as o');
  if (filters.kind) q = q.where('o.kind', '=', filters.kind);
  for (const relation of ['origin', 'residence'] as const) {
    const country = filters[relation];
    if (!country) continue;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('organization_countries as oc')
          .select(sql.lit(1).as('one'))
          .whereRef('oc.organization_id', '=', 'o.id')
          .where('oc.relation', '=', relation)
          .where('oc.country_code', '=', country),
      ),
    );
  }
  return q;
}

export async function listOrganizations(
  db: Db,
  filters: OrganizationFilters,
  window: { limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    filtered(db, filters)
      .select(ORGANIZATION_COLUMNS)
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    filtered(db, filters)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export type OrganizationRow = Awaited<ReturnType<typeof listOrganizations>>['rows'][number];

export function findOrganization(db: Db, id: string) {
  return db.query
    .selectFrom('organizations as o')
    .select(ORGANIZATION_COLUMNS)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export function countriesOfOrganizations(db: Db, organizationIds: string[]) {
  if (!organizationIds.length) return Promise.resolve([]);
  return db.query
    .selectFrom('organization_countries')
    .select(['organization_id', 'relation', 'country_code'])
    .where('organization_id', 'in', organizationIds)
    .orderBy('country_code')
    .execute();
}

/** Countries that appear as origin or residence of diaspora organizations, with how many organizations each. */
export function diasporaCountries(db: Db) {
  return db.query
    .selectFrom('organization_countries as oc')
    .innerJoin('organizations as o', 'o.id', 'oc.organization_id')
    .select(['oc.relation', 'oc.country_code', sql<number>`count(*)::int`.as('organizations')])
    .where('o.kind', '=', 'diaspora')
    .groupBy(['oc.relation', 'oc.country_code'])
    .orderBy('oc.country_code')
    .execute();
}

export function phonesOfOrganization(db: Db, organizationId: string) {
  return db.query
    .selectFrom('phones')
    .select(['number', 'extension', 'type', 'whatsapp', 'description'])
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .execute();
}
