import { describe, expect, it } from 'vitest';
import { creoleDateTimeFormat, formatDate, negotiateLocale, pickText, translator } from './i18n.js';

describe('negotiateLocale', () => {
  it('honours q-values and region subtags', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('de-DE, pt-BR;q=0.8, fr;q=0.9')).toBe('fr');
    expect(negotiateLocale('ht')).toBe('ht');
  });
  it('falls back to Spanish for unknown or malformed headers', () => {
    expect(negotiateLocale(undefined)).toBe('es');
    expect(negotiateLocale('de, zh;q=0.5')).toBe('es');
    expect(negotiateLocale(';;;q=,')).toBe('es');
    expect(negotiateLocale('en;q=0')).toBe('es');
  });
});

describe('pickText', () => {
  it('prefers the wanted locale, then the original, then any', () => {
    expect(pickText({ es: 'Albergue', en: 'Shelter' }, 'en', 'es')).toEqual({ text: 'Shelter', locale: 'en' });
    expect(pickText({ es: 'Albergue', fr: 'Refuge' }, 'ht', 'es')).toEqual({ text: 'Albergue', locale: 'es' });
    expect(pickText({ pt: 'Abrigo' }, 'en', 'es')).toEqual({ text: 'Abrigo', locale: 'pt' });
    expect(pickText({ es: '  ' }, 'es', 'es')).toBeNull();
  });
});

describe('translator', () => {
  it('formats plurals in every locale', () => {
    for (const locale of ['es', 'en', 'fr', 'ht', 'pt'] as const) {
      const t = translator(locale);
      expect(t('services.count', { count: 1234 })).toMatch(/1[.,\u00a0\u202f ]?234/);
      expect(t('services.count', { count: 0 })).not.toBe(t('services.count', { count: 5 }).replace('5', '0'));
    }
  });
  it('writes numbers as the region reads them: Latin American Spanish, Brazilian Portuguese, French for Creole', () => {
    const distance = (locale: 'es' | 'en' | 'fr' | 'pt' | 'ht') => translator(locale)('search.distance', { km: 1.5 });
    expect(distance('es')).toBe('a 1.5 km');
    expect(distance('en')).toBe('1.5 km away');
    expect(distance('fr')).toBe('à 1,5 km');
    expect(distance('pt')).toBe('a 1,5 km');
    expect(distance('ht')).toBe('a 1,5 km');
    expect(translator('es')('services.countAtLeast', { count: 12345 })).toMatch(/^12,345 /);
    expect(formatDate(new Date('2026-11-25T12:00:00Z'), 'es')).toBe('25 de noviembre de 2026');
  });

  it('shows the key when a message is missing', () => {
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});

describe('Haitian Creole dates (ICU has no ht data)', () => {
  const frenchWords = new Set<string>();
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 15));
    for (const style of ['long', 'short'] as const)
      frenchWords.add(new Intl.DateTimeFormat('fr', { month: style, timeZone: 'UTC' }).format(date));
  }
  for (let day = 1; day <= 7; day++) {
    const date = new Date(Date.UTC(2024, 0, day));
    for (const style of ['long', 'short'] as const)
      frenchWords.add(new Intl.DateTimeFormat('fr', { weekday: style, timeZone: 'UTC' }).format(date));
  }
  frenchWords.add('à');
  // Words both languages share ("avril") are not a sign of French.
  for (let month = 1; month <= 12; month++) frenchWords.delete(translator('ht')(`hubdash.months.m${month}`));
  const frenchIn = (text: string) => text.split(/\s+/).filter((word) => frenchWords.has(word));

  it('writes dates with Creole month names', () => {
    expect(formatDate(new Date(Date.UTC(2026, 10, 25)), 'ht')).toBe('25 novanm 2026');
    expect(formatDate(new Date(Date.UTC(2026, 6, 1)), 'ht')).toBe('1 jiyè 2026');
    expect(formatDate(new Date(Date.UTC(2026, 10, 25)), 'fr')).toBe('25 novembre 2026');
    const creole = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm'];
    for (const [month, name] of [...creole, 'desanm'].entries()) {
      const text = formatDate(new Date(Date.UTC(2026, month, 9)), 'ht');
      expect(text).toBe(`9 ${name} 2026`);
      expect(frenchIn(text)).toEqual([]);
    }
  });

  it('formats {date, date, …} in messages in Creole', () => {
    const t = translator('ht');
    const date = new Date(Date.UTC(2026, 1, 3, 14, 30));
    expect(t('moderation.date', { date })).toBe('3 fev 2026');
    expect(t('moderation.dateTime', { date })).toBe('3 fev 2026 14:30');
    for (let month = 0; month < 12; month++) {
      const text = t('hubentry.review.date', { date: new Date(Date.UTC(2026, month, 20)) });
      expect(frenchIn(text), text).toEqual([]);
    }
    const full = creoleDateTimeFormat({ dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date);
    expect(full).toBe('madi 3 fevriye 2026 a 14:30');
    expect(frenchIn(full)).toEqual([]);
    // Numbers keep the French separators, which carry no words.
    expect(t('services.count', { count: 1234 })).toMatch(/1\u202f234/);
  });
});
