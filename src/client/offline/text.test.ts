import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  age,
  countryName,
  fill,
  formatDay,
  HT_COUNTRIES,
  HT_LANGUAGES,
  HT_MONTHS,
  languageName,
  numberLocale,
} from './text.js';

const locales = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../server/i18n/locales/${file}`, import.meta.url), 'utf8')) as {
    countries: Record<string, string>;
    languages: Record<string, string>;
    hubdash: { months: Record<string, string> };
  };

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const ago = (minutes: number) => NOW - minutes * 60_000;

// Words the French fallback used to put on Creole pages.
const FRENCH =
  /\b(il y a|dans|minute|minutes|heure|heures|jour|jours|hier|demain|maintenant|aujourd’hui|cette|novembre|juillet|Haïti|Mexique|Guatemala|Cuba|République|Colombie|États-Unis|espagnol|anglais|français|créole)\b/iu;

describe('offline text in Haitian Creole (no Intl data for ht)', () => {
  it('says how long ago in Creole', () => {
    const cases: [number, string][] = [
      [0, 'kounye a'],
      [5, 'sa gen 5 minit'],
      [3 * 60, 'sa gen 3 èdtan'],
      [24 * 60, 'yè'],
      [4 * 24 * 60, 'sa gen 4 jou'],
      [-24 * 60, 'demen'],
      [-10, 'nan 10 minit'],
    ];
    for (const [minutes, text] of cases) {
      const said = age(ago(minutes), 'ht', NOW);
      expect(said).toBe(text);
      expect(said).not.toMatch(FRENCH);
    }
    expect(age(new Date(ago(5)).toISOString(), 'ht', NOW)).toBe('sa gen 5 minit');
    expect(fill('anrejistre {age}', { age: age(ago(0), 'ht', NOW) })).toBe('anrejistre kounye a');
  });

  it('writes dates with Creole month names', () => {
    expect(formatDay('2026-11-25', 'ht')).toBe('25 novanm 2026');
    expect(formatDay('2026-07-01T08:00:00Z', 'ht')).toBe('1 jiyè 2026');
    for (let month = 1; month <= 12; month++)
      expect(formatDay(`2026-${String(month).padStart(2, '0')}-09`, 'ht')).not.toMatch(FRENCH);
    expect(formatDay('not a date', 'ht')).toBe('not a date');
  });

  it('names the countries and languages in Creole', () => {
    const region = {
      HT: 'Ayiti',
      MX: 'Meksik',
      GT: 'Gwatemala',
      HN: 'Ondiras',
      SV: 'Salvadò',
      NI: 'Nikaragwa',
      CR: 'Kosta Rika',
      PA: 'Panama',
      CU: 'Kiba',
      DO: 'Repiblik Dominikèn',
      CO: 'Kolonbi',
      BS: 'Bahamas',
      JM: 'Jamayik',
      BZ: 'Beliz',
      US: 'Etazini',
    };
    for (const [code, name] of Object.entries(region)) {
      expect(countryName(code, 'ht')).toBe(name);
      expect(countryName(code.toLowerCase(), 'ht')).toBe(name);
    }
    for (const code of Object.keys(HT_COUNTRIES)) expect(countryName(code, 'ht')).not.toMatch(FRENCH);
    expect(countryName('ZZ', 'ht')).toBe('ZZ');
    expect(['es', 'en', 'fr', 'ht'].map((code) => languageName(code, 'ht'))).toEqual([
      'Panyòl',
      'Angle',
      'Franse',
      'Kreyòl ayisyen',
    ]);
  });

  it('uses the same words as the server locale files', () => {
    const core = locales('ht.json');
    const hubdash = locales('hubdash/ht.json');
    expect(HT_COUNTRIES).toEqual(core.countries);
    expect(HT_LANGUAGES).toEqual(core.languages);
    expect([...HT_MONTHS]).toEqual(Object.values(hubdash.hubdash.months));
  });

  it('writes numbers as the server does (Latin American Spanish, Brazilian Portuguese, French digits for Creole)', () => {
    expect((12345.5).toLocaleString(numberLocale('es'))).toBe('12,345.5');
    expect((12345.5).toLocaleString(numberLocale('pt'))).toBe('12.345,5');
    expect((12345.5).toLocaleString(numberLocale('ht'))).toBe((12345.5).toLocaleString('fr'));
    expect(numberLocale('en')).toBe('en');
  });

  it('leaves the other locales to Intl', () => {
    expect(countryName('HT', 'es')).toBe('Haití');
    expect(countryName('HT', 'fr')).toBe('Haïti');
    expect(languageName('ht', 'en')).toBe('Haitian Creole');
    expect(formatDay('2026-11-25', 'fr')).toBe('25 novembre 2026');
    expect(age(ago(24 * 60), 'en', NOW)).toBe('yesterday');
  });
});
