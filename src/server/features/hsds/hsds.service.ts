// Assembles HSDS objects from the repositories' reads: pages for the API, and batch-by-batch streams (keyset
// pagination) for `format=ndjson` and the exports, so memory stays flat whatever the size of the directory.
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import { isUuid } from '../../http/common-schema.js';
import { taxonomyId } from './hsds-ids.js';
import {
  findServiceRow,
  listServiceRows,
  locationsByIds,
  organizationsByIds,
  serviceRelations,
  serviceRowsAfter,
  type ServiceRow,
  type ServiceSelection,
} from './hsds.repository.js';
import { taxonomyNames } from './hsds-taxonomy.repository.js';
import { presentFullService, presentServiceSummary, type HsdsObject, type ServiceGraph } from './hsds.presenter.js';

export const STREAM_BATCH = 500;

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsObject[];
}

export function hsdsPage(contents: HsdsObject[], total: number, page: number, perPage: number): HsdsPage {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export const windowOf = (page: number, perPage: number) => ({ limit: perPage, offset: (page - 1) * perPage });

/** Taxonomy names whose derived HSDS id is `id` (none when unknown: the filter then matches nothing). */
export async function taxonomiesWithId(db: Db, id: string | undefined): Promise<string[] | undefined> {
  if (!id) return undefined;
  return (await taxonomyNames(db)).filter((name) => taxonomyId(name) === id);
}

/** What a full service needs beyond its row, for a batch of services at once. */
export async function serviceGraph(db: Db, services: ServiceRow[]): Promise<ServiceGraph> {
  const relations = await serviceRelations(
    db,
    services.map((s) => s.id),
  );
  const locationIds = [...new Set(relations.places.map((p) => p.location_id))];
  const organizationIds = [...new Set(services.map((s) => s.organization_id))];
  const [{ locations, addresses }, organizations] = await Promise.all([
    locationsByIds(db, locationIds),
    organizationsByIds(db, organizationIds),
  ]);
  return {
    relations,
    locations: new Map(
      locations.map((location) => [
        location.id,
        { location, addresses: addresses.filter((a) => a.location_id === location.id) },
      ]),
    ),
    organizations: new Map(organizations.map((o) => [o.id, o])),
  };
}

export interface ServiceListOptions {
  selection: ServiceSelection;
  page: number;
  perPage: number;
  full?: boolean | undefined;
  minimal?: boolean | undefined;
  locale?: Locale | undefined;
}

export async function hsdsServicePage(db: Db, options: ServiceListOptions): Promise<HsdsPage> {
  const { rows, total } = await listServiceRows(db, options.selection, windowOf(options.page, options.perPage));
  return hsdsPage(await presentServices(db, rows, options), total, options.page, options.perPage);
}

async function presentServices(
  db: Db,
  rows: ServiceRow[],
  options: Pick<ServiceListOptions, 'full' | 'minimal' | 'locale'>,
): Promise<HsdsObject[]> {
  if (options.minimal) return rows.map((s) => ({ id: s.id, last_modified: s.updated_at.toISOString() }));
  if (!options.full) return rows.map((s) => presentServiceSummary(s, options.locale));
  const graph = await serviceGraph(db, rows);
  return rows.map((s) => presentFullService(s, graph, options.locale));
}

/** Every selected service, batch by batch, in id order. */
export async function* streamServices(
  db: Db,
  selection: ServiceSelection,
  options: Pick<ServiceListOptions, 'full' | 'minimal' | 'locale'>,
): AsyncGenerator<HsdsObject> {
  let after: string | null = null;
  for (;;) {
    const rows = await serviceRowsAfter(db, selection, after, STREAM_BATCH);
    if (!rows.length) return;
    yield* await presentServices(db, rows, options);
    after = rows[rows.length - 1]?.id ?? null;
    if (rows.length < STREAM_BATCH) return;
  }
}

/** A fully nested active service, or null when the id is unknown or malformed. */
export async function hsdsService(db: Db, id: string, locale?: Locale): Promise<HsdsObject | null> {
  if (!isUuid(id)) return null;
  const row = await findServiceRow(db, id);
  if (!row) return null;
  return presentFullService(row, await serviceGraph(db, [row]), locale);
}
