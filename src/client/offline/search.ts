// Search on the device over a saved country pack (MiniSearch): accent- and case-insensitive like the server,
// tolerant of a typo or two, a light plural fold ("clínicas" = "clinica"), and filters by category, city and
// population. Built once per pack version and kept in memory.
import MiniSearch from 'minisearch';
import type { PackService, SavedPack } from './packs.js';

// Words too common to carry meaning in the five languages (the server's text search drops them as well).
const STOP_WORDS = new Set(
  (
    'a al and ao aos as com da das de del do dos du e el en et for in la las le les lo los na nan no o of on ou ' +
    'para pou por pour sa se the to un una une y ak yo li'
  ).split(' '),
);

/** Lower case, no accents, no trailing plural "s" on longer words; stop words dropped. */
export function foldTerm(term: string): string | null {
  const folded = term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (!folded || STOP_WORDS.has(folded)) return null;
  return folded.length > 4 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}

/** Edits allowed per word: none for short words, one from four letters, two from seven. */
export function fuzziness(term: string): number {
  if (term.length >= 7) return 2;
  return term.length >= 4 ? 1 : 0;
}

interface Indexed {
  id: string;
  name: string;
  organization: string;
  description: string;
  categoryNames: string;
  places: string;
}

export interface OfflineFilters {
  q?: string;
  category?: string;
  city?: string;
  population?: string;
}

export interface OfflineHit {
  service: PackService;
  /** Words of the query that matched, as found in the text (for highlighting). */
  terms: string[];
}

export class PackSearch {
  private readonly index: MiniSearch<Indexed>;
  private readonly byId: Map<string, PackService>;

  constructor(readonly pack: SavedPack) {
    const categoryName = new Map(pack.categories.map((c) => [c.code, c.name]));
    this.byId = new Map(pack.services.map((service) => [service.id, service]));
    this.index = new MiniSearch<Indexed>({
      fields: ['name', 'organization', 'description', 'categoryNames', 'places'],
      storeFields: [],
      processTerm: foldTerm,
      searchOptions: { boost: { name: 3, categoryNames: 2, organization: 1.5 }, prefix: (t) => t.length >= 4 },
    });
    this.index.addAll(
      pack.services.map((service) => ({
        id: service.id,
        name: service.name,
        organization: service.organization,
        description: service.description,
        categoryNames: service.categories.map((code) => categoryName.get(code) ?? code).join(' '),
        places: service.locations.map((l) => [l.city, l.region, l.name].filter(Boolean).join(' ')).join(' '),
      })),
    );
  }

  /** Matching services, best first (text relevance × recency of verification, as on the server); with no words,
   *  every service passing the filters, by name. */
  search(filters: OfflineFilters): OfflineHit[] {
    const keep = (service: PackService) =>
      (!filters.category || service.categories.includes(filters.category)) &&
      (!filters.population || service.populations.includes(filters.population)) &&
      (!filters.city || service.locations.some((l) => sameText(l.city, filters.city!)));
    const words = (filters.q ?? '').trim().slice(0, 200);
    if (!words) {
      return [...this.byId.values()]
        .filter(keep)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((service) => ({ service, terms: [] }));
    }
    const run = (combineWith: 'AND' | 'OR') =>
      this.index.search(words, {
        combineWith,
        fuzzy: (term) => fuzziness(term),
        boostDocument: (id) => recencyWeight(this.byId.get(String(id))?.verified_at, this.pack.generatedAt),
      });
    let results = run('AND');
    if (results.length === 0) results = run('OR');
    return results.flatMap((result) => {
      const service = this.byId.get(String(result.id));
      return service && keep(service) ? [{ service, terms: result.terms }] : [];
    });
  }

  /** "Did you mean": the closest known words to a query that found nothing exactly. */
  suggest(q: string): string | null {
    const suggestion = this.index.autoSuggest(q, { fuzzy: (term) => fuzziness(term), combineWith: 'AND' })[0];
    return suggestion && suggestion.suggestion !== foldTerm(q) ? suggestion.suggestion : null;
  }

  get(id: string): PackService | undefined {
    return this.byId.get(id);
  }

  /** Cities of the pack, most services first. */
  cities(): { name: string; count: number }[] {
    const counts = new Map<string, { name: string; count: number }>();
    for (const service of this.byId.values()) {
      for (const city of new Set(service.locations.map((l) => l.city).filter((c): c is string => !!c))) {
        const key = foldTerm(city) ?? city;
        const entry = counts.get(key) ?? { name: city, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }
}

/**
 * As the server ranks: a listing's weight falls with the time since it was last verified (half after about six
 * months; never verified counts as three years), measured from when the pack was made so a saved pack ranks the
 * same every day it is used offline.
 */
export function recencyWeight(verifiedAt: string | undefined, asOf: string): number {
  const now = Date.parse(asOf);
  const at = verifiedAt ? Date.parse(verifiedAt) : NaN;
  const age = Number.isFinite(at) && Number.isFinite(now) ? Math.max(0, now - at) / 1000 : 3 * 365 * 24 * 3600;
  return 0.6 + 0.4 / (1 + age / 15_552_000);
}

function sameText(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();
  return fold(a) === fold(b);
}
