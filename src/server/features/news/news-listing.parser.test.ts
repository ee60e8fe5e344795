import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListing, readDateLine } from './news-listing.parser.js';

const seed = (name: string) => readFileSync(new URL(`./seed-pages/${name}`, import.meta.url));

describe('news listing parser', () => {
  it('reads dates in the listing format and refuses impossible ones', () => {
    expect(readDateLine('21 April, 2021')).toEqual({ kind: 'date', iso: '2021-04-21' });
    expect(readDateLine('7 August, 2019')).toEqual({ kind: 'date', iso: '2019-08-07' });
    expect(readDateLine('31 February, 2021').kind).toBe('bad-date');
    expect(readDateLine('21 Apirl, 2021').kind).toBe('bad-date');
    expect(readDateLine('IOM trained 700 officials')).toEqual({ kind: 'text' });
  });

  it('copes with non-breaking spaces, stray blank lines, CRLF and no final newline', () => {
    const text =
      '\ufeff21 April, 2021\r\n\r\nIOM\u00a0strengthens\u202fhubs \r\n\u00a0\r\n\r\nFirst\u00a0 paragraph. \r\n\r\nSecond “quoted”.\r\n' +
      '\u00a0\n19\u00a0April, 2021\nTitle two\nBody two.';
    const parsed = parseListing(text);
    expect(parsed).toEqual({
      ok: true,
      items: [
        {
          line: 1,
          date: '2021-04-21',
          title: 'IOM strengthens hubs',
          paragraphs: ['First paragraph.', 'Second “quoted”.'],
        },
        { line: 10, date: '2021-04-19', title: 'Title two', paragraphs: ['Body two.'] },
      ],
    });
  });

  it('reads the three seed pages: 10 items each, dated and titled', () => {
    for (const name of ['000_1ebcaf8b4b72ad06.txt', '001_ec38b0bd351a9270.txt', '004_cf1ddc2b1b257911.txt']) {
      const parsed = parseListing(seed(name));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.items).toHaveLength(10);
      for (const item of parsed.items) {
        expect(item.date).toMatch(/^20(19|21)-\d\d-\d\d$/);
        expect(item.title).not.toMatch(/\s{2}|^\s|\s$|\u00a0/);
        expect(item.paragraphs.length).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\u00a0\n \n', /empty/],
    ['no date line', 'IOM opens a hub\n\nBody.\n', /line 1.*expected a date line/],
    ['a bad date', '21 April, 2021\nTitle\nBody.\n\n30 February, 2021\nTitle\nBody.', /line 5.*bad date/],
    ['a missing title', '21 April, 2021\n\n19 April, 2021\nTitle\nBody.', /line 1.*title missing/],
    [
      'a paragraph where the title should be',
      `21 April, 2021\n\n${'Long text. '.repeat(40)}\n`,
      /line 3.*title missing/,
    ],
    ['a title at the end of the file', 'Intro', /expected a date line/],
    ['an item without body', '21 April, 2021\nTitle only', /line 1.*no body/],
  ])('refuses %s with a clear problem', (_name, text, message) => {
    const parsed = parseListing(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const described = parsed.problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join('\n');
    expect(described).toMatch(message);
  });

  it('refuses binary junk', () => {
    const junk = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
    const parsed = parseListing(junk);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/not a text file/);
    const controls = parseListing(new TextEncoder().encode('21 April, 2021\nTi\u0001tle\nBody'));
    expect(controls.ok).toBe(false);
  });
});
