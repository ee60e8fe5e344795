// HSDS organizations, services at locations, taxonomies and terms: pages, single records and streams.
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import { isUuid } from '../../http/common-schema.js';
import { taxonomyId } from './hsds-ids.js';
import {
  findServiceRow,
  listOrganizationRows,
  locationIdsOfOrganization,
  locationsByIds,
  organizationRowsAfter,
  organizationsByIds,
  phonesOfOrganizations,
  serviceRowsAfter,
  type OrganizationRow,
} from './hsds.repository.js';
import {
  findPlaceRow,
  listPlaceRows,
  placeRowsAfter,
  postcodeCentroid,
  type PlaceRow,
  type PlaceSelection,
} from './hsds-places.repository.js';
import {
  findTermRow,
  hsdsRecords,
  listTermRows,
  taxonomyNames,
  type TermSelection,
} from './hsds-taxonomy.repository.js';
import {
  presentFullService,
  presentLocation,
  presentOrganization,
  presentPhone,
  presentServiceSummary,
  presentTaxonomy,
  presentTerm,
  type HsdsObject,
} from './hsds.presenter.js';
import { hsdsPage, serviceGraph, STREAM_BATCH, windowOf, type HsdsPage } from './hsds.service.js';

interface Paging {
  page: number;
  perPage: number;
  locale?: Locale | undefined;
}

// --- Organizations

async function presentOrganizations(
  db: Db,
  rows: OrganizationRow[],
  full: boolean,
  fullService: boolean,
  locale?: Locale,
) {
  if (!full && !fullService) return rows.map((o) => presentOrganization(o, locale));
  return Promise.all(rows.map(async (o) => presentOrganizationWithServices(db, o, fullService, locale)));
}

async function presentOrganizationWithServices(
  db: Db,
  organization: OrganizationRow,
  fullService: boolean,
  locale?: Locale,
) {
  const services = await serviceRowsAfter(db, { organizationId: organization.id }, null, 1000);
  const graph = fullService ? await serviceGraph(db, services) : null;
  const [phones, locationIds] = await Promise.all([
    phonesOfOrganizations(db, [organization.id]),
    locationIdsOfOrganization(db, organization.id),
  ]);
  const { locations, addresses } = await locationsByIds(
    db,
    locationIds.map((l) => l.id),
  );
  const original = organization.original_locale;
  return {
    ...presentOrganization(organization, locale),
    services: services.map((s) => (graph ? presentFullService(s, graph, locale) : presentServiceSummary(s, locale))),
    phones: phones.map((p) => presentPhone(p, locale, original)),
    locations: locations.map((l) =>
      presentLocation(
        l,
        addresses.filter((a) => a.location_id === l.id),
        locale,
        original,
      ),
    ),
  };
}

export async function hsdsOrganizationPage(
  db: Db,
  options: Paging & { search?: string | undefined; full?: boolean | undefined; fullService?: boolean | undefined },
): Promise<HsdsPage> {
  const { rows, total } = await listOrganizationRows(db, options.search, windowOf(options.page, options.perPage));
  const contents = await presentOrganizations(db, rows, !!options.full, !!options.fullService, options.locale);
  return hsdsPage(contents, total, options.page, options.perPage);
}

export async function* streamOrganizations(
  db: Db,
  search: string | undefined,
  locale?: Locale,
): AsyncGenerator<HsdsObject> {
  let after: string | null = null;
  for (;;) {
    const rows = await organizationRowsAfter(db, search, after, STREAM_BATCH);
    yield* rows.map((o) => presentOrganization(o, locale));
    if (rows.length < STREAM_BATCH) return;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

export async function hsdsOrganization(db: Db, id: string, fullService: boolean, locale?: Locale) {
  if (!isUuid(id)) return null;
  const [row] = await organizationsByIds(db, [id]);
  return row ? presentOrganizationWithServices(db, row, fullService, locale) : null;
}

// --- Services at locations

/** Resolves postcode/proximity/lat/lon into a distance search; null when the postcode is unknown. */
export async function placeSelection(
  db: Db,
  base: PlaceSelection,
  where: {
    postcode?: string | undefined;
    proximity?: string | undefined;
    lat?: number | undefined;
    lon?: number | undefined;
  },
): Promise<PlaceSelection | null> {
  const metres = where.proximity ? Number(where.proximity) : undefined;
  if (where.lat !== undefined && where.lon !== undefined) {
    return { ...base, near: { latitude: where.lat, longitude: where.lon, metres: metres ?? 10_000 } };
  }
  if (where.postcode && metres !== undefined) {
    const centre = await postcodeCentroid(db, where.postcode);
    return centre ? { ...base, near: { ...centre, metres } } : null;
  }
  return { ...base, postcode: where.postcode };
}

async function presentPlaces(db: Db, rows: PlaceRow[], full: boolean, locale?: Locale): Promise<HsdsObject[]> {
  const serviceIds = [...new Set(rows.map((r) => r.service_id))];
  const services = (await Promise.all(serviceIds.map((id) => findServiceRow(db, id)))).filter((s) => !!s);
  const graph = await serviceGraph(db, services);
  const { locations, addresses } = await locationsByIds(db, [...new Set(rows.map((r) => r.location_id))]);
  return rows.flatMap((place) => {
    const service = services.find((s) => s.id === place.service_id);
    const location = locations.find((l) => l.id === place.location_id);
    if (!service || !location) return [];
    const own = addresses.filter((a) => a.location_id === location.id);
    return [
      {
        id: place.id,
        service_id: place.service_id,
        location_id: place.location_id,
        location: presentLocation(location, own, locale, service.original_locale),
        service: full ? presentFullService(service, graph, locale) : presentServiceSummary(service, locale),
      },
    ];
  });
}

export async function hsdsPlacePage(
  db: Db,
  selection: PlaceSelection | null,
  options: Paging & { full?: boolean | undefined },
): Promise<HsdsPage> {
  if (!selection) return hsdsPage([], 0, options.page, options.perPage);
  const { rows, total } = await listPlaceRows(db, selection, windowOf(options.page, options.perPage));
  return hsdsPage(await presentPlaces(db, rows, !!options.full, options.locale), total, options.page, options.perPage);
}

export async function* streamPlaces(
  db: Db,
  selection: PlaceSelection | null,
  locale?: Locale,
): AsyncGenerator<HsdsObject> {
  if (!selection) return;
  let after: string | null = null;
  for (;;) {
    const rows = await placeRowsAfter(db, selection, after, STREAM_BATCH);
    yield* await presentPlaces(db, rows, false, locale);
    if (rows.length < STREAM_BATCH) return;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

export async function hsdsPlace(db: Db, id: string, locale?: Locale): Promise<HsdsObject | null> {
  if (!isUuid(id)) return null;
  const row = await findPlaceRow(db, id);
  return row ? ((await presentPlaces(db, [row], true, locale))[0] ?? null) : null;
}

// --- Taxonomies and terms

export async function allTaxonomies(db: Db, search?: string): Promise<HsdsObject[]> {
  const [names, kept] = await Promise.all([taxonomyNames(db), hsdsRecords(db, 'taxonomy')]);
  const keptById = new Map(kept.map((k) => [k.id, k.record]));
  const needle = search?.toLowerCase();
  return names
    .filter((name) => !needle || name.toLowerCase().includes(needle))
    .map((name) => presentTaxonomy(name, keptById.get(taxonomyId(name))));
}

export async function hsdsTaxonomy(db: Db, id: string): Promise<HsdsObject | null> {
  return (await allTaxonomies(db)).find((t) => t.id === id) ?? null;
}

export async function hsdsTermPage(db: Db, selection: TermSelection, options: Paging): Promise<HsdsPage> {
  const { rows, total } = await listTermRows(db, selection, windowOf(options.page, options.perPage));
  return hsdsPage(
    rows.map((t) => presentTerm(t, options.locale)),
    total,
    options.page,
    options.perPage,
  );
}

export async function hsdsTerm(db: Db, id: string, locale?: Locale): Promise<HsdsObject | null> {
  if (!isUuid(id)) return null;
  const row = await findTermRow(db, id);
  return row ? presentTerm(row, locale) : null;
}
