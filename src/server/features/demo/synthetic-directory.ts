// Large synthetic directories for benchmarks (search, map clustering at 100,000 points): N services spread over the
// demo cities, Spanish and English names from word lists, one location, a phone, 1-2 needs each. Deterministic for a
// given seed, cheap to build, and inserted through the same repository code as the demo directory.
import { POPULATIONS, type Locale, type Population } from '../../db/schema.js';
import { phoneNumber, streetAddress } from './demo-contacts.js';
import { emptyDirectory, type DemoDirectory } from './demo-directory.js';
import { DEMO_PLACES, demoPlace, type DemoPlace } from './demo-places.js';
import { createIdFactory, createRng, jitter, verifiedAt } from './demo-support.js';

interface Kind {
  code: string;
  es: string;
  en: string;
  esText: string;
  enText: string;
}

// prettier-ignore
const KINDS: readonly Kind[] = [
  { code: 'shelter', es: 'Albergue', en: 'Shelter', esText: 'Alojamiento temporal, comida y duchas para personas en tránsito', enText: 'Temporary accommodation, meals and showers for people in transit' },
  { code: 'food', es: 'Comedor', en: 'Soup kitchen', esText: 'Desayuno y comida caliente todos los días', enText: 'Breakfast and a hot meal every day' },
  { code: 'legal-aid-asylum', es: 'Asesoría jurídica', en: 'Legal advice', esText: 'Asesoría legal gratuita y acompañamiento en solicitudes de asilo', enText: 'Free legal advice and help with asylum claims' },
  { code: 'health', es: 'Consultorio médico', en: 'Medical clinic', esText: 'Consulta médica general, curaciones y medicamentos básicos', enText: 'General consultations, wound care and basic medicines' },
  { code: 'information-orientation', es: 'Punto de información', en: 'Information point', esText: 'Orientación sobre rutas, trámites y servicios', enText: 'Guidance on routes, procedures and services' },
  { code: 'employment-livelihoods', es: 'Bolsa de trabajo', en: 'Job desk', esText: 'Vinculación con empleadores y talleres de oficios', enText: 'Connection with employers and trade workshops' },
  { code: 'mental-health', es: 'Apoyo psicológico', en: 'Counselling', esText: 'Escucha y acompañamiento psicosocial individual y en grupo', enText: 'Individual and group psychosocial support' },
  { code: 'documents-regularization', es: 'Trámites migratorios', en: 'Immigration paperwork', esText: 'Ayuda con permisos de estancia, pasaportes y actas de nacimiento', enText: 'Help with residence permits, passports and birth certificates' },
  { code: 'education', es: 'Clases de español', en: 'Language classes', esText: 'Clases de idioma y apoyo escolar para niñas y niños', enText: 'Language classes and homework help for children' },
  { code: 'family-reunification', es: 'Contacto familiar', en: 'Family tracing', esText: 'Llamadas gratuitas y búsqueda de familiares desaparecidos', enText: 'Free calls and searches for missing relatives' },
  { code: 'return-reintegration', es: 'Atención a retornados', en: 'Returnee support', esText: 'Recepción y reintegración de personas retornadas', enText: 'Reception and reintegration of returnees' },
  { code: 'protection', es: 'Protección a mujeres', en: 'Protection desk', esText: 'Atención a sobrevivientes de violencia y trata de personas', enText: 'Support for survivors of violence and human trafficking' },
  { code: 'money-remittances', es: 'Orientación financiera', en: 'Money advice', esText: 'Remesas, ahorro y apertura de cuentas bancarias', enText: 'Remittances, savings and opening bank accounts' },
  { code: 'diaspora-networks', es: 'Red de connacionales', en: 'Diaspora network', esText: 'Bienvenida y apoyo mutuo entre connacionales', enText: 'Welcome and mutual support among fellow nationals' },
];

// prettier-ignore
const PATRONS = ['San José', 'Santa María', 'La Esperanza', 'Buen Camino', 'Nueva Vida', 'La Paz', 'Guadalupe', 'San Judas Tadeo', 'Los Pinos', 'El Roble', 'Santa Cruz', 'Monte Horeb', 'Las Palmas', 'El Carmen', 'San Francisco', 'Betania', 'Emaús', 'La Merced', 'Miramar', 'Los Olivos', 'Sagrado Corazón', 'Manantial', 'Horizonte', 'Los Laureles'];

// prettier-ignore
const EXTRAS: readonly (readonly [string, string])[] = [
  ['Atención sin costo.', 'Free of charge.'],
  ['Se atiende a familias con niñas y niños.', 'Families with children are welcome.'],
  ['Personal bilingüe.', 'Bilingual staff.'],
  ['Acceso para sillas de ruedas.', 'Wheelchair accessible.'],
  ['Se recomienda llamar antes.', 'Calling ahead is recommended.'],
  ['Atención a personas solicitantes de asilo.', 'Asylum seekers are welcome.'],
];

// prettier-ignore
const ORG_PREFIXES: readonly (readonly [string, string])[] = [
  ['Asociación', 'Association'], ['Fundación', 'Foundation'], ['Red Comunitaria', 'Community Network'],
  ['Centro', 'Centre'], ['Colectivo', 'Collective'], ['Pastoral', 'Ministry'],
];

const EXTRA_LANGUAGES: readonly (readonly [string, number])[] = [
  ['ht', 0.1],
  ['fr', 0.05],
  ['pt', 0.03],
  ['mam', 0.02],
  ['quc', 0.02],
];
const SERVICES_PER_ORGANIZATION = 4;
const FALLBACK_PLACE = demoPlace('ciudad-de-mexico');

/** Cumulative weights so that bigger demo cities get more points; diaspora cities get a few. */
function placePicker(seedRng: () => number): () => DemoPlace {
  const cumulative: number[] = [];
  let total = 0;
  for (const place of DEMO_PLACES) cumulative.push((total += place.weight + 1));
  return () => {
    const r = seedRng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return DEMO_PLACES[lo] ?? FALLBACK_PLACE;
  };
}

export function buildSyntheticDirectory(serviceCount: number, seed = 1): DemoDirectory {
  if (!Number.isInteger(serviceCount) || serviceCount < 0) throw new Error(`Bad service count: ${serviceCount}`);
  const rng = createRng(0x5e_00_00 + seed);
  const id = createIdFactory(`5e${(seed >>> 0).toString(16).padStart(6, '0').slice(-6)}`);
  const pickPlace = placePicker(rng.next);
  const dir = emptyDirectory();
  let orgId = '';
  let orgName = '';
  let place = FALLBACK_PLACE;
  let locale: Locale = 'es';

  for (let i = 0; i < serviceCount; i++) {
    if (i % SERVICES_PER_ORGANIZATION === 0) {
      place = pickPlace();
      locale = place.country === 'US' || place.country === 'CA' || place.country === 'BZ' ? 'en' : 'es';
      const [prefixEs, prefixEn] = rng.pick(ORG_PREFIXES);
      orgId = id('organization');
      orgName = `${locale === 'es' ? prefixEs : prefixEn} ${rng.pick(PATRONS)} ${place.city}`;
      dir.organizations.push({
        id: orgId,
        name: orgName,
        alternate_name: null,
        description: {
          es: `Organización que atiende a personas migrantes en ${place.city}.`,
          en: `Organization serving migrants in ${place.city}.`,
        },
        kind: rng.pick(['ngo', 'shelter', 'faith_based', 'community', 'government'] as const),
        email: null,
        website: null,
        original_locale: locale,
        is_demo: true,
        last_verified_at: verifiedAt(rng),
        verified_by: 'Synthetic benchmark data',
      });
    }
    const kind = rng.pick(KINDS);
    const patron = rng.pick(PATRONS);
    const [extraEs, extraEn] = rng.pick(EXTRAS);
    const serviceId = id('service');
    const locationId = id('location');
    const visibility = rng.next();
    dir.services.push({
      id: serviceId,
      organization_id: orgId,
      name: { es: `${kind.es} ${patron}`, en: `${kind.en} ${patron}` },
      description: {
        es: `${kind.esText} en ${place.city}. ${extraEs}`,
        en: `${kind.enText} in ${place.city}. ${extraEn}`,
      },
      original_locale: locale,
      url: null,
      email: null,
      cost: rng.chance(0.85) ? 'free' : rng.pick(['low_cost', 'paid', 'unknown'] as const),
      is_demo: true,
      last_verified_at: verifiedAt(rng),
      verified_by: 'Synthetic benchmark data',
    });
    dir.locations.push({
      id: locationId,
      organization_id: orgId,
      name: { es: orgName, en: orgName },
      ...jitter(rng, place, 3),
      country_code: place.country,
      admin_area: place.adminArea,
      city: place.city,
      address_visibility: visibility < 0.8 ? 'full' : visibility < 0.9 ? 'city' : 'hidden',
      is_demo: true,
    });
    if (visibility < 0.9) {
      const street = streetAddress(rng, place);
      dir.addresses.push({
        id: id('address'),
        location_id: locationId,
        address_1: street.line1,
        address_2: street.line2,
        postal_code: place.postalCode,
        state_province: place.adminArea,
        city: place.city,
        country_code: place.country,
      });
    }
    dir.serviceAtLocations.push({ id: id('serviceAtLocation'), service_id: serviceId, location_id: locationId });
    dir.phones.push({
      id: id('phone'),
      service_id: serviceId,
      number: phoneNumber(rng, place, 'mobile'),
      whatsapp: rng.chance(0.6),
    });
    dir.serviceTerms.push({ service_id: serviceId, term_code: kind.code });
    if (rng.chance(0.35)) {
      const second = rng.pick(KINDS).code;
      if (second !== kind.code) dir.serviceTerms.push({ service_id: serviceId, term_code: second });
    }
    const populations = new Set<Population>();
    for (let p = rng.int(0, 2); p > 0; p--) populations.add(rng.pick(POPULATIONS));
    for (const population of populations) dir.servicePopulations.push({ service_id: serviceId, population });
    dir.serviceLanguages.push({ service_id: serviceId, language_code: locale });
    if (rng.chance(0.3))
      dir.serviceLanguages.push({ service_id: serviceId, language_code: locale === 'es' ? 'en' : 'es' });
    for (const [code, probability] of EXTRA_LANGUAGES) {
      if (rng.chance(probability)) dir.serviceLanguages.push({ service_id: serviceId, language_code: code });
    }
  }
  return dir;
}
