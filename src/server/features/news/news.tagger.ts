// Suggests the countries, organizations and topics of a news item from its text, with the dictionary beside this
// file. Pure and deterministic: the same text always gives the same tags; a publisher confirms them later.
import type { NewsTopic } from '../../db/schema.js';
import { COUNTRY_TERMS, ORGANIZATION_TERMS, TOPIC_TERMS } from './news-tags.dictionary.js';
import { wordsOf } from './news-text.js';

export interface NewsTags {
  countries: string[];
  organizations: string[];
  topics: NewsTopic[];
}

type Matcher = (words: string[]) => boolean;

/** A term of one or more words; a trailing * on the last word matches any word starting with the stem. */
function termMatcher(term: string): Matcher {
  const parts = term.split(' ');
  return (words) => {
    outer: for (let i = 0; i + parts.length <= words.length; i++) {
      for (let j = 0; j < parts.length; j++) {
        const part = parts[j] ?? '';
        const word = words[i + j] ?? '';
        const ok = part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : word === part;
        if (!ok) continue outer;
      }
      return true;
    }
    return false;
  };
}

function compile<K extends string>(entries: [K, string[]][]): [K, Matcher[]][] {
  return entries.map(([key, terms]) => [
    key,
    terms.map((term) => termMatcher(wordsOf(term).join(' ') + (term.endsWith('*') ? '*' : ''))),
  ]);
}

const COUNTRIES = compile(Object.entries(COUNTRY_TERMS));
const ORGANIZATIONS = compile(ORGANIZATION_TERMS.map((o) => [o.code, o.terms] as [string, string[]]));
const TOPICS = compile(Object.entries(TOPIC_TERMS) as [NewsTopic, string[]][]);

/** Tags suggested for a text (title and body together), each list sorted. */
export function suggestTags(text: string): NewsTags {
  const words = wordsOf(text);
  const found = <K extends string>(table: [K, Matcher[]][]) =>
    table
      .filter(([, matchers]) => matchers.some((m) => m(words)))
      .map(([key]) => key)
      .sort();
  return { countries: found(COUNTRIES), organizations: found(ORGANIZATIONS), topics: found(TOPICS) };
}
