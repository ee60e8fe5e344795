// Reads the plain-text news listing of the old site: for each item a date line ("21 April, 2021"), a title line,
// then one or more body paragraphs; blank lines (also ones holding only non-breaking spaces) separate them.
// Pure: text in, items or problems with line numbers out. Any problem means the whole file is refused.
import { cleanText } from './news-text.js';

export interface ParsedNewsItem {
  /** Line of the date, 1-based. */
  line: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  title: string;
  paragraphs: string[];
}

export interface ListingProblem {
  /** 1-based line, absent when the problem is the whole file. */
  line?: number;
  message: string;
}

export type ListingParse = { ok: true; items: ParsedNewsItem[] } | { ok: false; problems: ListingProblem[] };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Anything shaped like "<day> <word>, <year>" is meant as a date; a wrong one is an error, not a title. */
const DATE_SHAPE = /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})$/u;
/** A title is one line; longer than this it is a paragraph, and the title is missing. */
export const MAX_TITLE_LENGTH = 300;

type DateLine = { kind: 'date'; iso: string } | { kind: 'bad-date'; reason: string } | { kind: 'text' };

export function readDateLine(text: string): DateLine {
  const match = DATE_SHAPE.exec(text);
  if (!match) return { kind: 'text' };
  const [, dayText = '', monthText = '', yearText = ''] = match;
  const monthName = monthText.toLowerCase();
  const month = MONTHS.findIndex((m) => m === monthName || (monthName.length === 3 && m.startsWith(monthName))) + 1;
  if (month === 0) return { kind: 'bad-date', reason: `unknown month "${monthText}"` };
  const day = Number(dayText);
  const year = Number(yearText);
  if (year < 1900 || year > 2100) return { kind: 'bad-date', reason: `year ${year} is out of range` };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay)
    return { kind: 'bad-date', reason: `${capitalize(MONTHS[month - 1] ?? '')} ${year} has no day ${day}` };
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { kind: 'date', iso };
}

/** Decodes bytes as UTF-8 text, refusing binary data (invalid UTF-8 or control characters). */
export function decodeListing(input: Uint8Array): { text: string } | { problem: ListingProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { problem: { message: 'not a text file: the bytes are not valid UTF-8' } };
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    return { problem: { line, message: 'not a text file: it contains control characters' } };
  }
  return { text: text.replace(/^\ufeff/, '') };
}

export function parseListing(input: string | Uint8Array): ListingParse {
  let source: string;
  if (typeof input === 'string') source = input;
  else {
    const decoded = decodeListing(input);
    if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
    source = decoded.text;
  }
  const lines = source
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: cleanText(raw) }))
    .filter((l) => l.text !== '');
  if (lines.length === 0) return { ok: false, problems: [{ message: 'the file is empty: no news items in it' }] };

  const items: ParsedNewsItem[] = [];
  const problems: ListingProblem[] = [];
  let current: ParsedNewsItem | null = null;
  let expectTitleFor: { line: number; date: string } | null = null;

  const closeItem = () => {
    if (current && current.paragraphs.length === 0) {
      problems.push({ line: current.line, message: `the item "${current.title}" has no body paragraph` });
    }
    current = null;
  };

  for (const { line, text } of lines) {
    const date = readDateLine(text);
    if (date.kind === 'bad-date') {
      problems.push({ line, message: `bad date "${text}": ${date.reason}` });
      closeItem();
      expectTitleFor = null;
      continue;
    }
    if (date.kind === 'date') {
      if (expectTitleFor) problems.push({ line: expectTitleFor.line, message: 'title missing after this date' });
      closeItem();
      expectTitleFor = { line, date: date.iso };
      continue;
    }
    if (expectTitleFor) {
      if (text.length > MAX_TITLE_LENGTH) {
        problems.push({
          line,
          message: `title missing after the date on line ${expectTitleFor.line}: this line is a paragraph (${text.length} characters)`,
        });
        expectTitleFor = null;
        continue;
      }
      current = { line: expectTitleFor.line, date: expectTitleFor.date, title: text, paragraphs: [] };
      items.push(current);
      expectTitleFor = null;
      continue;
    }
    if (current) {
      (current as ParsedNewsItem).paragraphs.push(text);
      continue;
    }
    if (items.length === 0 && problems.length === 0) {
      problems.push({ line, message: `expected a date line such as "21 April, 2021", found "${preview(text)}"` });
    }
  }
  if (expectTitleFor) problems.push({ line: expectTitleFor.line, message: 'title missing after this date' });
  closeItem();
  if (problems.length === 0 && items.length === 0) problems.push({ message: 'no news items found' });
  return problems.length
    ? { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }
    : { ok: true, items };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
