// A complete listing document for tests: one organization, two locations (one with a hidden address), two services.
import type { ListingDocument } from './listing.schema.js';

export function sampleListing(overrides: Partial<ListingDocument['organization']> = {}): ListingDocument {
  return {
    organization: {
      name: 'Casa Refugio Esperanza',
      description: { es: 'Acompañamos a personas migrantes.', en: 'We support migrants.' },
      kind: 'shelter',
      email: 'contacto@esperanza.example.org',
      website: 'https://esperanza.example.org',
      original_locale: 'es',
      ...overrides,
    },
    locations: [
      {
        key: 'new-1',
        name: { es: 'Albergue' },
        country_code: 'MX',
        admin_area: 'Chiapas',
        city: 'Tapachula',
        latitude: 14.9,
        longitude: -92.26,
        address_1: 'Calle 5 Norte 12',
        postal_code: '30700',
        address_visibility: 'hidden',
        transportation: { es: 'Cerca del parque.' },
      },
      {
        key: 'new-2',
        name: { es: 'Oficina', en: 'Office' },
        country_code: 'MX',
        admin_area: 'Chiapas',
        city: 'Tapachula',
        latitude: 14.91,
        longitude: -92.25,
        address_1: null,
        postal_code: null,
        address_visibility: 'city',
        transportation: {},
      },
    ],
    services: [
      {
        key: 'new-1',
        name: { es: 'Albergue temporal', en: 'Temporary shelter' },
        description: { es: 'Hospedaje y comida.', en: 'Lodging and food.' },
        categories: ['food', 'shelter'],
        populations: ['children', 'women'],
        languages: ['en', 'es'],
        cost: 'free',
        fees_description: {},
        application_process: { es: 'Llegar antes de las 18:00.' },
        schedule_notes: {},
        hours: [
          { weekday: 1, opens: '08:00', closes: '18:00' },
          { weekday: 2, opens: '08:00', closes: '18:00' },
        ],
        documents: [{ es: 'Identificación' }, { es: 'CURP', en: 'CURP number' }],
        phones: [{ number: '+52 962 111 2233', whatsapp: true }],
        email: null,
        url: null,
        location_keys: ['new-1'],
      },
      {
        key: 'new-2',
        name: { es: 'Asesoría legal' },
        description: { es: 'Orientación sobre asilo.' },
        categories: ['legal-aid-asylum'],
        populations: [],
        languages: ['es'],
        cost: 'free',
        fees_description: {},
        application_process: {},
        schedule_notes: {},
        hours: [],
        documents: [],
        phones: [],
        email: 'legal@esperanza.example.org',
        url: 'https://esperanza.example.org/legal',
        location_keys: ['new-1', 'new-2'],
      },
    ],
  };
}

/** The document with every key replaced by its position, so a loaded listing compares with the one applied. */
export function withoutKeys(listing: ListingDocument) {
  const locationIndex = new Map(listing.locations.map((l, i) => [l.key, `location-${i}`]));
  return {
    organization: listing.organization,
    locations: listing.locations.map((l, i) => ({ ...l, key: `location-${i}` })),
    services: listing.services.map((s, i) => ({
      ...s,
      key: `service-${i}`,
      location_keys: s.location_keys.map((k) => locationIndex.get(k) ?? k),
    })),
  };
}
