// The API's view of a service: everything sent out goes through here, so a new column never leaks by accident.
import type { Static } from 'typebox';
import type { Locale } from '../../db/schema.js';
import { pickText } from '../../i18n/i18n.js';
import { presentLocation } from '../locations/locations.presenter.js';
import type { ServiceRecord, ServiceSummary } from './services.service.js';
import type { ServiceSchema, ServiceSummarySchema } from './services.schema.js';

export function presentServiceSummary(service: ServiceSummary, locale: Locale): Static<typeof ServiceSummarySchema> {
  const original = service.original_locale;
  const name = pickText(service.name, locale, original);
  return {
    id: service.id,
    name: name?.text ?? '',
    description: pickText(service.description, name?.locale ?? locale, original)?.text ?? '',
    text_locale: name?.locale ?? original,
    organization: { id: service.organization_id, name: service.organization_name },
    categories: service.categories,
    places: uniquePlaces(service.places),
    cost: service.cost,
    last_verified_at: service.last_verified_at ? service.last_verified_at.toISOString() : null,
    verified_by: service.verified_by,
    freshness: service.freshness === 'fresh' ? 'fresh' : 'stale',
    is_demo: service.is_demo,
  };
}

export function presentService(service: ServiceRecord, locale: Locale): Static<typeof ServiceSchema> {
  const original = service.original_locale;
  const text = (field: ServiceRecord['eligibility_description']) => pickText(field, locale, original)?.text ?? null;
  return {
    ...presentServiceSummary(
      { ...service, places: service.locations.map((l) => ({ ...l, service_id: service.id, location_id: l.id })) },
      locale,
    ),
    translations: {
      name: service.name,
      description: service.description,
      eligibility_description: service.eligibility_description,
      fees_description: service.fees_description,
      application_process: service.application_process,
      schedule_notes: service.schedule_notes,
    },
    url: service.url,
    email: service.email,
    eligibility_description: text(service.eligibility_description),
    fees_description: text(service.fees_description),
    application_process: text(service.application_process),
    schedule_notes: text(service.schedule_notes),
    populations: service.populations,
    languages: service.languages,
    required_documents: service.documents.map((d) => ({ document: text(d.document) ?? '', translations: d.document })),
    phones: service.phones.map((p) => ({
      number: p.number,
      extension: p.extension,
      type: p.type,
      whatsapp: p.whatsapp,
      description: text(p.description),
    })),
    schedules: service.schedules,
    locations: service.locations.map((l) => presentLocation(l, locale, original)),
  };
}

function uniquePlaces(places: { city: string; admin_area: string | null; country_code: string }[]) {
  const seen = new Set<string>();
  return places
    .map((p) => ({ city: p.city, admin_area: p.admin_area, country: p.country_code.trim() }))
    .filter((p) => {
      const key = `${p.country}|${p.city}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
