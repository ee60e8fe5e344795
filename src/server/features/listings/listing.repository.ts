// The SQL of listings: read a live organization with everything a listing document holds, and write one back.
// Every function takes a Kysely executor (the app's query builder or a transaction) so applyListing commits as one.
import type { Insertable, Kysely } from 'kysely';
import type { Database, Translated } from '../../db/schema.js';
import type { ListingLocation, ListingOrganization, ListingService } from './listing.schema.js';

export type Executor = Kysely<Database>;

export interface LiveListingRows {
  organization: ListingOrganization & { id: string };
  locations: ListingLocation[];
  services: ListingService[];
}

const hhmm = (time: string) => time.slice(0, 5);

/** The organization, its locations (addresses included, hidden ones too) and its services with all their parts. */
export async function readListingRows(db: Executor, organizationId: string): Promise<LiveListingRows | undefined> {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'description', 'kind', 'email', 'website', 'original_locale'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) return undefined;
  const locations = await db
    .selectFrom('locations')
    .selectAll()
    .where('organization_id', '=', org.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const services = await db
    .selectFrom('services')
    .selectAll()
    .where('organization_id', '=', org.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const locationIds = locations.map((l) => l.id);
  const serviceIds = services.map((s) => s.id);
  const addresses = locationIds.length
    ? await db
        .selectFrom('addresses')
        .select(['location_id', 'address_1', 'postal_code'])
        .where('location_id', 'in', locationIds)
        .where('address_type', '=', 'physical')
        .orderBy('id')
        .execute()
    : [];
  const parts = serviceIds.length ? await readServiceParts(db, serviceIds) : emptyParts();
  return {
    organization: {
      id: org.id,
      name: org.name,
      description: org.description,
      kind: org.kind,
      email: org.email,
      website: org.website,
      original_locale: org.original_locale,
    },
    locations: locations.map((l) => {
      const address = addresses.find((a) => a.location_id === l.id);
      return {
        key: l.id,
        name: l.name,
        country_code: l.country_code.trim(),
        admin_area: l.admin_area,
        city: l.city,
        latitude: l.latitude,
        longitude: l.longitude,
        address_1: address?.address_1 ?? null,
        postal_code: address?.postal_code ?? null,
        address_visibility: l.address_visibility,
        transportation: l.transportation,
      };
    }),
    services: services.map((s) => ({
      key: s.id,
      name: s.name,
      description: s.description,
      categories: of(parts.categories, s.id),
      populations: of(parts.populations, s.id),
      languages: of(parts.languages, s.id),
      cost: s.cost,
      fees_description: s.fees_description,
      application_process: s.application_process,
      schedule_notes: s.schedule_notes,
      hours: of(parts.hours, s.id),
      documents: of(parts.documents, s.id),
      phones: of(parts.phones, s.id),
      email: s.email,
      url: s.url,
      location_keys: of(parts.locationKeys, s.id),
    })),
  };
}

type ByService<T> = Map<string, T[]>;
interface ServiceParts {
  categories: ByService<string>;
  populations: ByService<ListingService['populations'][number]>;
  languages: ByService<string>;
  hours: ByService<ListingService['hours'][number]>;
  documents: ByService<Translated>;
  phones: ByService<ListingService['phones'][number]>;
  locationKeys: ByService<string>;
}

function emptyParts(): ServiceParts {
  return {
    categories: new Map(),
    populations: new Map(),
    languages: new Map(),
    hours: new Map(),
    documents: new Map(),
    phones: new Map(),
    locationKeys: new Map(),
  };
}

function of<T>(map: ByService<T>, id: string): T[] {
  return map.get(id) ?? [];
}

function group<Row extends { service_id: string | null }, T>(rows: Row[], pick: (row: Row) => T): ByService<T> {
  const map: ByService<T> = new Map();
  for (const row of rows) {
    if (!row.service_id) continue;
    const list = map.get(row.service_id) ?? [];
    list.push(pick(row));
    map.set(row.service_id, list);
  }
  return map;
}

async function readServiceParts(db: Executor, ids: string[]): Promise<ServiceParts> {
  // Sequential on purpose: inside a transaction these share one connection.
  const categories = await db
    .selectFrom('service_taxonomy_terms as st')
    .innerJoin('taxonomy_terms as t', 't.id', 'st.taxonomy_term_id')
    .select(['st.service_id', 't.code'])
    .where('st.service_id', 'in', ids)
    .orderBy('t.code')
    .execute();
  const populations = await db
    .selectFrom('service_populations')
    .selectAll()
    .where('service_id', 'in', ids)
    .orderBy('population')
    .execute();
  const languages = await db
    .selectFrom('service_languages')
    .selectAll()
    .where('service_id', 'in', ids)
    .orderBy('language_code')
    .execute();
  const hours = await db
    .selectFrom('schedules')
    .select(['service_id', 'weekday', 'opens_at', 'closes_at'])
    .where('service_id', 'in', ids)
    .orderBy('weekday')
    .orderBy('opens_at')
    .execute();
  const documents = await db
    .selectFrom('required_documents')
    .select(['service_id', 'document'])
    .where('service_id', 'in', ids)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const phones = await db
    .selectFrom('phones')
    .select(['service_id', 'number', 'whatsapp'])
    .where('service_id', 'in', ids)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('service_at_locations as sal')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .select(['sal.service_id', 'sal.location_id'])
    .where('sal.service_id', 'in', ids)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return {
    categories: group(categories, (r) => r.code),
    populations: group(populations, (r) => r.population),
    languages: group(languages, (r) => r.language_code),
    hours: group(hours, (r) => ({ weekday: r.weekday, opens: hhmm(r.opens_at), closes: hhmm(r.closes_at) })),
    documents: group(documents, (r) => r.document),
    phones: group(phones, (r) => ({ number: r.number, whatsapp: r.whatsapp })),
    locationKeys: group(links, (r) => r.location_id),
  };
}

/** Ids of the given taxonomy codes; codes that do not exist are missing from the map. */
export async function taxonomyIdsByCode(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Which of `ids` are locations or services of some other organization (or of none). */
export async function foreignIds(
  db: Executor,
  table: 'locations' | 'services',
  organizationId: string | null,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const own = organizationId
    ? await db
        .selectFrom(table)
        .select('id')
        .where('id', 'in', ids)
        .where('organization_id', '=', organizationId)
        .execute()
    : [];
  const ownIds = new Set(own.map((r) => r.id));
  return ids.filter((id) => !ownIds.has(id));
}

/** Tables whose new rows may take a preferred id. */
type IdTable = 'organizations' | 'locations' | 'services';

/**
 * Inserts a row with `preferredId` when that id is free; with a fresh id when there is none, or it is taken (by any
 * row, of any organization). ON CONFLICT rather than a read first: a conflict does not abort the transaction, and
 * a row inserted meanwhile by another transaction cannot make this one fail.
 */
async function insertWithId<T extends IdTable>(
  db: Executor,
  table: T,
  values: Omit<Insertable<Database[T]>, 'id'>,
  preferredId: string | undefined,
): Promise<string> {
  if (preferredId) {
    const row = await db
      .insertInto(table as IdTable)
      .values({ ...values, id: preferredId } as never)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return row.id;
  }
  const row = await db
    .insertInto(table as IdTable)
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOrganization(
  db: Executor,
  org: ListingOrganization,
  verifiedBy: string,
  /** The id to give it if free (an imported organization's HSDS id); otherwise a fresh one. */
  preferredId?: string,
): Promise<string> {
  return insertWithId(
    db,
    'organizations',
    {
      name: org.name,
      description: JSON.stringify(org.description),
      kind: org.kind,
      email: org.email,
      website: org.website,
      original_locale: org.original_locale,
      last_verified_at: new Date(),
      verified_by: verifiedBy,
    },
    preferredId,
  );
}

export async function updateOrganization(
  db: Executor,
  id: string,
  org: ListingOrganization,
  verifiedBy: string,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({
      name: org.name,
      description: JSON.stringify(org.description),
      kind: org.kind,
      email: org.email,
      website: org.website,
      original_locale: org.original_locale,
      last_verified_at: new Date(),
      verified_by: verifiedBy,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

function locationColumns(location: ListingLocation) {
  return {
    name: JSON.stringify(location.name),
    transportation: JSON.stringify(location.transportation),
    latitude: location.latitude,
    longitude: location.longitude,
    country_code: location.country_code,
    admin_area: location.admin_area,
    city: location.city,
    address_visibility: location.address_visibility,
  };
}

/** Inserts or updates a location and its one physical address; returns its id. */
export async function saveLocation(
  db: Executor,
  organizationId: string,
  location: ListingLocation,
  existingId: string | null,
  /** For a new row: rows are listed by creation time, and one transaction's now() is one instant. */
  createdAt: Date = new Date(),
  /** For a new row: the id to give it if free (see insertWithId). */
  preferredId?: string,
): Promise<string> {
  let id = existingId;
  if (id) {
    await db
      .updateTable('locations')
      .set({ ...locationColumns(location), updated_at: new Date() })
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .execute();
  } else {
    const values = { organization_id: organizationId, ...locationColumns(location), created_at: createdAt };
    id = await insertWithId(db, 'locations', values, preferredId);
  }
  await db.deleteFrom('addresses').where('location_id', '=', id).where('address_type', '=', 'physical').execute();
  if (location.address_1) {
    await db
      .insertInto('addresses')
      .values({
        location_id: id,
        address_1: location.address_1,
        postal_code: location.postal_code,
        state_province: location.admin_area,
        city: location.city,
        country_code: location.country_code,
      })
      .execute();
  }
  return id;
}

function serviceColumns(service: ListingService, originalLocale: ListingOrganization['original_locale']) {
  return {
    name: JSON.stringify(service.name),
    description: JSON.stringify(service.description),
    original_locale: originalLocale,
    url: service.url,
    email: service.email,
    cost: service.cost,
    fees_description: JSON.stringify(service.fees_description),
    application_process: JSON.stringify(service.application_process),
    schedule_notes: JSON.stringify(service.schedule_notes),
  };
}

const SERVICE_PART_TABLES = [
  'service_taxonomy_terms',
  'service_populations',
  'service_languages',
  'schedules',
  'required_documents',
  'phones',
  'service_at_locations',
] as const;

/** Inserts or updates a service and replaces its categories, populations, languages, hours, documents, phones and
 * locations; returns its id. `locationIds` are the ids its location keys resolved to. */
export async function saveService(
  db: Executor,
  organizationId: string,
  service: ListingService,
  options: {
    existingId: string | null;
    originalLocale: ListingOrganization['original_locale'];
    termIds: string[];
    locationIds: string[];
    verifiedBy: string;
    /** For a new row (see saveLocation). */
    createdAt?: Date;
    /** For a new row: the id to give it if free (see insertWithId). */
    preferredId?: string;
  },
): Promise<string> {
  let id = options.existingId;
  const verified = { last_verified_at: new Date(), verified_by: options.verifiedBy };
  if (id) {
    await db
      .updateTable('services')
      .set({ ...serviceColumns(service, options.originalLocale), ...verified, updated_at: new Date() })
      .where('id', '=', id)
      .where('organization_id', '=', organizationId)
      .execute();
    // One statement at a time: a transaction is one connection.
    for (const table of SERVICE_PART_TABLES) await db.deleteFrom(table).where('service_id', '=', id).execute();
  } else {
    const values = {
      organization_id: organizationId,
      ...serviceColumns(service, options.originalLocale),
      ...verified,
      created_at: options.createdAt ?? new Date(),
    };
    id = await insertWithId(db, 'services', values, options.preferredId);
  }
  const serviceId = id;
  if (options.termIds.length) {
    await db
      .insertInto('service_taxonomy_terms')
      .values(options.termIds.map((termId) => ({ service_id: serviceId, taxonomy_term_id: termId })))
      .execute();
  }
  if (service.populations.length) {
    const populations = [...new Set(service.populations)];
    await db
      .insertInto('service_populations')
      .values(populations.map((population) => ({ service_id: serviceId, population })))
      .execute();
  }
  if (service.languages.length) {
    const languages = [...new Set(service.languages)];
    await db
      .insertInto('service_languages')
      .values(languages.map((language_code) => ({ service_id: serviceId, language_code })))
      .execute();
  }
  if (service.hours.length) {
    await db
      .insertInto('schedules')
      .values(
        service.hours.map((h) => ({
          service_id: serviceId,
          weekday: h.weekday,
          opens_at: h.opens,
          closes_at: h.closes,
        })),
      )
      .execute();
  }
  if (service.documents.length) {
    await db
      .insertInto('required_documents')
      .values(
        service.documents.map((document, position) => ({
          service_id: serviceId,
          document: JSON.stringify(document),
          position,
        })),
      )
      .execute();
  }
  if (service.phones.length) {
    await db
      .insertInto('phones')
      .values(
        service.phones.map((p, position) => ({
          service_id: serviceId,
          number: p.number,
          whatsapp: p.whatsapp,
          position,
        })),
      )
      .execute();
  }
  const locationIds = [...new Set(options.locationIds)];
  if (locationIds.length) {
    await db
      .insertInto('service_at_locations')
      .values(locationIds.map((location_id) => ({ service_id: serviceId, location_id })))
      .execute();
  }
  return serviceId;
}

export async function deleteServices(db: Executor, organizationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('services').where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
}

export async function deleteLocations(db: Executor, organizationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('locations').where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
}
