import { describe, expect, it } from 'vitest';
import { suggestTags } from './news.tagger.js';

describe('news tagger', () => {
  it('finds countries by name, demonym, capital and city, in any of the five languages', () => {
    expect(suggestTags('Talks between Dominican and Haitian authorities in Belladere').countries).toEqual(['DO', 'HT']);
    expect(suggestTags('La OIM en Tapachula y en San Pedro Sula').countries).toEqual(['HN', 'MX']);
    expect(suggestTags('Réunion à Port-au-Prince avec des partenaires guatémaltèques').countries).toEqual(['GT', 'HT']);
    expect(suggestTags('Moun ki soti Ayiti ak Kolonbi').countries).toEqual(['CO', 'HT']);
    expect(suggestTags('Encontro em Port of Spain sobre o Brasil').countries).toEqual(['BR', 'TT']);
  });

  it('matches whole words only', () => {
    expect(suggestTags('Unperuvian words: superman, chilean-ish? Santiago Rivas signed').countries).toEqual(['CL']);
    expect(suggestTags('The spirit of the season').organizations).toEqual([]);
  });

  it('finds organizations by acronym and full name', () => {
    expect(suggestTags('The International Labour Organization and ACNUR, with the RCM').organizations).toEqual([
      'ILO',
      'RCM',
      'UNHCR',
    ]);
    expect(suggestTags('Organisation internationale pour les migrations (OIM)').organizations).toEqual(['IOM']);
  });

  it('suggests topics', () => {
    expect(suggestTags('Course on trafficking in persons and migrant smuggling').topics).toEqual([
      'trafficking-smuggling',
    ]);
    expect(suggestTags('Niñas y niños migrantes en la frontera').topics).toEqual(['border-humanitarian', 'children']);
    expect(suggestTags('Tropical storms, hurricanes and climate change').topics).toEqual(['climate-disasters']);
    expect(suggestTags('Opening of a new Information Hub').topics).toEqual(['information-hubs']);
    expect(suggestTags('Assisted voluntary return and reintegration').topics).toEqual(['return']);
    expect(suggestTags('Training for women on gender-based violence').topics).toEqual(['gender']);
  });
});
