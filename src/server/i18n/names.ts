// Names of countries, languages and weekdays, from the locale files (ICU has no Haitian Creole names).
import type { Translate } from './i18n.js';

export function countryName(t: Translate, code: string): string {
  const key = `countries.${code.trim().toUpperCase()}`;
  const name = t(key);
  return name === key ? code : name;
}

export function languageName(t: Translate, code: string): string {
  const key = `languages.${code}`;
  const name = t(key);
  return name === key ? code : name;
}

export function weekdayName(t: Translate, weekday: number): string {
  return t(`weekday.${weekday}`);
}
