// A listing compared field by field: one row per field of each organization, location and service matched by key,
// and one row per locale of a translated text. What moderators read and what the audit log records.
import { LOCALES, type Translated } from '../../db/schema.js';
import type { ListingDocument, ListingLocation, ListingService } from './listing.schema.js';

export type ListingResourceType = 'organization' | 'location' | 'service';
export type ChangeKind = 'added' | 'removed' | 'changed' | 'same';

export interface ListingChange {
  resourceType: ListingResourceType;
  /** 'organization' for the organization; a location's or service's key otherwise. */
  key: string;
  /** The resource's name, to tell rows apart. */
  label: string;
  /** e.g. 'name', 'description.en', 'hours'. */
  field: string;
  before: string | null;
  after: string | null;
  kind: ChangeKind;
}

type Field = [field: string, value: string | null];

const text = (value: string | null | undefined): string | null => (value === undefined || value === '' ? null : value);
const list = (values: readonly string[]): string | null => (values.length ? values.join(', ') : null);

/** A translated text as one field per locale that has it. */
function translated(name: string, value: Translated): Field[] {
  return LOCALES.map((locale) => [`${name}.${locale}`, text(value[locale])]);
}

/** The first non-empty translation: how a resource is named in the comparison. */
export function displayName(value: Translated | string, prefer?: string): string {
  if (typeof value === 'string') return value;
  const preferred = prefer ? value[prefer as keyof Translated] : undefined;
  return preferred || LOCALES.map((l) => value[l]).find(Boolean) || '';
}

function organizationFields(doc: ListingDocument): Field[] {
  const org = doc.organization;
  return [
    ['name', text(org.name)],
    ...translated('description', org.description),
    ['kind', org.kind],
    ['email', text(org.email)],
    ['website', text(org.website)],
    ['original_locale', org.original_locale],
  ];
}

function locationFields(location: ListingLocation): Field[] {
  return [
    ...translated('name', location.name),
    ['country_code', location.country_code],
    ['admin_area', text(location.admin_area)],
    ['city', text(location.city)],
    ['coordinates', `${location.latitude}, ${location.longitude}`],
    ['address_1', text(location.address_1)],
    ['postal_code', text(location.postal_code)],
    ['address_visibility', location.address_visibility],
    ...translated('transportation', location.transportation),
  ];
}

const sorted = (values: readonly string[]) => [...values].sort();

function serviceFields(service: ListingService, doc: ListingDocument): Field[] {
  const locationName = (key: string) => {
    const location = doc.locations.find((l) => l.key === key);
    return location ? `${displayName(location.name)} (${location.city})` : key;
  };
  const hours = service.hours.map((h) => `${h.weekday} ${h.opens}-${h.closes}`);
  const documents = service.documents.map((d) =>
    LOCALES.filter((l) => d[l])
      .map((l) => `${l}: ${d[l]}`)
      .join(' / '),
  );
  const phones = service.phones.map((p) => (p.whatsapp ? `${p.number} (WhatsApp)` : p.number));
  return [
    ...translated('name', service.name),
    ...translated('description', service.description),
    ['categories', list(sorted(service.categories))],
    ['populations', list(sorted(service.populations))],
    ['languages', list(sorted(service.languages))],
    ['cost', service.cost],
    ...translated('fees_description', service.fees_description),
    ...translated('application_process', service.application_process),
    ...translated('schedule_notes', service.schedule_notes),
    ['hours', list(sorted(hours))],
    ['documents', documents.length ? documents.join('\n') : null],
    ['phones', list(phones)],
    ['email', text(service.email)],
    ['url', text(service.url)],
    ['locations', list(sorted(service.location_keys.map(locationName)))],
  ];
}

function kindOf(before: string | null, after: string | null): ChangeKind {
  if (before === after) return 'same';
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}

function compare(
  resourceType: ListingResourceType,
  key: string,
  label: string,
  before: Field[] | undefined,
  after: Field[] | undefined,
): ListingChange[] {
  const names = (after ?? before ?? []).map(([field]) => field);
  const value = (fields: Field[] | undefined, field: string) => fields?.find(([name]) => name === field)?.[1] ?? null;
  return names.flatMap((field) => {
    const b = value(before, field);
    const a = value(after, field);
    // A translation absent on both sides is no field at all.
    if (b === null && a === null) return [];
    return [{ resourceType, key, label, field, before: b, after: a, kind: kindOf(b, a) }];
  });
}

/** Field-by-field comparison of a live listing (or nothing, for a new one) with a proposed one. */
export function diffListings(before: ListingDocument | undefined, after: ListingDocument): ListingChange[] {
  const changes = compare(
    'organization',
    'organization',
    after.organization.name,
    before ? organizationFields(before) : undefined,
    organizationFields(after),
  );
  const pair = <T extends { key: string; name: Translated }>(
    type: ListingResourceType,
    beforeItems: T[],
    afterItems: T[],
    fields: (item: T, doc: ListingDocument) => Field[],
  ) => {
    for (const item of afterItems) {
      const old = beforeItems.find((b) => b.key === item.key);
      changes.push(
        ...compare(
          type,
          item.key,
          displayName(item.name),
          old && before ? fields(old, before) : undefined,
          fields(item, after),
        ),
      );
    }
    for (const old of beforeItems) {
      if (afterItems.some((a) => a.key === old.key) || !before) continue;
      changes.push(...compare(type, old.key, displayName(old.name), fields(old, before), undefined));
    }
  };
  pair('location', before?.locations ?? [], after.locations, locationFields);
  pair('service', before?.services ?? [], after.services, serviceFields);
  return changes;
}
