// The labelled demo directory: a pure, deterministic function of nothing. Same ids, texts and coordinates on
// every run (seeded PRNG, counter-based UUIDs, dates relative to a fixed reference date), every row `is_demo`.
import type { Insertable } from 'kysely';
import { LOCALES } from '../../db/schema.js';
import type {
  AddressTable,
  AddressVisibility,
  Locale,
  LocationTable,
  OrganizationCountryTable,
  OrganizationTable,
  PhoneTable,
  Population,
  RequiredDocumentTable,
  ScheduleTable,
  ServiceAtLocationTable,
  ServiceLanguageTable,
  ServicePopulationTable,
  ServiceTable,
} from '../../db/schema.js';
import { INDIGENOUS, languagesFor, phoneNumber, scheduleRows, streetAddress } from './demo-contacts.js';
import {
  ARCHETYPES,
  DIASPORA,
  DIASPORA_DESCRIPTION,
  NATIONALITIES,
  organizationName,
  pickArchetype,
  pickLocale,
  SEED_PLACES,
  visibilityFor,
  type Archetype,
  type NamedOrganization,
  type NamedService,
} from './demo-organizations.js';
import { DEMO_COUNTRIES, DEMO_PLACES, demoPlace, type DemoPlace } from './demo-places.js';
import {
  createIdFactory,
  createRng,
  fill,
  jitter,
  LOCALE_INDEX,
  slugify,
  translate,
  verifiedAt,
  type IdKind,
  type Rng,
} from './demo-support.js';
import {
  APPLICATION,
  DOCUMENTS,
  ELIGIBILITY_ALL,
  FEES,
  HIDDEN_ADDRESS_NOTE,
  MOBILE_POINT,
  PHONE_LABELS,
  SCHEDULE_NOTES,
  SERVICE_TEMPLATES,
  TRANSPORT,
  type T5,
} from './demo-texts.js';

export { DEMO_REFERENCE_DATE } from './demo-support.js';

type WithId<T> = Insertable<T> & { id: string };

/** A service's taxonomy term, by code: ids are looked up in taxonomy_terms when inserting. */
export interface ServiceTermLink {
  service_id: string;
  term_code: string;
}

export interface DemoDirectory {
  organizations: WithId<OrganizationTable>[];
  organizationCountries: Insertable<OrganizationCountryTable>[];
  locations: WithId<LocationTable>[];
  addresses: WithId<AddressTable>[];
  services: WithId<ServiceTable>[];
  serviceAtLocations: WithId<ServiceAtLocationTable>[];
  serviceTerms: ServiceTermLink[];
  servicePopulations: Insertable<ServicePopulationTable>[];
  serviceLanguages: Insertable<ServiceLanguageTable>[];
  requiredDocuments: WithId<RequiredDocumentTable>[];
  phones: WithId<PhoneTable>[];
  schedules: WithId<ScheduleTable>[];
}

export function emptyDirectory(): DemoDirectory {
  return {
    organizations: [],
    organizationCountries: [],
    locations: [],
    addresses: [],
    services: [],
    serviceAtLocations: [],
    serviceTerms: [],
    servicePopulations: [],
    serviceLanguages: [],
    requiredDocuments: [],
    phones: [],
    schedules: [],
  };
}

/** The public places from the news seeds, each with services in the demo directory. */
export const DEMO_SEED_PLACES = SEED_PLACES.map((org) => {
  const place = demoPlace(org.place);
  return { name: org.name, city: place.city, country: place.country };
});

/** Which locales a listing is written in: the original, often es and en too, often all five. */
function coverage(rng: Rng, original: Locale): Locale[] {
  const r = rng.next();
  if (r < 0.45) return [...LOCALES];
  if (r < 0.88) return [...new Set<Locale>([original, 'es', 'en'])];
  return [original];
}

const SAME_IN_ALL: T5 = ['{org}', '{org}', '{org}', '{org}', '{org}'];

// ---- organizations ----

const EMAIL_USER: Record<Locale, string> = { es: 'contacto', en: 'info', fr: 'info', ht: 'kontak', pt: 'contato' };

interface Context {
  rng: Rng;
  id: (kind: IdKind) => string;
  dir: DemoDirectory;
  usedNames: Set<string>;
}

interface OrganizationSpec {
  name: string;
  alternateName: string | null;
  kind: NamedOrganization['kind'];
  locale: Locale;
  place: DemoPlace;
  description: T5;
  descriptionVars: Record<string, string>;
  visibility: AddressVisibility;
  street: string | null;
  languages: readonly string[];
  services: readonly NamedService[];
  origin: readonly string[];
  residence: readonly string[];
  secondLocation: boolean;
  /** Written in all five locales (the public places from the seeds). */
  allLocales: boolean;
}

function addOrganization(ctx: Context, spec: OrganizationSpec): void {
  const { rng, id, dir } = ctx;
  const { place, locale } = spec;
  ctx.usedNames.add(spec.name);
  const orgId = id('organization');
  const locales = spec.allLocales ? [...LOCALES] : coverage(rng, locale);
  const slug = slugify(spec.name);
  const verifiedBy = `Demo moderator (${place.country})`;
  dir.organizations.push({
    id: orgId,
    name: spec.name,
    alternate_name: spec.alternateName,
    description: translate(spec.description, locales, spec.descriptionVars),
    kind: spec.kind,
    email: rng.chance(0.8) ? `${EMAIL_USER[locale]}@${slug}.example.org` : null,
    website: rng.chance(0.6) ? `https://${slug}.example.org` : null,
    original_locale: locale,
    is_demo: true,
    last_verified_at: verifiedAt(rng),
    verified_by: verifiedBy,
  });
  for (const code of spec.origin)
    dir.organizationCountries.push({ organization_id: orgId, relation: 'origin', country_code: code });
  for (const code of spec.residence)
    dir.organizationCountries.push({ organization_id: orgId, relation: 'residence', country_code: code });

  const locationIds = [addLocation(ctx, spec, orgId, locales, false)];
  if (spec.secondLocation) locationIds.push(addLocation(ctx, spec, orgId, locales, true));

  dir.phones.push({
    id: id('phone'),
    organization_id: orgId,
    number: phoneNumber(rng, place, 'landline'),
    type: 'voice',
    whatsapp: false,
    description: translate(PHONE_LABELS.main, locales),
    position: 0,
  });
  if (rng.chance(0.55)) {
    dir.phones.push({
      id: id('phone'),
      organization_id: orgId,
      number: phoneNumber(rng, place, 'mobile'),
      type: 'voice',
      whatsapp: true,
      description: translate(PHONE_LABELS.whatsapp, locales),
      position: 1,
    });
  }
  for (const service of spec.services) addService(ctx, spec, orgId, locationIds, service, verifiedBy);
}

function addLocation(
  ctx: Context,
  spec: OrganizationSpec,
  orgId: string,
  locales: readonly Locale[],
  mobile: boolean,
): string {
  const { rng, id, dir } = ctx;
  const { place } = spec;
  const locationId = id('location');
  const visibility = mobile ? 'full' : spec.visibility;
  const transportation =
    visibility === 'hidden'
      ? translate(HIDDEN_ADDRESS_NOTE, locales)
      : rng.chance(0.6)
        ? translate(rng.pick(TRANSPORT), locales)
        : {};
  dir.locations.push({
    id: locationId,
    organization_id: orgId,
    name: translate(mobile ? MOBILE_POINT : SAME_IN_ALL, locales, { org: spec.name, city: place.city }),
    description: {},
    transportation,
    ...jitter(rng, place, spec.street ? 0.3 : mobile ? 1.5 : 1),
    country_code: place.country,
    admin_area: place.adminArea,
    city: place.city,
    address_visibility: visibility,
    is_demo: true,
  });
  // Hidden locations mostly have no address at all; a few keep one that must never be shown.
  if (visibility !== 'hidden' || rng.chance(0.25)) {
    const street = spec.street && !mobile ? { line1: spec.street, line2: null } : streetAddress(rng, place);
    dir.addresses.push({
      id: id('address'),
      location_id: locationId,
      address_type: 'physical',
      address_1: street.line1,
      address_2: street.line2,
      postal_code: place.postalCode && rng.chance(0.75) ? place.postalCode : null,
      state_province: place.adminArea,
      city: place.city,
      country_code: place.country,
    });
  }
  return locationId;
}

function pickCost(rng: Rng, base: 'free' | 'low_cost' | 'paid' | 'unknown'): 'free' | 'low_cost' | 'paid' | 'unknown' {
  const r = rng.next();
  if (base === 'low_cost') return r < 0.6 ? 'low_cost' : r < 0.85 ? 'free' : 'paid';
  return r < 0.9 ? base : r < 0.95 ? 'low_cost' : r < 0.98 ? 'unknown' : 'paid';
}

function addService(
  ctx: Context,
  org: OrganizationSpec,
  orgId: string,
  locationIds: readonly string[],
  spec: NamedService,
  verifiedBy: string,
): void {
  const { rng, id, dir } = ctx;
  const template = SERVICE_TEMPLATES[spec.template];
  const locales = org.allLocales ? [...LOCALES] : coverage(rng, org.locale);
  const vars = { city: org.place.city };
  const serviceId = id('service');
  const cost = pickCost(rng, template.cost);
  const eligibility = 'eligibility' in template ? template.eligibility : rng.chance(0.5) ? ELIGIBILITY_ALL : null;
  const notes =
    template.schedule === 'always'
      ? SCHEDULE_NOTES.always
      : template.schedule === 'line'
        ? SCHEDULE_NOTES.line
        : rng.chance(0.3)
          ? SCHEDULE_NOTES.holidays
          : null;
  dir.services.push({
    id: serviceId,
    organization_id: orgId,
    name: translate(spec.name ?? template.name, locales, vars),
    description: translate(spec.description ?? template.description, locales, vars),
    original_locale: org.locale,
    status: 'active',
    url: null,
    email: rng.chance(0.3) ? `${EMAIL_USER[org.locale]}@${slugify(org.name)}.example.org` : null,
    cost,
    fees_description: cost === 'low_cost' || cost === 'paid' ? translate(FEES[cost], locales) : {},
    eligibility_description: eligibility ? translate(eligibility, locales) : {},
    application_process: rng.chance(0.85) ? translate(APPLICATION[template.application], locales) : {},
    schedule_notes: notes ? translate(notes, locales) : {},
    is_demo: true,
    last_verified_at: verifiedAt(rng),
    verified_by: verifiedBy,
  });
  const [first, ...others] = locationIds;
  if (first) dir.serviceAtLocations.push({ id: id('serviceAtLocation'), service_id: serviceId, location_id: first });
  for (const other of others) {
    if (rng.chance(0.5))
      dir.serviceAtLocations.push({ id: id('serviceAtLocation'), service_id: serviceId, location_id: other });
  }
  for (const code of template.codes) dir.serviceTerms.push({ service_id: serviceId, term_code: code });

  const languages = org.languages.filter((code, index) => index === 0 || rng.chance(0.85));
  for (const code of languages) dir.serviceLanguages.push({ service_id: serviceId, language_code: code });
  const populations = new Set<Population>(template.populations.filter(() => rng.chance(0.65)));
  if (languages.some((code) => INDIGENOUS.has(code)) && rng.chance(0.6)) populations.add('indigenous_peoples');
  if (rng.chance(0.08)) populations.add('people_with_disabilities');
  for (const population of populations) dir.servicePopulations.push({ service_id: serviceId, population });

  const documents = 'documents' in template ? template.documents : [];
  documents
    .filter(() => rng.chance(0.85))
    .forEach((key, position) => {
      dir.requiredDocuments.push({
        id: id('document'),
        service_id: serviceId,
        document: translate(DOCUMENTS[key], locales),
        position,
      });
    });

  if ('hotline' in template && template.hotline) {
    const tollFree = DEMO_COUNTRIES[org.place.country].tollFree !== null && rng.chance(0.7);
    dir.phones.push({
      id: id('phone'),
      service_id: serviceId,
      number: phoneNumber(rng, org.place, tollFree ? 'toll-free' : 'mobile'),
      type: 'hotline',
      whatsapp: !tollFree,
      description: translate(tollFree ? PHONE_LABELS.tollFree : PHONE_LABELS.hotline, locales),
      position: 0,
    });
  } else if (rng.chance(0.35)) {
    const whatsapp = rng.chance(0.8);
    dir.phones.push({
      id: id('phone'),
      service_id: serviceId,
      number: phoneNumber(rng, org.place, 'mobile'),
      type: 'voice',
      whatsapp,
      description: translate(whatsapp ? PHONE_LABELS.whatsapp : PHONE_LABELS.main, locales),
      position: 0,
    });
  }
  for (const [weekday, opensAt, closesAt] of scheduleRows(rng, template.schedule)) {
    dir.schedules.push({ id: id('schedule'), service_id: serviceId, weekday, opens_at: opensAt, closes_at: closesAt });
  }
}

// ---- the directory ----

function joinNationalities(codes: readonly string[], locale: Locale): string {
  const words = codes.map((code) => NATIONALITIES[code]?.[LOCALE_INDEX[locale]] ?? code);
  const and = { es: ' y ', en: ' and ', fr: ' et ', ht: ' ak ', pt: ' e ' }[locale];
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

function namedSpec(rng: Rng, org: NamedOrganization): OrganizationSpec {
  const place = demoPlace(org.place);
  const origin = org.origin ?? [];
  const description: T5 =
    org.description ??
    (DIASPORA_DESCRIPTION.map((text, i) =>
      fill(text, { nat: joinNationalities(origin, LOCALES[i] ?? 'es') }),
    ) as unknown as T5);
  return {
    name: org.name,
    alternateName: org.alternateName ?? null,
    kind: org.kind,
    locale: org.locale,
    place,
    description,
    descriptionVars: { city: place.city },
    visibility: org.visibility ?? (rng.chance(0.2) ? 'city' : 'full'),
    street: org.street ?? null,
    languages: org.languages ?? languagesFor(rng, place, org.locale),
    services: org.services.map((service) => (typeof service === 'string' ? { template: service } : service)),
    origin,
    residence: org.residence ?? [],
    secondLocation: false,
    allLocales: SEED_PLACES.includes(org),
  };
}

function genericSpec(ctx: Context, place: DemoPlace): OrganizationSpec {
  const { rng } = ctx;
  const archetypeKey = pickArchetype(rng, place);
  const archetype: Archetype = ARCHETYPES[archetypeKey];
  const locale = pickLocale(rng, place);
  const templates = new Set([rng.pick(archetype.core)]);
  const extras = rng.pick([0, 1, 1, 2, 2, 3]);
  for (let i = 0; i < extras; i++) templates.add(rng.pick(archetype.extra));
  return {
    name: organizationName(rng, ctx.usedNames, archetype, locale, place.city),
    alternateName: null,
    kind: rng.pick(archetype.kinds),
    locale,
    place,
    description: archetype.description,
    descriptionVars: { city: place.city },
    visibility: visibilityFor(rng, archetype),
    street: null,
    languages: languagesFor(rng, place, locale),
    services: [...templates].map((template) => ({ template })),
    origin: [],
    residence: [],
    secondLocation: archetypeKey !== 'shelter' && rng.chance(0.12),
    allLocales: false,
  };
}

export function buildDemoDirectory(): DemoDirectory {
  const ctx: Context = {
    rng: createRng(20_261_101),
    id: createIdFactory('d3e0a000'),
    dir: emptyDirectory(),
    usedNames: new Set(),
  };
  for (const org of [...SEED_PLACES, ...DIASPORA]) addOrganization(ctx, namedSpec(ctx.rng, org));
  for (const place of DEMO_PLACES) {
    for (let i = 0; i < place.weight; i++) addOrganization(ctx, genericSpec(ctx, place));
  }
  return ctx.dir;
}
