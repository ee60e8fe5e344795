// Reads for the HSDS API and exports: the only SQL of the open-data feature. Lists page with limit/offset for the
// API and with keyset (id > after) for streams, so an export never holds more than one batch in memory.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database, HsdsTables } from '../../db/schema.js';

type HsdsDb = Kysely<Database & HsdsTables>;
export const hsdsQuery = (db: Db): HsdsDb => db.query.withTables<HsdsTables>();

export interface Window {
  limit: number;
  offset: number;
}

export interface ServiceSelection {
  search?: string | undefined;
  taxonomyTermId?: string | undefined;
  /** Taxonomy names (Rumbo keys taxonomies by name; their HSDS ids are derived from it). */
  taxonomies?: string[] | undefined;
  organizationId?: string | undefined;
  modifiedAfter?: Date | undefined;
  /** Public lists only show active services; exports and imports see every status. */
  activeOnly?: boolean;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function selectServices(db: Db, selection: ServiceSelection) {
  let query = hsdsQuery(db).selectFrom('services as s');
  if (selection.activeOnly !== false) query = query.where('s.status', '=', 'active');
  if (selection.organizationId) query = query.where('s.organization_id', '=', selection.organizationId);
  if (selection.modifiedAfter) query = query.where('s.updated_at', '>=', selection.modifiedAfter);
  if (selection.search) {
    const pattern = likePattern(selection.search);
    query = query.where((eb) =>
      eb.or([eb(sql`s.name::text`, 'ilike', pattern), eb(sql`s.description::text`, 'ilike', pattern)]),
    );
  }
  const { taxonomyTermId, taxonomies } = selection;
  if (taxonomyTermId || taxonomies) {
    query = query.where(({ exists, selectFrom }) => {
      let terms = selectFrom('service_taxonomy_terms as st')
        .innerJoin('taxonomy_terms as tt', 'tt.id', 'st.taxonomy_term_id')
        .select(sql.lit(1).as('one'))
        .whereRef('st.service_id', '=', 's.id');
      if (taxonomyTermId) terms = terms.where('tt.id', '=', taxonomyTermId);
      if (taxonomies) terms = terms.where('tt.taxonomy', 'in', taxonomies.length ? taxonomies : ['']);
      return exists(terms);
    });
  }
  return query;
}

export async function listServiceRows(db: Db, selection: ServiceSelection, window: Window) {
  const [rows, count] = await Promise.all([
    selectServices(db, selection).selectAll('s').orderBy('s.id').limit(window.limit).offset(window.offset).execute(),
    selectServices(db, selection)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** The next batch of services after `afterId`, in id order (keyset pagination for streams). */
export function serviceRowsAfter(db: Db, selection: ServiceSelection, afterId: string | null, limit: number) {
  let query = selectServices(db, selection).selectAll('s');
  if (afterId) query = query.where('s.id', '>', afterId);
  return query.orderBy('s.id').limit(limit).execute();
}

export function findServiceRow(db: Db, id: string, activeOnly = true) {
  return selectServices(db, { activeOnly }).selectAll('s').where('s.id', '=', id).executeTakeFirst();
}

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findServiceRow>>>;

/** Everything that hangs off many services at once, for nested output. */
export async function serviceRelations(db: Db, serviceIds: string[]) {
  const q = hsdsQuery(db);
  const ids = serviceIds.length ? serviceIds : ['00000000-0000-0000-0000-000000000000'];
  const [phones, schedules, languages, documents, terms, places] = await Promise.all([
    q.selectFrom('phones').selectAll().where('service_id', 'in', ids).orderBy('position').orderBy('id').execute(),
    q
      .selectFrom('schedules')
      .select([
        'id',
        'service_id',
        'location_id',
        'weekday',
        'hsds_extra',
        sql<string>`to_char(opens_at, 'HH24:MI:SS')`.as('opens_at'),
        sql<string>`to_char(closes_at, 'HH24:MI:SS')`.as('closes_at'),
      ])
      .where('service_id', 'in', ids)
      .orderBy('weekday')
      .orderBy('opens_at')
      .execute(),
    q.selectFrom('service_languages').selectAll().where('service_id', 'in', ids).orderBy('language_code').execute(),
    q.selectFrom('required_documents').selectAll().where('service_id', 'in', ids).orderBy('position').execute(),
    q
      .selectFrom('service_taxonomy_terms as st')
      .innerJoin('taxonomy_terms as tt', 'tt.id', 'st.taxonomy_term_id')
      .select(['st.service_id'])
      .selectAll('tt')
      .where('st.service_id', 'in', ids)
      .orderBy('tt.position')
      .execute(),
    q.selectFrom('service_at_locations').selectAll().where('service_id', 'in', ids).orderBy('id').execute(),
  ]);
  return { phones, schedules, languages, documents, terms, places };
}
export type ServiceRelations = Awaited<ReturnType<typeof serviceRelations>>;

/** Locations with their addresses; the presenter decides what of them may be published. */
export async function locationsByIds(db: Db, locationIds: string[]) {
  if (!locationIds.length) return { locations: [], addresses: [] };
  const q = hsdsQuery(db);
  const [locations, addresses] = await Promise.all([
    q.selectFrom('locations').selectAll().where('id', 'in', locationIds).execute(),
    q.selectFrom('addresses').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
  ]);
  return { locations, addresses };
}
export type LocationRows = Awaited<ReturnType<typeof locationsByIds>>;

export function organizationsByIds(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return hsdsQuery(db).selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
}
export type OrganizationRow = Awaited<ReturnType<typeof organizationsByIds>>[number];

function selectOrganizations(db: Db, search: string | undefined) {
  let query = hsdsQuery(db).selectFrom('organizations as o');
  if (search) query = query.where('o.name', 'ilike', likePattern(search));
  return query;
}

export async function listOrganizationRows(db: Db, search: string | undefined, window: Window) {
  const [rows, count] = await Promise.all([
    selectOrganizations(db, search).selectAll('o').orderBy('o.id').limit(window.limit).offset(window.offset).execute(),
    selectOrganizations(db, search)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export function organizationRowsAfter(db: Db, search: string | undefined, afterId: string | null, limit: number) {
  let query = selectOrganizations(db, search).selectAll('o');
  if (afterId) query = query.where('o.id', '>', afterId);
  return query.orderBy('o.id').limit(limit).execute();
}

export function phonesOfOrganizations(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return hsdsQuery(db)
    .selectFrom('phones')
    .selectAll()
    .where('organization_id', 'in', ids)
    .orderBy('position')
    .execute();
}

export function locationIdsOfOrganization(db: Db, organizationId: string) {
  return hsdsQuery(db).selectFrom('locations').select('id').where('organization_id', '=', organizationId).execute();
}
