// Small text helpers for the offline islands: strings come from the page (JSON block, already in the user's
// language) with "{name}" placeholders; ages, dates and country and language names use the browser's Intl, so no
// locale data is shipped, except for Haitian Creole, which Intl does not know (it would answer in French or
// English): for it, the few words needed are below, the same as in the server's locale files
// (src/server/i18n/locales/ht.json and hubdash/ht.json; text.test.ts checks they stay the same).

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The locale numbers are written in, as on the server (src/server/i18n/i18n.ts, intlLocale): Latin American Spanish,
 * Brazilian Portuguese, and French digits for Creole (Intl has no Creole; digits carry no French words).
 */
export function numberLocale(locale: string): string {
  return locale === 'es' ? 'es-419' : locale === 'pt' ? 'pt-BR' : locale === 'ht' ? 'fr' : locale;
}

export function readStrings<T>(selector: string, root: ParentNode = document): T {
  const block = root.querySelector(selector);
  return JSON.parse(block?.textContent ?? '{}') as T;
}

/** Month names in Haitian Creole (hubdash.months). */
export const HT_MONTHS = [
  'janvye',
  'fevriye',
  'mas',
  'avril',
  'me',
  'jen',
  'jiyè',
  'out',
  'septanm',
  'oktòb',
  'novanm',
  'desanm',
] as const;

/** Country names in Haitian Creole (countries). */
export const HT_COUNTRIES: Readonly<Record<string, string>> = {
  AR: 'Ajantin',
  BO: 'Bolivi',
  BR: 'Brezil',
  BS: 'Bahamas',
  BZ: 'Beliz',
  CA: 'Kanada',
  CL: 'Chili',
  CO: 'Kolonbi',
  CR: 'Kosta Rika',
  CU: 'Kiba',
  DO: 'Repiblik Dominikèn',
  EC: 'Ekwatè',
  ES: 'Espay',
  GT: 'Gwatemala',
  HN: 'Ondiras',
  HT: 'Ayiti',
  JM: 'Jamayik',
  MX: 'Meksik',
  NI: 'Nikaragwa',
  PA: 'Panama',
  PE: 'Pewou',
  SV: 'Salvadò',
  TT: 'Trinidad ak Tobago',
  US: 'Etazini',
  VE: 'Venezyela',
};

/** Language names in Haitian Creole (languages). */
export const HT_LANGUAGES: Readonly<Record<string, string>> = {
  es: 'Panyòl',
  en: 'Angle',
  fr: 'Franse',
  ht: 'Kreyòl ayisyen',
  pt: 'Pòtigè',
  mam: 'Mam',
  quc: "K'iche'",
  kek: "Q'eqchi'",
  miq: 'Miskito',
  cab: 'Garifuna',
  nah: 'Nawatl',
  tzo: 'Tzotzil',
  tzh: 'Tzeltal',
  ar: 'Arab',
  zh: 'Chinwa',
  wo: 'Wolòf',
  ln: 'Lingala',
};

type AgeUnit = 'minute' | 'hour' | 'day';
const HT_UNITS: Record<AgeUnit, string> = { minute: 'minit', hour: 'èdtan', day: 'jou' };

/** "sa gen 3 jou", "yè", "kounye a": what Intl.RelativeTimeFormat would say, in Haitian Creole. */
function creoleAge(value: number, unit: AgeUnit): string {
  if (unit === 'day' && value === -1) return 'yè';
  if (unit === 'day' && value === 1) return 'demen';
  if (value === 0) return unit === 'day' ? 'jodi a' : 'kounye a';
  const amount = `${Math.abs(value)} ${HT_UNITS[unit]}`;
  return value < 0 ? `sa gen ${amount}` : `nan ${amount}`;
}

/** "3 days ago", "yesterday", "now" in the page's language. */
export function age(since: number | string, locale: string, now = Date.now()): string {
  const then = typeof since === 'number' ? since : Date.parse(since);
  const say = (value: number, unit: AgeUnit) =>
    locale === 'ht'
      ? creoleAge(value, unit)
      : new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
  const minutes = Math.round((then - now) / 60000);
  if (Math.abs(minutes) < 60) return say(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return say(hours, 'hour');
  return say(Math.round(hours / 24), 'day');
}

/** "25 de noviembre de 2026", "25 novanm 2026". */
export function formatDay(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  if (locale === 'ht') return `${date.getUTCDate()} ${HT_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function displayName(code: string, locale: string, type: 'region' | 'language'): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name from its two-letter code; the code itself when no name is known. */
export function countryName(code: string, locale: string): string {
  const upper = code.trim().toUpperCase();
  return locale === 'ht' ? (HT_COUNTRIES[upper] ?? upper) : displayName(upper, locale, 'region');
}

/** A language's name from its code; the code itself when no name is known. */
export function languageName(code: string, locale: string): string {
  return locale === 'ht' ? (HT_LANGUAGES[code] ?? code) : displayName(code, locale, 'language');
}
