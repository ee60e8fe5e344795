import { describe, expect, it } from 'vitest';
import { applyPack, type PackResponse, type PackService, type SavedPack } from './packs.js';
import { foldTerm, fuzziness, PackSearch, recencyWeight } from './search.js';

function service(id: string, name: string, extra: Partial<PackService> = {}): PackService {
  return {
    id,
    name,
    organization: 'Demo',
    description: '',
    categories: [],
    populations: [],
    languages: ['es'],
    locations: [{ city: 'Tapachula', lat: 14.9, lon: -92.26 }],
    phones: [],
    ...extra,
  };
}

const pack: SavedPack = {
  country: 'MX',
  locale: 'es',
  version: 'v1',
  hash: 'h1',
  generatedAt: '2026-11-24T00:00:00Z',
  checkedAt: 0,
  categories: [
    { code: 'health', name: 'Salud' },
    { code: 'legal', name: 'Asesoría legal' },
  ],
  services: [
    service('a', 'Clínica Fray Matías', { categories: ['health'], description: 'Atención médica gratuita' }),
    service('b', 'Abogados sin fronteras', { categories: ['legal'], description: 'Asilo y refugio' }),
    service('c', 'Albergue Belén', {
      categories: ['health'],
      populations: ['families'],
      locations: [{ city: 'Ciudad de México', lat: 19.4, lon: -99.1 }],
    }),
  ],
};

describe('offline search', () => {
  it('folds accents, case, plurals and stop words', () => {
    expect(foldTerm('Clínicas')).toBe('clinica');
    expect(foldTerm('DE')).toBeNull();
    expect(foldTerm('asilo')).toBe('asilo');
    expect(fuzziness('ab')).toBe(0);
    expect(fuzziness('abogao')).toBe(1);
    expect(fuzziness('clinisas')).toBe(2);
  });

  it('finds with typos and without accents, best first', () => {
    const search = new PackSearch(pack);
    expect(search.search({ q: 'clinisa' })[0]?.service.id).toBe('a');
    expect(search.search({ q: 'abogao asilo' })[0]?.service.id).toBe('b');
    expect(search.search({ q: 'clinica' }).map((h) => h.service.id)).toEqual(['a']);
    // Category names are searchable, in the pack's language.
    expect(
      search
        .search({ q: 'salud' })
        .map((h) => h.service.id)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(search.search({ q: 'zzzzzz' })).toEqual([]);
  });

  it('filters by category, city and population, with or without words', () => {
    const search = new PackSearch(pack);
    expect(search.search({ category: 'legal' }).map((h) => h.service.id)).toEqual(['b']);
    expect(search.search({ city: 'ciudad de mexico' }).map((h) => h.service.id)).toEqual(['c']);
    expect(search.search({ q: 'salud', city: 'Tapachula' }).map((h) => h.service.id)).toEqual(['a']);
    expect(search.search({ population: 'families' }).map((h) => h.service.id)).toEqual(['c']);
    expect(search.cities()[0]).toEqual({ name: 'Tapachula', count: 2 });
  });

  it('suggests a known word for a misspelled query', () => {
    expect(new PackSearch(pack).suggest('albergee')).toBe('albergue');
  });
});

describe('applying a pack', () => {
  const answer = (extra: Partial<PackResponse>): PackResponse => ({
    format: 1,
    country: 'MX',
    locale: 'es',
    version: 'v2',
    hash: 'h2',
    generated_at: '2026-11-25T00:00:00Z',
    kind: 'delta',
    since: 'v1',
    count: 3,
    categories: [{ code: 'legal', name: 'Asesoría legal' }],
    services: [],
    ...extra,
  });

  it('applies a delta: changed, new and removed services', () => {
    const next = applyPack(
      pack,
      answer({ services: [service('b', 'Abogados'), service('d', 'Nuevo')], removed: ['c'], count: 3 }),
      5,
    );
    expect(next?.services.map((s) => s.id).sort()).toEqual(['a', 'b', 'd']);
    expect(next?.services.find((s) => s.id === 'b')?.name).toBe('Abogados');
    expect(next?.version).toBe('v2');
    expect(next?.checkedAt).toBe(5);
    // Categories no saved service uses any more are dropped.
    expect(next?.categories.map((c) => c.code)).toEqual(['health']);
  });

  it('refuses a delta for another version or one that leaves a different count', () => {
    expect(applyPack(pack, answer({ since: 'v0' }), 1)).toBeNull();
    expect(applyPack(undefined, answer({}), 1)).toBeNull();
    expect(applyPack(pack, answer({ count: 7 }), 1)).toBeNull();
  });

  it('replaces everything with a full pack', () => {
    const full = applyPack(pack, answer({ kind: 'full', services: [service('z', 'Z')], count: 1 }), 1);
    expect(full?.services.map((s) => s.id)).toEqual(['z']);
  });
});

describe('offline kit', () => {
  it('finds the files a page and a minified chunk refer to', async () => {
    const { assetRefs } = await import('./kit.js');
    const html =
      '<link rel="stylesheet" href="/assets/app.1.css"/><div data-basemap110="/map-data/2-2.0.2/basemap-110m.json" ' +
      'data-x="/map-data/2-2.0.2/basemap-50m.json"></div><script type="module" src="/assets/map.client-A1.js"></script>';
    expect(assetRefs(html, false)).toEqual([
      '/assets/app.1.css',
      '/map-data/2-2.0.2/basemap-110m.json',
      '/map-data/2-2.0.2/basemap-50m.json',
      '/assets/map.client-A1.js',
    ]);
    const chunk = 'import{a}from"./text-X1.js";var KF=`/assets/maplibre-gl-worker-CZ.mjs`;import("./dist-Q.js")';
    expect(assetRefs(chunk, true)).toEqual([
      '/assets/text-X1.js',
      '/assets/maplibre-gl-worker-CZ.mjs',
      '/assets/dist-Q.js',
    ]);
  });

  it('ranks equally matching services by how recently they were verified, as the server does', () => {
    const ranked = new PackSearch({
      ...pack,
      services: [
        service('old', 'Comedor San José', { verified_at: '2024-11-01T00:00:00Z' }),
        service('never', 'Comedor San Juan'),
        service('new', 'Comedor Santa Ana', { verified_at: '2026-11-20T00:00:00Z' }),
      ],
    });
    expect(ranked.search({ q: 'comedor' }).map((hit) => hit.service.id)).toEqual(['new', 'old', 'never']);
    expect(recencyWeight('2026-11-24T00:00:00Z', pack.generatedAt)).toBe(1);
    expect(recencyWeight(undefined, pack.generatedAt)).toBeCloseTo(
      0.6 + 0.4 / (1 + (3 * 365 * 24 * 3600) / 15_552_000),
    );
    expect(recencyWeight('not a date', pack.generatedAt)).toBe(recencyWeight(undefined, pack.generatedAt));
  });
});
