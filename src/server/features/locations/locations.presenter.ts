// What the public may know of a location. A hidden address (shelters) never leaves: no street, no coordinates;
// a city-only address shows the city and coordinates rounded to about a kilometre.
import type { AddressVisibility, Locale, Translated } from '../../db/schema.js';
import { pickText } from '../../i18n/i18n.js';

export interface LocationRecord {
  id: string;
  name: Translated;
  description?: Translated;
  transportation: Translated;
  latitude: number;
  longitude: number;
  city: string;
  admin_area: string | null;
  country_code: string;
  address_visibility: AddressVisibility;
  address_1: string | null;
  address_2: string | null;
  postal_code: string | null;
  state_province: string | null;
}

export interface PublicLocation {
  id: string;
  name: string | null;
  city: string;
  admin_area: string | null;
  country: string;
  address_visibility: AddressVisibility;
  address: { address_1: string; address_2: string | null; postal_code: string | null } | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  transportation_translations: Translated;
}

export function presentLocation(location: LocationRecord, locale: Locale, original: Locale): PublicLocation {
  const visibility = location.address_visibility;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    id: location.id,
    name: pickText(location.name, locale, original)?.text ?? null,
    city: location.city,
    admin_area: location.admin_area,
    country: location.country_code.trim(),
    address_visibility: visibility,
    address:
      visibility === 'full' && location.address_1
        ? { address_1: location.address_1, address_2: location.address_2, postal_code: location.postal_code }
        : null,
    latitude: visibility === 'hidden' ? null : visibility === 'city' ? round(location.latitude) : location.latitude,
    longitude: visibility === 'hidden' ? null : visibility === 'city' ? round(location.longitude) : location.longitude,
    transportation:
      visibility === 'hidden' ? null : (pickText(location.transportation, locale, original)?.text ?? null),
    transportation_translations: visibility === 'hidden' ? {} : location.transportation,
  };
}
