// Listings as whole documents: load a live organization as one (for editors and moderators, never public: hidden
// addresses included), apply one to the directory tables in a single transaction with its audit trail, and compare.
import type { Db } from '../../db/db.js';
import type { AuditAction } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { recordAudit, type AuditEntry } from '../audit/audit.repository.js';
import { diffListings, type ListingChange } from './listing-diff.js';
import {
  deleteLocations,
  deleteServices,
  foreignIds,
  insertOrganization,
  readListingRows,
  saveLocation,
  saveService,
  taxonomyIdsByCode,
  updateOrganization,
  type Executor,
} from './listing.repository.js';
import type { ListingDocument } from './listing.schema.js';

export { diffListings, type ListingChange } from './listing-diff.js';

export async function loadListingWith(db: Executor, organizationId: string): Promise<ListingDocument | undefined> {
  const rows = await readListingRows(db, organizationId);
  if (!rows) return undefined;
  const { id: _id, ...organization } = rows.organization;
  return { organization, locations: rows.locations, services: rows.services };
}

export function loadListing(db: Db, organizationId: string): Promise<ListingDocument | undefined> {
  return loadListingWith(db.query, organizationId);
}

export interface ListingActor {
  userId: string | null;
  /** Recorded as verified_by and the audit log's updated_by. */
  label: string;
}

/** Ids that new rows take when they are free (a row with a taken id gets a fresh one): an imported listing's HSDS
 * ids, so that importing the same source again finds them live. Live rows keep their ids whatever this says. */
export interface PreferredIds {
  /** For a new organization (organizationId null). */
  organization?: string;
  /** By document key of a new location ("new-<n>"). */
  locations?: Readonly<Record<string, string>>;
  /** By document key of a new service ("new-<n>"). */
  services?: Readonly<Record<string, string>>;
}

export interface ApplyListingInput {
  listing: ListingDocument;
  /** The live organization to update (or merge into); null creates a new one. */
  organizationId: string | null;
  submissionId: string | null;
  actor: ListingActor;
  action?: 'create' | 'update' | 'merge';
  preferredIds?: PreferredIds;
}

const isNewKey = (key: string) => key.startsWith('new-');

/**
 * Writes the document to the directory in one transaction: new keys are inserted, live ids of this organization
 * updated (ids of another organization refused), services and locations the document no longer has deleted; the
 * organization and its services are marked verified now; one audit row per changed field. New rows take their
 * `preferredIds` when those are free.
 */
export async function applyListing(db: Db, input: ApplyListingInput): Promise<{ organizationId: string }> {
  return db.query.transaction().execute((trx) => applyListingWith(trx, input));
}

export async function applyListingWith(trx: Executor, input: ApplyListingInput): Promise<{ organizationId: string }> {
  const { listing, actor, preferredIds: preferred } = input;
  const before = input.organizationId ? await loadListingWith(trx, input.organizationId) : undefined;
  if (input.organizationId && !before) throw new AppError('NOT_FOUND');
  await refuseForeignKeys(trx, input.organizationId, listing);
  const codes = [...new Set(listing.services.flatMap((s) => s.categories))];
  const termIds = await taxonomyIdsByCode(trx, codes);
  const unknown = codes.filter((code) => !termIds.has(code));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', { field: 'categories', value: unknown.join(', '), rule: 'unknown_value' });

  let organizationId = input.organizationId;
  if (organizationId) await updateOrganization(trx, organizationId, listing.organization, actor.label);
  else organizationId = await insertOrganization(trx, listing.organization, actor.label, preferred?.organization);

  // Keys are per kind: "new-1" may name a location and a service at once.
  const locationIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  // New rows get increasing creation times, so they list in the document's order.
  const start = Date.now();
  const createdAt = (index: number) => new Date(start + index);
  for (const [index, location] of listing.locations.entries()) {
    const existing = isNewKey(location.key) ? null : location.key;
    const id = await saveLocation(
      trx,
      organizationId,
      location,
      existing,
      createdAt(index),
      existing ? undefined : preferred?.locations?.[location.key],
    );
    locationIds.set(location.key, id);
  }
  for (const [index, service] of listing.services.entries()) {
    const linked = service.location_keys.map((key) => {
      const id = locationIds.get(key);
      if (!id) throw new AppError('VALIDATION_FAILED', { field: 'location_keys', value: key, rule: 'unknown_value' });
      return id;
    });
    const existing = isNewKey(service.key) ? null : service.key;
    const id = await saveService(trx, organizationId, service, {
      existingId: existing,
      originalLocale: listing.organization.original_locale,
      termIds: service.categories.map((code) => termIds.get(code) as string),
      locationIds: linked,
      verifiedBy: actor.label,
      createdAt: createdAt(index),
      preferredId: existing ? undefined : preferred?.services?.[service.key],
    });
    serviceIds.set(service.key, id);
  }
  const keep = new Set([...locationIds.values(), ...serviceIds.values()]);
  await deleteServices(
    trx,
    organizationId,
    (before?.services ?? []).map((s) => s.key).filter((id) => !keep.has(id)),
  );
  await deleteLocations(
    trx,
    organizationId,
    (before?.locations ?? []).map((l) => l.key).filter((id) => !keep.has(id)),
  );

  const applied = withLiveKeys(listing, locationIds, serviceIds);
  const action = input.action ?? (input.organizationId ? 'update' : 'create');
  await recordAudit(trx, auditEntries(organizationId, before, applied, action, input));
  return { organizationId };
}

/** Live ids in the document must be this organization's own: no editing another listing through this one. */
async function refuseForeignKeys(trx: Executor, organizationId: string | null, listing: ListingDocument) {
  const liveKeys = (items: { key: string }[]) => items.map((i) => i.key).filter((k) => !isNewKey(k));
  const foreign = [
    ...(await foreignIds(trx, 'locations', organizationId, liveKeys(listing.locations))),
    ...(await foreignIds(trx, 'services', organizationId, liveKeys(listing.services))),
  ];
  if (foreign.length) throw new AppError('FORBIDDEN', { ids: foreign.join(', ') });
}

function withLiveKeys(
  listing: ListingDocument,
  locationIds: Map<string, string>,
  serviceIds: Map<string, string>,
): ListingDocument {
  const location = (key: string) => locationIds.get(key) ?? key;
  return {
    organization: listing.organization,
    locations: listing.locations.map((l) => ({ ...l, key: location(l.key) })),
    services: listing.services.map((s) => ({
      ...s,
      key: serviceIds.get(s.key) ?? s.key,
      location_keys: s.location_keys.map(location),
    })),
  };
}

function auditEntries(
  organizationId: string,
  before: ListingDocument | undefined,
  applied: ListingDocument,
  action: 'create' | 'update' | 'merge',
  input: ApplyListingInput,
): AuditEntry[] {
  const existed = (change: ListingChange) => {
    if (!before) return false;
    if (change.resourceType === 'organization') return true;
    const items: { key: string }[] = change.resourceType === 'location' ? before.locations : before.services;
    return items.some((item) => item.key === change.key);
  };
  const stillThere = (change: ListingChange) => {
    if (change.resourceType === 'organization') return true;
    const items: { key: string }[] = change.resourceType === 'location' ? applied.locations : applied.services;
    return items.some((item) => item.key === change.key);
  };
  const common = {
    updatedBy: input.actor.label,
    actorUserId: input.actor.userId,
    submissionId: input.submissionId,
  };
  const entries: AuditEntry[] = [];
  const deleted = new Set<string>();
  for (const change of diffListings(before, applied)) {
    if (change.kind === 'same') continue;
    const resourceId = change.resourceType === 'organization' ? organizationId : change.key;
    if (!stillThere(change)) {
      // A deleted record: one row holding what it was.
      if (deleted.has(resourceId)) continue;
      deleted.add(resourceId);
      const items: { key: string }[] =
        change.resourceType === 'location' ? (before?.locations ?? []) : (before?.services ?? []);
      const previous = items.find((item) => item.key === change.key);
      entries.push({
        ...common,
        resourceId,
        resourceType: change.resourceType,
        action: 'delete',
        fieldName: '',
        previousValue: previous,
        replacementValue: null,
      });
      continue;
    }
    const rowAction: AuditAction = existed(change)
      ? action === 'create'
        ? 'update'
        : action
      : action === 'merge'
        ? 'merge'
        : 'create';
    entries.push({
      ...common,
      resourceId,
      resourceType: change.resourceType,
      action: rowAction,
      fieldName: change.field,
      previousValue: change.before,
      replacementValue: change.after,
    });
  }
  return entries;
}
