// Every word the UI shows comes from a locale file in ./locales (one per supported locale, same keys in all).
// Messages use ICU MessageFormat (plurals, numbers) through intl-messageformat.
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { LOCALES, type Locale, type Translated } from '../db/schema.js';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'es';

type MessageTree = { [key: string]: string | MessageTree };
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Flattens {"a": {"b": "x"}} into {"a.b": "x"}. */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flattenMessages(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

/** Sub-folders of ./locales with one file per locale for one area of the app (locales/<area>/<locale>.json). */
function localeAreas(): string[] {
  const root = new URL('./locales/', import.meta.url);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The messages of one locale: locales/<locale>.json merged with every locales/<area>/<locale>.json.
 *  A key defined twice is an error (a second definition would silently win). */
export function loadLocaleMessages(locale: Locale): Map<string, string> {
  const files = ['', ...localeAreas().map((area) => `${area}/`)].map(
    (prefix) => new URL(`./locales/${prefix}${locale}.json`, import.meta.url),
  );
  const merged = new Map<string, string>();
  for (const file of files) {
    // An area without this locale's file simply lacks its keys, which `npm run check:locales` reports.
    if (!existsSync(file)) continue;
    const messages = flattenMessages(JSON.parse(readFileSync(file, 'utf8')) as MessageTree);
    for (const [key, value] of messages) {
      if (merged.has(key)) throw new Error(`locale ${locale}: key ${key} is defined twice (${file.pathname})`);
      merged.set(key, value);
    }
  }
  return merged;
}

const catalogues = new Map<Locale, Map<string, string>>(LOCALES.map((l) => [l, loadLocaleMessages(l)]));
const compiled = new Map<string, IntlMessageFormat>();

// ICU has no Haitian Creole data: numbers and plurals follow French (same separators, no words), and dates take
// the French layout (day month year) with the month and weekday names replaced by the Creole ones of the locale
// files (hubdash.months, hubdash.monthsShort, weekday), so no French word shows on a Creole page.
const HT_LAYOUT = 'fr';
let creoleWords: Map<string, string> | undefined;

/** French month and weekday names (long and short) → the Creole name. */
function creoleWordsOf(): Map<string, string> {
  if (creoleWords) return creoleWords;
  const messages = catalogues.get('ht') ?? new Map<string, string>();
  const words = new Map<string, string>();
  const add = (french: string, creole: string | undefined) => {
    if (creole) words.set(french.toLowerCase(), creole.toLowerCase());
  };
  for (let month = 1; month <= 12; month++) {
    const date = new Date(Date.UTC(2021, month - 1, 15));
    const french = (style: 'long' | 'short') =>
      new Intl.DateTimeFormat(HT_LAYOUT, { month: style, timeZone: 'UTC' }).format(date);
    add(french('long'), messages.get(`hubdash.months.m${month}`));
    add(french('short'), messages.get(`hubdash.monthsShort.m${month}`));
  }
  // 2024-01-01 was a Monday (weekday 1 in the locale files).
  for (let weekday = 1; weekday <= 7; weekday++) {
    const date = new Date(Date.UTC(2024, 0, weekday));
    for (const style of ['long', 'short'] as const) {
      const french = new Intl.DateTimeFormat(HT_LAYOUT, { weekday: style, timeZone: 'UTC' }).format(date);
      add(french, messages.get(`weekday.${weekday}`));
    }
  }
  creoleWords = words;
  return words;
}

function creolePart(part: Intl.DateTimeFormatPart): Intl.DateTimeFormatPart {
  if (part.type === 'month' || part.type === 'weekday') {
    const creole = creoleWordsOf().get(part.value.toLowerCase());
    return creole ? { ...part, value: creole } : part;
  }
  // "25 novembre 2026 à 14:30": the French "à" between date and time.
  if (part.type === 'literal') return { ...part, value: part.value.replace(/(^|\s)à(\s|$)/u, '$1a$2') };
  return part;
}

/** A DateTimeFormat that writes Haitian Creole (French layout, Creole names). */
class CreoleDateTimeFormat extends Intl.DateTimeFormat {
  constructor(options?: Intl.DateTimeFormatOptions) {
    super(HT_LAYOUT, options);
  }
  override formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    return super.formatToParts(date).map(creolePart);
  }
  override format(date?: Date | number): string {
    return this.formatToParts(date)
      .map((part) => part.value)
      .join('');
  }
}

/** Memoizes a formatter factory by its options (formatters are costly to build and used on every listing row). */
function memoized<O, F>(make: (options?: O) => F): (options?: O) => F {
  const cache = new Map<string, F>();
  return (options) => {
    const key = JSON.stringify(options ?? {});
    let formatter = cache.get(key);
    if (!formatter) {
      formatter = make(options);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

/** Haitian Creole dates, e.g. "25 novanm 2026". */
export const creoleDateTimeFormat = memoized<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>(
  (options) => new CreoleDateTimeFormat(options),
);
const creoleNumberFormat = memoized<Intl.NumberFormatOptions, Intl.NumberFormat>(
  (options) => new Intl.NumberFormat(HT_LAYOUT, options),
);
const creolePluralRules = memoized<Intl.PluralRulesOptions, Intl.PluralRules>(
  (options) => new Intl.PluralRules(HT_LAYOUT, options),
);
/** What ICU messages use on Creole pages: {date, date, medium} comes out in Creole. */
const creoleFormatters: Formatters = {
  getNumberFormat: (_locales, options) => creoleNumberFormat(options),
  getDateTimeFormat: (_locales, options) => creoleDateTimeFormat(options),
  getPluralRules: (_locales, options) => creolePluralRules(options),
};

/**
 * The locale Intl formats numbers and dates with: Latin American Spanish (12,345.5 as in Mexico and Central America,
 * not Spain's 12.345,5), Brazilian Portuguese, and French's layout for Creole (ICU has no Creole data; see above).
 */
export function intlLocale(locale: string): string {
  return locale === 'es' ? 'es-419' : locale === 'pt' ? 'pt-BR' : locale === 'ht' ? HT_LAYOUT : locale;
}

/** A translator for one locale. A missing key shows the key itself (the locale check in CI prevents that). */
export function translator(locale: Locale): Translate {
  const messages = catalogues.get(locale) ?? new Map<string, string>();
  return (key, values) => {
    const source = messages.get(key);
    if (source === undefined) return key;
    if (!values && !source.includes('{')) return source;
    const cacheKey = `${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format =
        locale === 'ht'
          ? new IntlMessageFormat(source, HT_LAYOUT, undefined, { formatters: creoleFormatters })
          : new IntlMessageFormat(source, intlLocale(locale));
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

/** Chooses a locale from an Accept-Language header (q-values honoured); the default when none fits. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

export interface LocalizedText {
  text: string;
  /** The locale the text is actually in (differs from the wanted one when it fell back). */
  locale: Locale;
}

/** Picks the wanted locale from a translatable field, falling back to the original language, then any. */
export function pickText(field: Translated, wanted: Locale, original: Locale): LocalizedText | null {
  for (const locale of [wanted, original, ...LOCALES]) {
    const text = field[locale];
    if (text && text.trim()) return { text, locale };
  }
  return null;
}

/** Locale-aware formatting helpers for views. */
export function formatDate(date: Date, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  return (
    locale === 'ht' ? creoleDateTimeFormat(options) : new Intl.DateTimeFormat(intlLocale(locale), options)
  ).format(date);
}
