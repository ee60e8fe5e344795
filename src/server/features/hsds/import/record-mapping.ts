// HSDS records → Rumbo rows. A record becomes a live listing only when every field the export would give back
// fits Rumbo's model and checks; its other fields go to `hsds_extra`. Otherwise the mapper says why, and the
// record is kept whole in `hsds_records` (decision 009): nothing is lost, and nothing half-true goes live.
import { COSTS, LOCALES, type Locale, type Translated } from '../../../db/schema.js';
import { derivedId } from '../hsds-ids.js';
import type { HsdsObject } from '../hsds.presenter.js';

export interface MappingContext {
  /** Ids that are (or will be, in this import) live Rumbo rows. */
  live: { organization: Set<string>; location: Set<string>; service: Set<string> };
  /** Rumbo taxonomy term id for an HSDS term id or code. */
  termId(idOrCode: string): string | undefined;
  /** City and country of a location from its first address in the input. */
  placeOf(locationId: string): { city: string; country: string; admin_area?: string } | undefined;
  locale: Locale;
  verified: boolean;
  now: Date;
}

/** `alsoKeep`: the link goes live, and the record is kept whole too because the link cannot carry all of it. */
export type Mapped<Row> = { row: Row; alsoKeep?: string } | { keep: string; field?: string };
export type Row = Record<string, unknown>;

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const COUNTRY = /^[A-Z]{2}$/;

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const keep = (reason: string, field?: string): { keep: string; field?: string } =>
  field ? { keep: reason, field } : { keep: reason };

function extraOf(record: HsdsObject, modelled: string[]): HsdsObject {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !modelled.includes(key)));
}

function localeOf(record: HsdsObject, fallback: Locale): Locale {
  const given = record.text_locale;
  return typeof given === 'string' && (LOCALES as readonly string[]).includes(given) ? (given as Locale) : fallback;
}

/** A text field with its translations: the HSDS field is in `locale`, the profile's `translations` add the rest. */
function texts(record: HsdsObject, field: string, locale: Locale): string {
  const all = (record.translations as Record<string, Translated> | undefined)?.[field] ?? {};
  const out: Translated = {};
  for (const [code, text] of Object.entries(all)) {
    if ((LOCALES as readonly string[]).includes(code) && typeof text === 'string') out[code as Locale] = text;
  }
  const own = str(record[field]);
  if (own !== undefined) out[locale] = own;
  return JSON.stringify(out);
}

const verification = (ctx: MappingContext) =>
  ctx.verified ? { last_verified_at: ctx.now, verified_by: 'import' } : { last_verified_at: null, verified_by: null };

const ORGANIZATION = ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'kind', 'text_locale'];
const RUMBO_ONLY = ['translations', 'last_verified_at', 'verified_by', 'is_demo'];

export function mapOrganization(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const name = str(r.name);
  if (!name || name.length > 300) return keep('Rumbo needs an organization name of 1 to 300 characters', 'name');
  const kinds = ['government', 'ngo', 'international', 'diaspora', 'shelter', 'faith_based', 'community'];
  if (r.kind !== undefined && !kinds.includes(String(r.kind))) return keep(`unknown kind "${String(r.kind)}"`, 'kind');
  const locale = localeOf(r, ctx.locale);
  return {
    row: {
      id: r.id,
      name,
      alternate_name: str(r.alternate_name) ?? null,
      description: texts(r, 'description', locale),
      kind: str(r.kind) ?? 'ngo',
      email: str(r.email) ?? null,
      website: str(r.website) ?? null,
      original_locale: locale,
      is_demo: r.is_demo === true,
      ...verification(ctx),
      updated_at: ctx.now,
      hsds_extra: JSON.stringify(extraOf(r, [...ORGANIZATION, ...RUMBO_ONLY])),
    },
  };
}

const SERVICE = [
  'id',
  'organization_id',
  'name',
  'description',
  'url',
  'email',
  'status',
  'application_process',
  'fees_description',
  'eligibility_description',
  'last_modified',
  'text_locale',
  'cost',
  'schedule_notes',
];

export function mapService(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const organizationId = str(r.organization_id);
  if (!organizationId) return keep('Rumbo lists a service only under an organization', 'organization_id');
  if (!ctx.live.organization.has(organizationId)) {
    return keep(`organization ${organizationId} is neither in Rumbo nor importable`, 'organization_id');
  }
  if (!['active', 'inactive', 'defunct'].includes(String(r.status))) {
    return keep(`status "${String(r.status)}" has no Rumbo equivalent`, 'status');
  }
  if (r.cost !== undefined && !(COSTS as readonly string[]).includes(String(r.cost))) {
    return keep(`cost "${String(r.cost)}" is not one of ${COSTS.join(', ')}`, 'cost');
  }
  const locale = localeOf(r, ctx.locale);
  const modified = str(r.last_modified) ? new Date(String(r.last_modified)) : ctx.now;
  return {
    row: {
      id: r.id,
      organization_id: organizationId,
      name: texts(r, 'name', locale),
      description: texts(r, 'description', locale),
      original_locale: locale,
      status: r.status,
      url: str(r.url) ?? null,
      email: str(r.email) ?? null,
      cost: str(r.cost) ?? 'unknown',
      fees_description: texts(r, 'fees_description', locale),
      eligibility_description: texts(r, 'eligibility_description', locale),
      application_process: texts(r, 'application_process', locale),
      schedule_notes: texts(r, 'schedule_notes', locale),
      is_demo: r.is_demo === true,
      ...verification(ctx),
      updated_at: Number.isNaN(modified.getTime()) ? ctx.now : modified,
      hsds_extra: JSON.stringify(extraOf(r, [...SERVICE, ...RUMBO_ONLY])),
    },
  };
}

const LOCATION = ['id', 'location_type', 'organization_id', 'name', 'description', 'transportation', 'latitude'];
const LOCATION_MORE = ['longitude', 'address_visibility', 'city', 'admin_area', 'country', 'translations'];

export function mapLocation(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const id = String(r.id);
  const organizationId = str(r.organization_id);
  if (!organizationId || !ctx.live.organization.has(organizationId)) {
    return keep(`organization ${organizationId ?? '(none)'} is neither in Rumbo nor importable`, 'organization_id');
  }
  if (r.location_type !== undefined && r.location_type !== 'physical') {
    return keep(`Rumbo lists only physical locations, not "${String(r.location_type)}"`, 'location_type');
  }
  const { latitude, longitude } = r;
  if (typeof latitude !== 'number' || latitude < -90 || latitude > 90) {
    return keep(`latitude ${String(latitude ?? '(none)')} is not between -90 and 90`, 'latitude');
  }
  if (typeof longitude !== 'number' || longitude < -180 || longitude > 180) {
    return keep(`longitude ${String(longitude ?? '(none)')} is not between -180 and 180`, 'longitude');
  }
  const place = ctx.placeOf(id);
  const city = str(r.city) ?? place?.city;
  const country = str(r.country) ?? place?.country;
  if (!city) return keep('Rumbo needs a city (from the location or its address)', 'city');
  if (!country || !COUNTRY.test(country)) return keep('Rumbo needs a two-letter country code', 'country');
  const visibility = str(r.address_visibility) ?? 'full';
  if (!['full', 'city', 'hidden'].includes(visibility)) return keep('unknown address_visibility', 'address_visibility');
  const locale = ctx.locale;
  return {
    row: {
      id,
      organization_id: organizationId,
      name: texts(r, 'name', locale),
      description: texts(r, 'description', locale),
      transportation: texts(r, 'transportation', locale),
      latitude,
      longitude,
      country_code: country,
      admin_area: str(r.admin_area) ?? place?.admin_area ?? null,
      city,
      address_visibility: visibility,
      is_demo: r.is_demo === true,
      updated_at: ctx.now,
      hsds_extra: JSON.stringify(extraOf(r, [...LOCATION, ...LOCATION_MORE, 'is_demo'])),
    },
  };
}

const ADDRESS = ['id', 'location_id', 'address_1', 'address_2', 'city', 'country', 'address_type'];

export function mapAddress(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const locationId = str(r.location_id);
  if (!locationId || !ctx.live.location.has(locationId)) {
    return keep(`location ${locationId ?? '(none)'} is not a live Rumbo location`, 'location_id');
  }
  const country = str(r.country);
  if (!country || !COUNTRY.test(country)) return keep('Rumbo needs a two-letter country code', 'country');
  return {
    row: {
      id: r.id,
      location_id: locationId,
      address_type: str(r.address_type) ?? 'physical',
      address_1: str(r.address_1) ?? '',
      address_2: str(r.address_2) ?? null,
      postal_code: str(r.postal_code) ?? null,
      state_province: str(r.state_province) ?? null,
      city: str(r.city) ?? '',
      country_code: country,
      hsds_extra: JSON.stringify(extraOf(r, [...ADDRESS, 'state_province', 'postal_code'])),
    },
  };
}

export function mapServiceAtLocation(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const serviceId = str(r.service_id);
  const locationId = str(r.location_id);
  if (!serviceId || !ctx.live.service.has(serviceId)) return keep('its service is not live', 'service_id');
  if (!locationId || !ctx.live.location.has(locationId)) return keep('its location is not live', 'location_id');
  return {
    row: {
      id: r.id,
      service_id: serviceId,
      location_id: locationId,
      hsds_extra: JSON.stringify(extraOf(r, ['id', 'service_id', 'location_id'])),
    },
  };
}

const PHONE_FIELDS = ['id', 'organization_id', 'service_id', 'location_id', 'number', 'extension', 'type'];

export function mapPhone(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const owners = { organization_id: 'organization', service_id: 'service', location_id: 'location' } as const;
  for (const [field, table] of Object.entries(owners)) {
    const id = str(r[field]);
    if (id && !ctx.live[table].has(id)) return keep(`${table} ${id} is not live in Rumbo`, field);
  }
  if (!str(r.organization_id) && !str(r.service_id) && !str(r.location_id)) {
    return keep('Rumbo keeps phones of an organization, service or location only');
  }
  const number = String(r.number);
  if (!PHONE.test(number)) return keep(`number ${JSON.stringify(number)} is not a dialable number`, 'number');
  const type = str(r.type) ?? 'voice';
  if (!['voice', 'text', 'hotline', 'fax'].includes(type)) return keep(`phone type "${type}" is not in Rumbo`, 'type');
  if (r.extension !== undefined && !/^[0-9]{1,9}$/.test(String(r.extension))) {
    return keep('Rumbo gives back only numeric extensions', 'extension');
  }
  return {
    row: {
      id: r.id,
      organization_id: str(r.organization_id) ?? null,
      service_id: str(r.service_id) ?? null,
      location_id: str(r.location_id) ?? null,
      number,
      extension: r.extension === undefined ? null : String(r.extension),
      type,
      whatsapp: r.whatsapp === true,
      description: texts(r, 'description', ctx.locale),
      hsds_extra: JSON.stringify(extraOf(r, [...PHONE_FIELDS, 'description', 'whatsapp', 'translations'])),
    },
  };
}

export function mapSchedule(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const serviceId = str(r.service_id);
  if (!serviceId || !ctx.live.service.has(serviceId))
    return keep('Rumbo keeps hours of live services only', 'service_id');
  if (r.freq !== undefined && r.freq !== 'WEEKLY') return keep('only weekly schedules fit Rumbo', 'freq');
  if (r.wkst !== undefined && r.wkst !== 'MO') return keep('Rumbo weeks start on Monday', 'wkst');
  const weekday = WEEKDAYS.indexOf(String(r.byday)) + 1;
  if (weekday === 0) return keep('Rumbo keeps one weekday per schedule row (byday)', 'byday');
  const opens = str(r.opens_at);
  const closes = str(r.closes_at);
  if (!opens || !TIME.test(opens)) return keep('opens_at is missing or not a time', 'opens_at');
  if (!closes || !TIME.test(closes)) return keep('closes_at is missing or not a time', 'closes_at');
  const locationId = str(r.location_id);
  return {
    row: {
      id: r.id,
      service_id: serviceId,
      location_id: locationId && ctx.live.location.has(locationId) ? locationId : null,
      weekday,
      opens_at: opens,
      closes_at: closes,
      hsds_extra: JSON.stringify(extraOf(r, ['id', 'service_id', 'freq', 'wkst', 'byday', 'opens_at', 'closes_at'])),
    },
  };
}

export function mapRequiredDocument(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const serviceId = str(r.service_id);
  if (!serviceId || !ctx.live.service.has(serviceId)) return keep('its service is not live', 'service_id');
  return {
    row: {
      id: r.id,
      service_id: serviceId,
      document: texts(r, 'document', ctx.locale),
      hsds_extra: JSON.stringify(extraOf(r, ['id', 'service_id', 'document', 'translations'])),
    },
  };
}

/** A language link; fields beyond the pair (a name, a note) have no Rumbo column, so such records stay HSDS-only. */
export function mapLanguage(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const serviceId = str(r.service_id);
  const code = str(r.code);
  if (!serviceId || !ctx.live.service.has(serviceId)) return keep('its service is not live', 'service_id');
  if (!code || !/^[a-z]{2,3}$/.test(code)) return keep('Rumbo needs an ISO 639 code of 2 or 3 letters', 'code');
  const row = { service_id: serviceId, language_code: code };
  const more = Object.keys(extraOf(r, ['id', 'service_id', 'code']));
  if (more.length) return { row, alsoKeep: `fields ${more.join(', ')} have no place in Rumbo's service languages` };
  if (r.id !== derivedId('language', serviceId, code))
    return { row, alsoKeep: "its id is not Rumbo's id for the pair" };
  return { row };
}

/** A category of a service: an attribute linking a live service to one of Rumbo's taxonomy terms. */
export function mapAttribute(r: HsdsObject, ctx: MappingContext): Mapped<Row> {
  const serviceId = str(r.link_id);
  if (r.link_entity !== 'service' || !serviceId || !ctx.live.service.has(serviceId)) {
    return keep('Rumbo links terms to live services only', 'link_id');
  }
  const nested = r.taxonomy_term as HsdsObject | undefined;
  const termId = ctx.termId(String(r.taxonomy_term_id)) ?? (nested?.code ? ctx.termId(String(nested.code)) : undefined);
  if (!termId)
    return keep(`taxonomy term ${String(r.taxonomy_term_id)} is not one of Rumbo's terms`, 'taxonomy_term_id');
  const row = { service_id: serviceId, taxonomy_term_id: termId };
  const linkFields = ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'taxonomy_term'];
  const more = Object.keys(extraOf(r, linkFields));
  if (more.length) return { row, alsoKeep: `fields ${more.join(', ')} have no place in Rumbo's categories` };
  if (r.id !== derivedId('attribute', serviceId, termId))
    return { row, alsoKeep: "its id is not Rumbo's id for the link" };
  return { row };
}
