// Assembles printable directories and service cards: the country's published services (the same set and freshness
// rules as the public list, read through the services repository), grouped one section per category, bounded into
// parts of at most PER_PART entries so a country of thousands still renders fast, each with its QR code.
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';
import { AppError, notFound } from '../../http/errors.js';
import { intlLocale, pickText, type LocalizedText } from '../../i18n/i18n.js';
import { presentLocation, type PublicLocation } from '../locations/locations.presenter.js';
import { listServicesByIds, type ServiceRow } from '../services/services.repository.js';
import { getService, type ServiceRecord } from '../services/services.service.js';
import type { SiteFacts } from '../site/site.service.js';
import { publishedServicesIn } from './print.repository.js';
import { locationsOfServices, phonesOfServices, schedulesOfServices } from '../services/service-details.repository.js';
import { qrFor, type QrShape } from './qr.js';

/** Entries (a service under one category) per printed part; a part is one `?page=` of the directory. */
export const PER_PART = 200;
const SHORT_DESCRIPTION = 180;

export interface PrintPhone {
  number: string;
  extension: string | null;
  type: string;
  whatsapp: boolean;
}

export interface PrintOpening {
  weekday: number;
  opens_at: string;
  closes_at: string;
}

export interface PrintService {
  id: string;
  name: LocalizedText | null;
  organization: string;
  description: LocalizedText | null;
  locations: PublicLocation[];
  phones: PrintPhone[];
  schedules: PrintOpening[];
  isDemo: boolean;
  /** The absolute URL of the service's page, which the QR code encodes. */
  url: string;
  qr: QrShape;
}

export interface PrintSection {
  /** The category code; null for services without a category. */
  code: string | null;
  name: string;
  /** How many services the whole category has (in every part). */
  count: number;
  /** Whether the section began in an earlier part. */
  continued: boolean;
  services: PrintService[];
}

export interface PrintDirectory {
  country: string;
  /** The city as the directory spells it, when a known city was asked for. */
  city: string | null;
  /** The city asked for that matches none of the country's (the page then says so and lists the cities). */
  unknownCity: string | null;
  category: string | null;
  cities: string[];
  /** Distinct services printed in every part, and entries (a service counts once per category). */
  services: number;
  entries: number;
  part: number;
  parts: number;
  perPart: number;
  sections: PrintSection[];
}

export interface PrintQuery {
  country: string;
  city?: string | undefined;
  category?: string | undefined;
  page: number;
  locale: Locale;
  origin: string;
}

/** Case-, accent- and spacing-insensitive form of a name, for matching a typed city. */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function serviceUrl(origin: string, locale: Locale, id: string): string {
  return `${origin}/${locale}/services/${id}`;
}

export async function loadPrintDirectory(
  db: Db,
  facts: SiteFacts,
  query: PrintQuery,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<PrintDirectory> {
  const country = query.country.toUpperCase();
  if (!facts.countries.some((c) => c.country_code === country)) throw notFound();
  const category = query.category ?? null;
  if (category && !facts.categories.some((term) => term.code === category)) {
    throw new AppError('PRINT_CATEGORY_INVALID', { category });
  }
  const { locale } = query;
  const collator = new Intl.Collator(intlLocale(locale), { sensitivity: 'base' });

  // The published set, light, then grouped; full rows are read only for the part being printed.
  const all = await publishedServicesIn(db, country, category ?? undefined, freshness);
  const cities = [...new Set(all.flatMap((row) => row.cities))].sort(collator.compare);
  const asked = query.city?.trim() ? foldName(query.city) : null;
  const city = asked ? (cities.find((c) => foldName(c) === asked) ?? null) : null;
  const unknownCity = asked && !city ? (query.city ?? '').trim() : null;
  const chosen = asked ? all.filter((row) => city !== null && row.cities.includes(city)) : all;

  type Light = (typeof all)[number];
  const nameOf = new Map(chosen.map((row) => [row.id, pickText(row.name, locale, row.original_locale)?.text ?? '']));
  const byName = (a: Light, b: Light) => collator.compare(nameOf.get(a.id) ?? '', nameOf.get(b.id) ?? '');

  // Every category in taxonomy order (or only the one asked for), then the services without one.
  const groups: { code: string | null; name: string; rows: Light[] }[] = [];
  for (const term of facts.categories) {
    if (category && term.code !== category) continue;
    const members = chosen.filter((row) => row.categories.includes(term.code)).sort(byName);
    if (members.length) {
      groups.push({ code: term.code, name: pickText(term.name, locale, 'en')?.text ?? term.code, rows: members });
    }
  }
  if (!category) {
    const loose = chosen.filter((row) => !row.categories.length).sort(byName);
    if (loose.length) groups.push({ code: null, name: '', rows: loose });
  }

  const entries = groups.reduce((sum, g) => sum + g.rows.length, 0);
  const parts = Math.max(1, Math.ceil(entries / PER_PART));
  if (query.page > parts) throw notFound();
  const from = (query.page - 1) * PER_PART;
  const to = from + PER_PART;

  // The slice of entries this part prints, section by section.
  const slices: { group: (typeof groups)[number]; rows: Light[]; continued: boolean }[] = [];
  let at = 0;
  for (const group of groups) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, group.rows.length);
    if (start < end) slices.push({ group, rows: group.rows.slice(start, end), continued: start > 0 });
    at += group.rows.length;
  }
  const printedIds = [...new Set(slices.flatMap((slice) => slice.rows.map((row) => row.id)))];
  const details = await printableServices(db, await listServicesByIds(db, printedIds, freshness), query);

  return {
    country,
    city,
    unknownCity,
    category,
    cities,
    services: chosen.length,
    entries,
    part: query.page,
    parts,
    perPart: PER_PART,
    sections: slices.map((slice) => ({
      code: slice.group.code,
      name: slice.group.name,
      count: slice.group.rows.length,
      continued: slice.continued,
      services: slice.rows.map((row) => details.get(row.id)).filter((s): s is PrintService => !!s),
    })),
  };
}

/** Addresses, phones, hours and QR codes of the services one part prints, read in three queries. */
async function printableServices(db: Db, rows: ServiceRow[], query: PrintQuery): Promise<Map<string, PrintService>> {
  const ids = rows.map((row) => row.id);
  const orgIds = [...new Set(rows.map((row) => row.organization_id))];
  const [locations, phones, schedules, qrs] = await Promise.all([
    locationsOfServices(db, ids),
    phonesOfServices(db, ids, orgIds),
    schedulesOfServices(db, ids),
    Promise.all(ids.map((id) => qrFor(serviceUrl(query.origin, query.locale, id)))),
  ]);
  const country = query.country.toUpperCase();
  const result = new Map<string, PrintService>();
  rows.forEach((row, i) => {
    const own = locations.filter((l) => l.service_id === row.id);
    // In a country's directory, the service's places in that country (a cross-border service lists all of them).
    const here = own.filter((l) => l.country_code.trim() === country);
    result.set(row.id, {
      id: row.id,
      name: pickText(row.name, query.locale, row.original_locale),
      organization: row.organization_name,
      description: shorten(pickText(row.description, query.locale, row.original_locale)),
      locations: (here.length ? here : own).map((l) =>
        presentLocation({ ...l, description: {} }, query.locale, row.original_locale),
      ),
      phones: phones.filter(
        (p) => p.service_id === row.id || (p.service_id === null && p.organization_id === row.organization_id),
      ),
      schedules: schedules.filter((s) => s.service_id === row.id),
      isDemo: row.is_demo,
      url: serviceUrl(query.origin, query.locale, row.id),
      qr: qrs[i] as QrShape,
    });
  });
  return result;
}

/** The first sentence or so of a description, cut at a word. */
export function shorten(text: LocalizedText | null, max = SHORT_DESCRIPTION): LocalizedText | null {
  if (!text) return null;
  const flat = text.text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { ...text, text: flat };
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { ...text, text: `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…` };
}

export interface ServiceCard {
  service: ServiceRecord;
  url: string;
  qr: QrShape;
}

/** One service for its printable card, or 404 when the service page would be one. */
export async function loadServiceCard(
  db: Db,
  id: string,
  locale: Locale,
  origin: string,
  freshness: FreshnessSettings = DEFAULT_FRESHNESS,
): Promise<ServiceCard> {
  const service = await getService(db, id, freshness);
  if (!service) throw notFound();
  const url = serviceUrl(origin, locale, service.id);
  return { service, url, qr: await qrFor(url) };
}
