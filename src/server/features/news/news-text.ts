// How news text is cleaned and compared: spaces of every kind become one plain space, and a "folded" form (lower
// case, no accents, straight quotes) serves for duplicate detection, search and tagging.

/** Non-breaking, narrow non-breaking, thin, figure, ideographic and other Unicode spaces, plus zero-width ones. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\t\v\f]/g;

/** One line of imported text with its spaces normalized; quotes and letters are kept as written. */
export function cleanText(text: string): string {
  return text.replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Lower case, accents removed, curly quotes and dashes made plain, runs of space collapsed. */
export function foldText(text: string): string {
  return cleanText(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[\u2018\u2019\u201a\u201b\u00b4`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(ODD_SPACES, ' ')
      .toLowerCase(),
  );
}

/** The key that makes two titles the same item: folded, punctuation dropped. */
export function titleKey(title: string): string {
  return foldText(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a folded text, for whole-word dictionary matching. */
export function wordsOf(text: string): string[] {
  return titleKey(text).split(' ').filter(Boolean);
}

/** A URL-safe slug: 'YYYY-MM-DD-first-words-of-title', at most 100 characters. */
export function newsSlug(date: string, title: string, hash: string): string {
  const words = titleKey(title)
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  let slug = date;
  for (const word of words) {
    if (slug.length + word.length + 1 > 90) {
      // Cut: keep slugs of long, similar titles apart with a piece of the content hash.
      return `${slug}-${hash.slice(0, 6)}`;
    }
    slug += `-${word}`;
  }
  return slug;
}

/** The text of sanitized HTML, for summaries, search and tagging (entities of the sanitizer's output decoded). */
export function htmlToText(html: string): string {
  return cleanText(
    html
      .replace(/<\/(p|li|ul|ol)>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&'),
  );
}

/** Shortens text at a word boundary, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
