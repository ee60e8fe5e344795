// The words of a search as the user typed them, and where they occur in a text (for <mark> highlighting).
// Pure functions: no database, so the rules are unit-tested directly.

/** At most this many words of a query are searched; the rest is ignored (a bound on every query's cost). */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Lower case without accents: "Clínica" → "clinica" (the same folding as the database's `unaccent`). */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The distinct words of a query (letters and digits only, so SQL or HTML fragments are just words). */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = word.toLowerCase().slice(0, MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into segments, marking words that share a stem-like prefix with one of `terms` ("abogados" for
 * "abogado", "clínica" for "clinica"). The database decides what matches; this only shows where.
 */
export function highlightSegments(text: string, terms: string[]): TextSegment[] {
  const prefixes = terms.map(foldWord).map((t) => (t.length > 5 ? t.slice(0, t.length - 2) : t));
  if (!prefixes.length) return [{ text, match: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = foldWord(found[0]);
    const hit = prefixes.some((p) => p.length >= 3 && word.startsWith(p) && word.length - p.length <= 4);
    if (!hit) continue;
    const start = found.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every word one keystroke away from a folded word: a letter dropped, two neighbours swapped, a letter replaced or
 * one added. A swap in the middle of a short word breaks most of its trigrams ("ciduad" shares almost none with
 * "ciudad"), so trigram similarity alone misses it; an exact lookup of these few hundred strings does not.
 */
export function oneEditVariants(word: string): string[] {
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) variants.add(head + tail.slice(1));
    if (tail.length > 1) variants.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) variants.add(head + letter + tail.slice(1));
      variants.add(head + letter + tail);
    }
  }
  variants.delete(word);
  return [...variants];
}

/** Damerau–Levenshtein distance (adjacent swaps count once): how many keystrokes apart two words are. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Of a term's similar known words, the fewest keystrokes away; then the most similar, then the most frequent. */
export function bestCorrection<T extends { word: string; similarity: number; frequency: number }>(
  term: string,
  candidates: T[],
): T | undefined {
  const scored = candidates.map((c) => ({ c, distance: editDistance(term, c.word) }));
  scored.sort((x, y) => x.distance - y.distance || y.c.similarity - x.c.similarity || y.c.frequency - x.c.frequency);
  const best = scored[0];
  return best && best.distance <= Math.max(2, Math.floor(term.length / 3)) ? best.c : undefined;
}
