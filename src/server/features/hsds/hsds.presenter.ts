// Rumbo rows → HSDS 3.0 objects. Text fields carry the record's original language (or the one asked with
// ?locale=); every translation goes into the Rumbo profile's `translations`. Hidden addresses never leave:
// a hidden location has no address, no coordinates and no directions; a city-only one has rounded coordinates
// and no street (the same rule as features/locations/locations.presenter.ts).
import type { HsdsExtra, Locale, Translated } from '../../db/schema.js';
import { pickText } from '../../i18n/i18n.js';
import { derivedId, taxonomyId } from './hsds-ids.js';
import type { LocationRows, OrganizationRow, ServiceRelations, ServiceRow } from './hsds.repository.js';
import type { TermRow } from './hsds-taxonomy.repository.js';

export type HsdsObject = Record<string, unknown>;
type AddressRow = LocationRows['addresses'][number];
type LocationRow = LocationRows['locations'][number];
type PhoneRow = ServiceRelations['phones'][number];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Drops absent values: HSDS fields are typed without null, so an unknown value is an absent key. */
export function compact(object: HsdsObject): HsdsObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/** Unmodelled HSDS fields kept from an import; the modelled ones always win. */
const extra = (value: HsdsExtra | undefined): HsdsObject => (value && typeof value === 'object' ? value : {});

export function textIn(
  field: Translated | undefined,
  locale: Locale | undefined,
  original: Locale,
): string | undefined {
  return field ? pickText(field, locale ?? original, original)?.text : undefined;
}

function translations(fields: Record<string, Translated | undefined>): HsdsObject | undefined {
  const present = Object.entries(fields).filter(([, t]) => t && Object.keys(t).length > 0);
  return present.length ? Object.fromEntries(present) : undefined;
}

export function presentTaxonomy(name: string, kept?: HsdsObject): HsdsObject {
  return compact({
    ...extra(kept),
    id: taxonomyId(name),
    name,
    description: typeof kept?.description === 'string' ? kept.description : `Rumbo taxonomy "${name}".`,
  });
}

export function presentTerm(term: TermRow, locale?: Locale): HsdsObject {
  const name = pickText(term.name, locale ?? 'es', 'es');
  return compact({
    ...extra(term.hsds_extra),
    id: term.id,
    code: term.code,
    name: name?.text ?? term.code,
    description: textIn(term.description, name?.locale, 'es') ?? name?.text ?? term.code,
    parent_id: term.parent_id,
    taxonomy: term.taxonomy,
    taxonomy_id: taxonomyId(term.taxonomy),
    language: name?.locale,
    translations: translations({ name: term.name, description: term.description }),
  });
}

export function presentAddress(address: AddressRow, location: LocationRow): HsdsObject {
  const base = compact({
    ...extra(address.hsds_extra),
    id: address.id,
    location_id: address.location_id,
    address_1: address.address_1,
    address_2: address.address_2,
    city: address.city,
    country: address.country_code.trim(),
    address_type: address.address_type,
  });
  // HSDS requires these keys; the Rumbo profile makes them optional, and the core form carries an empty string.
  return {
    ...base,
    state_province: address.state_province ?? location.admin_area ?? '',
    postal_code: address.postal_code ?? '',
  };
}

export function presentLocation(
  location: LocationRow,
  addresses: AddressRow[],
  locale: Locale | undefined,
  original: Locale,
): HsdsObject {
  const visibility = location.address_visibility;
  const round = (value: number) => Math.round(value * 100) / 100;
  const hidden = visibility === 'hidden';
  const kept = extra(location.hsds_extra);
  delete kept.latitude;
  delete kept.longitude;
  delete kept.addresses;
  return compact({
    ...(hidden ? {} : kept),
    id: location.id,
    location_type: 'physical',
    organization_id: location.organization_id,
    name: textIn(location.name, locale, original),
    description: textIn(location.description, locale, original),
    transportation: hidden ? undefined : textIn(location.transportation, locale, original),
    latitude: hidden ? undefined : visibility === 'city' ? round(location.latitude) : location.latitude,
    longitude: hidden ? undefined : visibility === 'city' ? round(location.longitude) : location.longitude,
    addresses: visibility === 'full' ? addresses.map((a) => presentAddress(a, location)) : undefined,
    // Rumbo profile
    address_visibility: visibility,
    city: location.city,
    admin_area: location.admin_area,
    country: location.country_code.trim(),
    translations: translations({
      name: location.name,
      description: location.description,
      transportation: hidden ? undefined : location.transportation,
    }),
  });
}

export function presentPhone(phone: PhoneRow, locale: Locale | undefined, original: Locale): HsdsObject {
  const numericExtension = phone.extension && /^[0-9]{1,9}$/.test(phone.extension);
  return compact({
    ...extra(phone.hsds_extra),
    id: phone.id,
    organization_id: phone.organization_id,
    service_id: phone.service_id,
    location_id: phone.location_id,
    number: phone.number,
    extension: numericExtension ? Number(phone.extension) : undefined,
    type: phone.type,
    description: textIn(phone.description, locale, original),
    whatsapp: phone.whatsapp,
    translations: translations({ description: phone.description }),
  });
}

export function presentOrganization(organization: OrganizationRow, locale?: Locale): HsdsObject {
  const original = organization.original_locale;
  const base = compact({
    ...extra(organization.hsds_extra),
    id: organization.id,
    name: organization.name,
    alternate_name: organization.alternate_name,
    email: organization.email,
    website: organization.website,
    // Rumbo profile
    kind: organization.kind,
    text_locale: original,
    translations: translations({ description: organization.description }),
    last_verified_at: organization.last_verified_at?.toISOString(),
    is_demo: organization.is_demo,
  });
  return { ...base, description: textIn(organization.description, locale, original) ?? '' };
}

export function presentServiceSummary(service: ServiceRow, locale?: Locale): HsdsObject {
  const original = service.original_locale;
  const text = (field: Translated) => textIn(field, locale, original);
  return compact({
    ...extra(service.hsds_extra),
    id: service.id,
    organization_id: service.organization_id,
    name: text(service.name) ?? '',
    description: text(service.description),
    url: service.url,
    email: service.email,
    status: service.status,
    application_process: text(service.application_process),
    fees_description: text(service.fees_description),
    eligibility_description: text(service.eligibility_description),
    assured_date: service.last_verified_at?.toISOString().slice(0, 10),
    last_modified: service.updated_at.toISOString(),
    // Rumbo profile
    text_locale: locale && service.name[locale] ? locale : original,
    cost: service.cost,
    schedule_notes: text(service.schedule_notes),
    verified_by: service.verified_by,
    is_demo: service.is_demo,
    translations: translations({
      name: service.name,
      description: service.description,
      application_process: service.application_process,
      fees_description: service.fees_description,
      eligibility_description: service.eligibility_description,
      schedule_notes: service.schedule_notes,
    }),
  });
}

export interface ServiceGraph {
  relations: ServiceRelations;
  locations: Map<string, { location: LocationRow; addresses: AddressRow[] }>;
  organizations: Map<string, OrganizationRow>;
}

export function presentFullService(service: ServiceRow, graph: ServiceGraph, locale?: Locale): HsdsObject {
  const original = service.original_locale;
  const mine = <T extends { service_id: string | null }>(rows: T[]) => rows.filter((r) => r.service_id === service.id);
  const { relations } = graph;
  const organization = graph.organizations.get(service.organization_id);
  return {
    ...presentServiceSummary(service, locale),
    ...(organization ? { organization: presentOrganization(organization, locale) } : {}),
    phones: mine(relations.phones).map((p) => presentPhone(p, locale, original)),
    schedules: mine(relations.schedules).map((s) =>
      compact({
        ...extra(s.hsds_extra),
        id: s.id,
        service_id: s.service_id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: WEEKDAYS[s.weekday - 1],
        opens_at: s.opens_at,
        closes_at: s.closes_at,
      }),
    ),
    languages: mine(relations.languages).map((l) => ({
      id: derivedId('language', service.id, l.language_code),
      service_id: service.id,
      code: l.language_code,
    })),
    required_documents: mine(relations.documents).map((d) =>
      compact({
        ...extra(d.hsds_extra),
        id: d.id,
        service_id: service.id,
        document: textIn(d.document, locale, original),
        translations: translations({ document: d.document }),
      }),
    ),
    attributes: mine(relations.terms).map((term) => ({
      id: derivedId('attribute', service.id, term.id),
      link_id: service.id,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      taxonomy_term: presentTerm(term, locale),
    })),
    service_at_locations: mine(relations.places).flatMap((place) => {
      const found = graph.locations.get(place.location_id);
      if (!found) return [];
      return [
        compact({
          ...extra(place.hsds_extra),
          id: place.id,
          service_id: place.service_id,
          location_id: place.location_id,
          location: presentLocation(found.location, found.addresses, locale, original),
        }),
      ];
    }),
  };
}
