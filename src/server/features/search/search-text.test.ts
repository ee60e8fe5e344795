import { describe, expect, it } from 'vitest';
import {
  bestCorrection,
  editDistance,
  foldWord,
  highlightSegments,
  oneEditVariants,
  queryTerms,
} from './search-text.js';

describe('search text', () => {
  it('folds accents and case', () => {
    expect(foldWord('Clínica MÉDICA Señor')).toBe('clinica medica senor');
  });

  it('keeps only words, at most eight', () => {
    expect(queryTerms("'; DROP TABLE services; -- <b>x</b>")).toEqual(['drop', 'table', 'services', 'b', 'x']);
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(queryTerms(undefined)).toEqual([]);
  });

  it('marks matched words and leaves the rest as text', () => {
    expect(highlightSegments('Las clínicas de <Tapachula>', ['clinica'])).toEqual([
      { text: 'Las ', match: false },
      { text: 'clínicas', match: true },
      { text: ' de <Tapachula>', match: false },
    ]);
  });

  it('prefers the correction fewest keystrokes away', () => {
    expect(editDistance('abogao', 'abogado')).toBe(1);
    expect(editDistance('clincia', 'clinica')).toBe(1);
    const candidates = [
      { word: 'clinic', similarity: 0.5, frequency: 9 },
      { word: 'clinica', similarity: 0.45, frequency: 3 },
    ];
    expect(bestCorrection('clinisa', candidates)?.word).toBe('clinica');
    expect(bestCorrection('zzzzzz', candidates)).toBeUndefined();
  });

  it('lists every word one keystroke away', () => {
    const variants = oneEditVariants('ciduad');
    expect(variants).toContain('ciudad');
    expect(variants).toContain('cidad');
    expect(variants).toContain('ciddad');
    expect(variants).not.toContain('ciduad');
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants.every((v) => editDistance(v, 'ciduad') === 1)).toBe(true);
  });
});
