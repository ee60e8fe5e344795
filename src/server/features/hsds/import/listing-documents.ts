// An unverified import's planned rows as listing documents (listings/listing.schema.ts), one per organization, so
// that moderation can review them like any submission. A live organization's document starts from its live listing
// (keys are live ids, so approval updates in place) and takes the import's records on top; a new one starts empty
// (keys "new-<n>", each with the HSDS id that approval gives the row when it is free). A record a document cannot carry — a postal address, a fax number, an inactive service, a
// location that is another organization's — is kept whole with the reason, and so is every record of a location,
// service or whole document that does not pass the listing schema (its limits included).
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Translated } from '../../../db/schema.js';
import {
  ListingDocument,
  ListingLocation,
  ListingService,
  type ListingDocument as Listing,
  type ListingLocation as Location,
  type ListingService as Service,
} from '../../listings/listing.schema.js';
import { idOf, type ImportPlan } from './import-plan.js';
import type { Row } from './record-mapping.js';
import type { SourceRecord } from './source-record.js';

export interface KeptRecord {
  source: SourceRecord;
  reason: string;
  field?: string;
}

export interface ListingDraft {
  organizationId: string;
  /** True when the organization is already live: the document is an edit of its live listing. */
  live: boolean;
  listing: Listing;
  /** The records the document carries. */
  sources: SourceRecord[];
  /** HSDS id of each new location and service, by its key in the document: approval gives them these ids. */
  hsdsIds: NewKeyIds;
}

export interface NewKeyIds {
  locations: Record<string, string>;
  services: Record<string, string>;
}

export interface LiveContext {
  /** Live listings of the live organizations the import touches. */
  listings: Map<string, Listing>;
  /** Organization of each live location and service the import names. */
  owners: Map<string, string>;
  termCodes: Map<string, string>;
}

const text = (value: unknown): Translated => (typeof value === 'string' ? (JSON.parse(value) as Translated) : {});
const nullable = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const addOnce = <T>(list: T[], item: T) => {
  if (!list.some((x) => same(x, item))) list.push(item);
};

/** Value.Check without narrowing: a document item that fails is still a document item. */
const fits = (schema: TSchema, value: unknown): boolean => Value.Check(schema, value);

function firstError(schema: TSchema, value: unknown): string {
  for (const error of Value.Errors(schema, value)) return `${error.instancePath || '/'} ${error.message}`;
  return 'does not fit a listing';
}

class Draft {
  readonly locationKeys = new Map<string, string>();
  readonly serviceKeys = new Map<string, string>();
  /** Records carried, per document key of a location or service ('' for the organization). */
  readonly sources = new Map<string, SourceRecord[]>();
  private next = { location: 0, service: 0 };

  constructor(
    readonly organizationId: string,
    readonly live: boolean,
    readonly listing: Listing,
  ) {
    for (const l of listing.locations) this.locationKeys.set(l.key, l.key);
    for (const s of listing.services) this.serviceKeys.set(s.key, s.key);
  }

  carry(key: string, source: SourceRecord) {
    const list = this.sources.get(key);
    if (list) list.push(source);
    else this.sources.set(key, [source]);
  }

  newKey(kind: 'location' | 'service') {
    this.next[kind] += 1;
    return `new-${this.next[kind]}`;
  }

  location(hsdsId: string): Location | undefined {
    const key = this.locationKeys.get(hsdsId);
    return key === undefined ? undefined : this.listing.locations.find((l) => l.key === key);
  }

  service(hsdsId: string): Service | undefined {
    const key = this.serviceKeys.get(hsdsId);
    return key === undefined ? undefined : this.listing.services.find((s) => s.key === key);
  }
}

export function buildListings(plan: ImportPlan, context: LiveContext): { drafts: ListingDraft[]; kept: KeptRecord[] } {
  const drafts = new Map<string, Draft>();
  const kept: KeptRecord[] = [];
  const keep = (source: SourceRecord, reason: string, field?: string) =>
    kept.push(field ? { source, reason, field } : { source, reason });
  const rows = new Map(plan.tables.map((t) => [t.resource, t.rows]));
  const planned = (resource: string) => rows.get(resource) ?? [];

  const organizationRows = new Map(planned('organization').map((p) => [idOf(p.source), p.row]));
  const draftOf = (organizationId: string): Draft | undefined => {
    let draft = drafts.get(organizationId);
    if (draft) return draft;
    const live = context.listings.get(organizationId);
    const row = organizationRows.get(organizationId);
    if (!live && !row) return undefined;
    const listing: Listing = live
      ? structuredClone(live)
      : { organization: organization(row ?? {}), locations: [], services: [] };
    draft = new Draft(organizationId, Boolean(live), listing);
    drafts.set(organizationId, draft);
    return draft;
  };
  // Which organization's document holds an input or live location or service.
  const inputOwner = new Map<string, string>();
  for (const resource of ['location', 'service']) {
    for (const p of planned(resource)) inputOwner.set(idOf(p.source), String(p.row.organization_id));
  }
  const ownerOf = (id: string) => inputOwner.get(id) ?? context.owners.get(id);

  for (const { source, row } of planned('organization')) {
    const draft = draftOf(idOf(source));
    if (!draft) continue;
    draft.listing.organization = organization(row);
    draft.carry('', source);
  }

  for (const { source, row } of planned('location')) {
    const id = idOf(source);
    const organizationId = String(row.organization_id);
    const liveOwner = context.owners.get(id);
    if (liveOwner && liveOwner !== organizationId) {
      keep(source, `the location is organization ${liveOwner}'s in Rumbo; a listing cannot take it`, 'organization_id');
      continue;
    }
    const draft = draftOf(organizationId);
    if (!draft) continue;
    const existing = draft.location(id);
    const fields = location(row, existing);
    if (existing) Object.assign(existing, fields);
    else {
      const key = draft.newKey('location');
      draft.locationKeys.set(id, key);
      draft.listing.locations.push({ key, ...fields });
    }
    draft.carry(draft.locationKeys.get(id) ?? id, source);
  }

  const addressed = new Set<string>();
  for (const { source, row } of planned('address')) {
    const locationId = String(row.location_id);
    const draft = draftOf(ownerOf(locationId) ?? '');
    const target = draft?.location(locationId);
    if (!draft || !target) {
      keep(source, `location ${locationId} is not part of a listing in this import`, 'location_id');
      continue;
    }
    if (row.address_type !== 'physical' || addressed.has(locationId)) {
      keep(source, 'a listing holds one physical address per location', 'address_type');
      continue;
    }
    addressed.add(locationId);
    target.address_1 = nullable(row.address_1);
    target.postal_code = nullable(row.postal_code);
    draft.carry(target.key, source);
  }

  for (const { source, row } of planned('service')) {
    const id = idOf(source);
    const organizationId = String(row.organization_id);
    const liveOwner = context.owners.get(id);
    if (liveOwner && liveOwner !== organizationId) {
      keep(source, `the service is organization ${liveOwner}'s in Rumbo; a listing cannot take it`, 'organization_id');
      continue;
    }
    if (row.status !== 'active') {
      keep(source, `a listing under moderation lists active services only, not "${String(row.status)}"`, 'status');
      continue;
    }
    const draft = draftOf(organizationId);
    if (!draft) continue;
    const existing = draft.service(id);
    const fields = service(row);
    if (existing) Object.assign(existing, fields);
    else {
      const key = draft.newKey('service');
      draft.serviceKeys.set(id, key);
      draft.listing.services.push({ key, ...fields, ...NO_PARTS() });
    }
    draft.carry(draft.serviceKeys.get(id) ?? id, source);
  }

  /** The document and service a record of a service's part belongs to; keeps the record when there is none. */
  const serviceOf = (source: SourceRecord, serviceId: unknown) => {
    const id = String(serviceId);
    const draft = draftOf(ownerOf(id) ?? '');
    const target = draft?.service(id);
    if (!draft || !target) {
      keep(source, `service ${id} is not part of a listing in this import`, 'service_id');
      return undefined;
    }
    draft.carry(target.key, source);
    return { draft, target };
  };

  for (const { source, row } of planned('service_at_location')) {
    const locationId = String(row.location_id);
    if (ownerOf(locationId) !== ownerOf(String(row.service_id))) {
      keep(source, 'the service and the location belong to different organizations', 'location_id');
      continue;
    }
    const found = serviceOf(source, row.service_id);
    const key = found?.draft.locationKeys.get(locationId);
    if (!found) continue;
    if (key === undefined) {
      keep(source, `location ${locationId} is not part of the listing`, 'location_id');
      continue;
    }
    addOnce(found.target.location_keys, key);
  }

  for (const { source, row } of planned('phone')) {
    if (!row.service_id) {
      keep(source, "a listing holds its services' phones only", 'service_id');
      continue;
    }
    if (row.type !== 'voice' && row.type !== 'hotline') {
      keep(source, `a listing holds voice phones only, not "${String(row.type)}"`, 'type');
      continue;
    }
    if (row.extension !== null) {
      keep(source, "a listing's phone has no extension", 'extension');
      continue;
    }
    const found = serviceOf(source, row.service_id);
    if (found) addOnce(found.target.phones, { number: String(row.number), whatsapp: row.whatsapp === true });
  }

  for (const { source, row } of planned('schedule')) {
    const [opens, closes] = [String(row.opens_at), String(row.closes_at)];
    const toTheMinute = (time: string) => time.length === 5 || time.endsWith(':00');
    if (!toTheMinute(opens) || !toTheMinute(closes)) {
      keep(source, 'a listing keeps hours to the minute', 'opens_at');
      continue;
    }
    const found = serviceOf(source, row.service_id);
    const hours = { weekday: Number(row.weekday), opens: opens.slice(0, 5), closes: closes.slice(0, 5) };
    if (found) addOnce(found.target.hours, hours);
  }

  for (const { source, row } of planned('required_document')) {
    const found = serviceOf(source, row.service_id);
    if (found) addOnce(found.target.documents, text(row.document));
  }

  for (const { source, row } of plan.links.language) {
    const found = serviceOf(source, row.service_id);
    if (found) addOnce(found.target.languages, String(row.language_code));
  }

  for (const { source, row } of plan.links.attribute) {
    const code = context.termCodes.get(String(row.taxonomy_term_id));
    const found = code === undefined ? undefined : serviceOf(source, row.service_id);
    if (found && code !== undefined) addOnce(found.target.categories, code);
  }

  const out: ListingDraft[] = [];
  for (const draft of drafts.values()) {
    const checked = checkDraft(draft, keep);
    if (checked) out.push(checked);
  }
  return { drafts: out, kept };
}

/** Drops locations and services that fail the listing schema (keeping their records), then checks the whole. */
function checkDraft(draft: Draft, keep: (source: SourceRecord, reason: string, field?: string) => void) {
  const { listing } = draft;
  // A live location or service missing from an edit would be deleted on approval: then the whole edit waits.
  const isNew = (key: string) => key.startsWith('new-');
  const drop = (key: string, reason: string) => {
    for (const source of draft.sources.get(key) ?? []) keep(source, reason);
    draft.sources.delete(key);
  };
  for (const l of [...listing.locations]) {
    if (fits(ListingLocation, l) || !isNew(l.key)) continue;
    drop(l.key, `the location does not fit a listing: ${firstError(ListingLocation, l)}`);
    listing.locations = listing.locations.filter((x) => x !== l);
    for (const s of listing.services) s.location_keys = s.location_keys.filter((k) => k !== l.key);
  }
  for (const s of [...listing.services]) {
    if (fits(ListingService, s) || !isNew(s.key)) continue;
    drop(s.key, `the service does not fit a listing: ${firstError(ListingService, s)}`);
    listing.services = listing.services.filter((x) => x !== s);
  }
  const sources = [...draft.sources.values()].flat();
  if (!sources.length) return undefined;
  if (!fits(ListingDocument, listing)) {
    const reason = `organization ${draft.organizationId} does not make a listing to moderate: ${firstError(ListingDocument, listing)}`;
    for (const source of sources) keep(source, reason);
    return undefined;
  }
  return { organizationId: draft.organizationId, live: draft.live, listing, sources, hsdsIds: newKeyIds(draft) };
}

/** The HSDS id behind each "new-<n>" key still in the document. */
function newKeyIds(draft: Draft): NewKeyIds {
  const ids = (keys: Map<string, string>, items: { key: string }[]) => {
    const inDocument = new Set(items.map((i) => i.key));
    const out: Record<string, string> = {};
    for (const [hsdsId, key] of keys) if (key.startsWith('new-') && inDocument.has(key)) out[key] = hsdsId;
    return out;
  };
  return {
    locations: ids(draft.locationKeys, draft.listing.locations),
    services: ids(draft.serviceKeys, draft.listing.services),
  };
}

const NO_PARTS = () => ({
  categories: [],
  populations: [],
  languages: [],
  hours: [],
  documents: [],
  phones: [],
  location_keys: [],
});

function organization(row: Row): Listing['organization'] {
  return {
    name: String(row.name ?? ''),
    description: text(row.description),
    kind: row.kind as Listing['organization']['kind'],
    email: nullable(row.email),
    website: nullable(row.website),
    original_locale: row.original_locale as Listing['organization']['original_locale'],
  };
}

function location(row: Row, existing: Location | undefined): Omit<Location, 'key'> {
  return {
    name: text(row.name),
    country_code: String(row.country_code),
    admin_area: nullable(row.admin_area),
    city: String(row.city),
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    address_1: existing?.address_1 ?? null,
    postal_code: existing?.postal_code ?? null,
    address_visibility: row.address_visibility as Location['address_visibility'],
    transportation: text(row.transportation),
  };
}

function service(row: Row) {
  return {
    name: text(row.name),
    description: text(row.description),
    cost: row.cost as Service['cost'],
    fees_description: text(row.fees_description),
    application_process: text(row.application_process),
    schedule_notes: text(row.schedule_notes),
    email: nullable(row.email),
    url: nullable(row.url),
  };
}
