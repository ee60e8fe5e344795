import { describe, expect, it } from 'vitest';
import { negotiateLocale, pickText, translator } from './i18n.js';

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
  it('shows the key when a message is missing', () => {
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});
