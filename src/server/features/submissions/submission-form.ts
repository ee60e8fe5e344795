// The submission form as typed: plain strings, never trusted. Read from a urlencoded body, kept in the draft
// (submissions.draft_form) so nothing typed is lost, shown back, and turned into a ListingDocument by
// submission-check.ts. Field names are the document's dotted paths ("locations.0.city"), so errors land by name.
import { LOCALES, type Locale } from '../../db/schema.js';
import { LIMITS, type ListingDocument } from '../listings/listing.schema.js';
import type { FieldErrors } from '../../http/form.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Phone rows offered per service (empty ones are ignored). */
export const PHONE_ROWS = 3;
/** Countries offered in the location's country select. */
export const COUNTRY_CHOICES = [
  'MX', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'BZ', 'DO', 'HT', 'CU', 'CO', 'JM', 'BS', 'TT', 'US', 'CA',
] as const; // prettier-ignore
/** The honeypot: hidden from people, filled by bots. */
export const HONEYPOT = 'company_fax';

export interface OrganizationForm {
  name: string;
  description: string;
  kind: string;
  email: string;
  website: string;
  original_locale: string;
}

export interface LocationForm {
  key: string;
  name: string;
  country_code: string;
  admin_area: string;
  city: string;
  address_1: string;
  postal_code: string;
  address_visibility: string;
  transportation: string;
  latitude: string;
  longitude: string;
}

export interface PhoneForm {
  number: string;
  whatsapp: boolean;
}

export interface ServiceForm {
  key: string;
  /** Name and description in the listing's own language. */
  name: string;
  description: string;
  /** The same in other languages (optional), by locale. */
  translations: Partial<Record<Locale, { name: string; description: string }>>;
  categories: string[];
  populations: string[];
  languages: string[];
  /** More language codes, typed as a list ("mam, quc"). */
  other_languages: string;
  cost: string;
  fees_description: string;
  application_process: string;
  schedule_notes: string;
  /** Index 0 is Monday (weekday 1). */
  hours: { opens: string; closes: string }[];
  /** One document per line. */
  documents: string;
  phones: PhoneForm[];
  email: string;
  url: string;
  location_keys: string[];
}

export interface ListingForm {
  organization: OrganizationForm;
  locations: LocationForm[];
  services: ServiceForm[];
  submitter_email: string;
}

export type FormAction =
  /** `none`: no button named (not a browser posting this form, whose Enter key presses "save"). */
  | { kind: 'none' | 'save' | 'submit' | 'add-location' | 'add-service' }
  | { kind: 'remove-location' | 'remove-service'; index: number };

const KEY = /^([0-9a-f-]{36}|new-[0-9]{1,3})$/;

/** Text as typed, made safe to store: NUL and lone surrogates become U+FFFD (which validation then flags). */
export function storableText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\u0000/g, '\uFFFD').replace(/\p{Cs}/gu, '\uFFFD');
}

/** The body parser leaves a value it cannot decode (broken UTF-8, a lone surrogate) as its raw %XX text; a value
 *  typed with a literal "%" arrives decoded and decodes again without error. */
function undecodable(value: string): boolean {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return false;
  try {
    decodeURIComponent(value);
    return false;
  } catch {
    return true;
  }
}

export function blankLocation(key: string): LocationForm {
  return {
    key,
    name: '',
    country_code: '',
    admin_area: '',
    city: '',
    address_1: '',
    postal_code: '',
    address_visibility: 'full',
    transportation: '',
    latitude: '',
    longitude: '',
  };
}

export function blankService(key: string, locationKeys: string[]): ServiceForm {
  return {
    key,
    name: '',
    description: '',
    translations: {},
    categories: [],
    populations: [],
    languages: [],
    other_languages: '',
    cost: 'unknown',
    fees_description: '',
    application_process: '',
    schedule_notes: '',
    hours: WEEKDAYS.map(() => ({ opens: '', closes: '' })),
    documents: '',
    phones: Array.from({ length: PHONE_ROWS }, () => ({ number: '', whatsapp: false })),
    email: '',
    url: '',
    location_keys: locationKeys,
  };
}

export function blankForm(locale: Locale, submitterEmail = ''): ListingForm {
  return {
    organization: { name: '', description: '', kind: '', email: '', website: '', original_locale: locale },
    locations: [blankLocation('new-1')],
    services: [blankService('new-1', ['new-1'])],
    submitter_email: submitterEmail,
  };
}

/** Reads the form from a parsed urlencoded body; `shape` collects fields sent as something other than text. */
export function readForm(
  body: Record<string, unknown>,
  fallbackLocale: Locale,
): { form: ListingForm; shape: FieldErrors } {
  const shape: FieldErrors = {};
  const text = (name: string): string => {
    const raw = body[name];
    if (raw === undefined) return '';
    if (typeof raw !== 'string') {
      shape[name] = 'invalid';
      return '';
    }
    if (undecodable(raw)) shape[name] = 'invalid';
    return storableText(raw.trim());
  };
  const list = (name: string, max: number): string[] => {
    const raw = body[name];
    if (raw === undefined) return [];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (values.length > max) shape[name] = 'tooMany';
    if (values.some(undecodable)) shape[name] = 'invalid';
    return [...new Set(values.slice(0, max).map((v) => storableText(v.trim())))];
  };
  const indexes = (prefix: string, max: number) =>
    Array.from({ length: max }, (_, i) => i).filter((i) => body[`${prefix}.${i}.key`] !== undefined);

  const organization: OrganizationForm = {
    name: text('organization.name'),
    description: text('organization.description'),
    kind: text('organization.kind'),
    email: text('organization.email'),
    website: text('organization.website'),
    original_locale: text('organization.original_locale') || fallbackLocale,
  };
  const usedKeys = new Set<string>();
  const uniqueKey = (typed: string, prefix: string) => {
    let key = KEY.test(typed) && !usedKeys.has(`${prefix}${typed}`) ? typed : '';
    if (!key) key = nextNewKey([...usedKeys].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
    usedKeys.add(`${prefix}${key}`);
    return key;
  };
  const locations = indexes('locations', LIMITS.locations).map((i): LocationForm => {
    const p = `locations.${i}`;
    return {
      key: uniqueKey(text(`${p}.key`), 'l:'),
      name: text(`${p}.name`),
      country_code: text(`${p}.country_code`).toUpperCase(),
      admin_area: text(`${p}.admin_area`),
      city: text(`${p}.city`),
      address_1: text(`${p}.address_1`),
      postal_code: text(`${p}.postal_code`),
      address_visibility: text(`${p}.address_visibility`),
      transportation: text(`${p}.transportation`),
      latitude: text(`${p}.latitude`),
      longitude: text(`${p}.longitude`),
    };
  });
  if (locations.length === 0) locations.push(blankLocation(uniqueKey('', 'l:')));
  const locationKeys = new Set(locations.map((l) => l.key));
  const services = indexes('services', LIMITS.services).map((i): ServiceForm => {
    const p = `services.${i}`;
    const translations: ServiceForm['translations'] = {};
    for (const locale of LOCALES) {
      const name = text(`${p}.name.${locale}`);
      const description = text(`${p}.description.${locale}`);
      if (name || description) translations[locale] = { name, description };
    }
    return {
      key: uniqueKey(text(`${p}.key`), 's:'),
      name: text(`${p}.name`),
      description: text(`${p}.description`),
      translations,
      categories: list(`${p}.categories`, LIMITS.categories),
      populations: list(`${p}.populations`, 20),
      languages: list(`${p}.languages`, LIMITS.languages),
      other_languages: text(`${p}.other_languages`),
      cost: text(`${p}.cost`),
      fees_description: text(`${p}.fees_description`),
      application_process: text(`${p}.application_process`),
      schedule_notes: text(`${p}.schedule_notes`),
      hours: WEEKDAYS.map((d) => ({ opens: text(`${p}.hours.${d}.opens`), closes: text(`${p}.hours.${d}.closes`) })),
      documents: text(`${p}.documents`),
      phones: Array.from({ length: LIMITS.phones }, (_, n) => n)
        .filter((n) => n < PHONE_ROWS || body[`${p}.phones.${n}.number`] !== undefined)
        .map((n) => ({
          number: text(`${p}.phones.${n}.number`),
          whatsapp: body[`${p}.phones.${n}.whatsapp`] !== undefined,
        })),
      email: text(`${p}.email`),
      url: text(`${p}.url`),
      location_keys: list(`${p}.location_keys`, LIMITS.locations).filter((k) => locationKeys.has(k)),
    };
  });
  if (services.length === 0) services.push(blankService(uniqueKey('', 's:'), [locations[0]?.key ?? 'new-1']));
  return { form: { organization, locations, services, submitter_email: text('submitter_email') }, shape };
}

function nextNewKey(keys: string[]): string {
  const numbers = keys
    .map((k) => /^new-(\d+)$/.exec(k)?.[1])
    .map(Number)
    .filter(Number.isFinite);
  return `new-${Math.max(0, ...numbers) + 1}`;
}

/** Which button was pressed (name="action"). */
export function readAction(body: Record<string, unknown>): FormAction {
  const raw = typeof body.action === 'string' ? body.action : '';
  const remove = /^remove-(location|service)-(\d{1,3})$/.exec(raw);
  if (remove)
    return { kind: remove[1] === 'location' ? 'remove-location' : 'remove-service', index: Number(remove[2]) };
  if (raw === 'save' || raw === 'submit' || raw === 'add-location' || raw === 'add-service') return { kind: raw };
  return { kind: 'none' };
}

/** Adds or removes a location or service block (the JavaScript-free way to grow and shrink the form). */
export function applyBlockAction(form: ListingForm, action: FormAction): ListingForm {
  switch (action.kind) {
    case 'add-location': {
      if (form.locations.length >= LIMITS.locations) return form;
      const key = nextNewKey(form.locations.map((l) => l.key));
      return { ...form, locations: [...form.locations, blankLocation(key)] };
    }
    case 'add-service': {
      if (form.services.length >= LIMITS.services) return form;
      const key = nextNewKey(form.services.map((s) => s.key));
      const where = form.locations.length === 1 ? form.locations.map((l) => l.key) : [];
      return { ...form, services: [...form.services, blankService(key, where)] };
    }
    case 'remove-location': {
      const removed = form.locations[action.index];
      if (!removed || form.locations.length <= 1) return form;
      return {
        ...form,
        locations: form.locations.filter((_, i) => i !== action.index),
        services: form.services.map((s) => ({ ...s, location_keys: s.location_keys.filter((k) => k !== removed.key) })),
      };
    }
    case 'remove-service':
      if (!form.services[action.index] || form.services.length <= 1) return form;
      return { ...form, services: form.services.filter((_, i) => i !== action.index) };
    default:
      return form;
  }
}

/** A whole listing (live or submitted) as the form shows it, in the listing's own language. */
export function formFromListing(listing: ListingDocument, submitterEmail: string): ListingForm {
  const own = listing.organization.original_locale;
  const pick = (text: Partial<Record<Locale, string>>) => text[own] ?? Object.values(text).find(Boolean) ?? '';
  return {
    organization: {
      name: listing.organization.name,
      description: pick(listing.organization.description),
      kind: listing.organization.kind,
      email: listing.organization.email ?? '',
      website: listing.organization.website ?? '',
      original_locale: own,
    },
    locations: listing.locations.map((l) => ({
      key: l.key,
      name: pick(l.name),
      country_code: l.country_code,
      admin_area: l.admin_area ?? '',
      city: l.city,
      address_1: l.address_1 ?? '',
      postal_code: l.postal_code ?? '',
      address_visibility: l.address_visibility,
      transportation: pick(l.transportation),
      latitude: String(l.latitude),
      longitude: String(l.longitude),
    })),
    services: listing.services.map((s) => {
      const translations: ServiceForm['translations'] = {};
      for (const locale of LOCALES) {
        if (locale === own) continue;
        const name = s.name[locale] ?? '';
        const description = s.description[locale] ?? '';
        if (name || description) translations[locale] = { name, description };
      }
      const standard = new Set<string>(LOCALES);
      return {
        key: s.key,
        name: pick(s.name),
        description: pick(s.description),
        translations,
        categories: s.categories,
        populations: s.populations,
        languages: s.languages.filter((code) => standard.has(code)),
        other_languages: s.languages.filter((code) => !standard.has(code)).join(', '),
        cost: s.cost,
        fees_description: pick(s.fees_description),
        application_process: pick(s.application_process),
        schedule_notes: pick(s.schedule_notes),
        hours: WEEKDAYS.map((d) => {
          const h = s.hours.find((x) => x.weekday === d);
          return { opens: h?.opens ?? '', closes: h?.closes ?? '' };
        }),
        documents: s.documents.map(pick).join('\n'),
        phones: Array.from({ length: Math.max(PHONE_ROWS, s.phones.length) }, (_, n) => ({
          number: s.phones[n]?.number ?? '',
          whatsapp: s.phones[n]?.whatsapp ?? false,
        })),
        email: s.email ?? '',
        url: s.url ?? '',
        location_keys: s.location_keys,
      };
    }),
    submitter_email: submitterEmail,
  };
}
