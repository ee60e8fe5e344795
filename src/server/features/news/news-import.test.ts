import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { seedDemoNews, seedPagePaths } from './news-demo.service.js';
import { describeImport, importNewsFiles, importNewsListing } from './news-import.service.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** What the seed files say, read independently of the parser: each date line and the next non-blank line. */
function expectedItems(files: string[]): { date: string; title: string }[] {
  const items: { date: string; title: string }[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim())
      .filter(Boolean);
    lines.forEach((line, i) => {
      const m = /^(\d+) (\w+), (\d{4})$/.exec(line);
      if (!m) return;
      const month = String(MONTHS.indexOf(m[2] ?? '') + 1).padStart(2, '0');
      items.push({ date: `${m[3]}-${month}-${(m[1] ?? '').padStart(2, '0')}`, title: lines[i + 1] ?? '' });
    });
  }
  return items;
}

async function storedItems(t: TestDb) {
  const rows = await t.db.query
    .selectFrom('news_items')
    .select([sql<string>`published_on::text`.as('date'), sql<string>`title->>'en'`.as('title')])
    .execute();
  return rows;
}

const sortItems = (items: { date: string; title: string }[]) =>
  [...items].sort((a, b) => `${a.date}${a.title}`.localeCompare(`${b.date}${b.title}`));

describe('news import', () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb();
    dir = await mkdtemp(path.join(tmpdir(), 'rumbo-news-'));
  });
  afterAll(() => t.drop());

  it('imports the three seed pages as exactly their 30 dated titles, and again adds nothing', async () => {
    const files = await seedPagePaths();
    const first = await importNewsFiles(t.db, files);
    expect(first.map((r) => [r.created, r.skipped, r.rejected])).toEqual([
      [10, 0, false],
      [10, 0, false],
      [10, 0, false],
    ]);
    const expected = expectedItems(files);
    expect(expected).toHaveLength(30);
    expect(sortItems(await storedItems(t))).toEqual(sortItems(expected));

    const again = await importNewsFiles(t.db, files);
    expect(again.map((r) => [r.created, r.skipped])).toEqual([
      [0, 10],
      [0, 10],
      [0, 10],
    ]);
    expect(await storedItems(t)).toHaveLength(30);
    expect(describeImport(again).at(-1)).toBe('News import: 0 created, 30 skipped, 0 of 3 files rejected.');
    expect(describeImport(again)[0]).toMatch(/^skipped .*000_1ebcaf8b4b72ad06\.txt:1 {2}already imported/);
  });

  it('keeps one item when it appears on two pages, even with other spacing and quotes', async () => {
    const page = (extra: string) =>
      new TextEncoder().encode(`1 May, 2024\n\nHub opens in Tapachula\u00a0 ‘today’\n\nBody.\n\n${extra}`);
    const a = await importNewsListing(t.db, 'page-a.txt', page('2 May, 2024\nOther item\nText.'));
    const b = await importNewsListing(
      t.db,
      'page-b.txt',
      page('3 May, 2024\nThird item\nText.').map((x) => x),
    );
    const c = await importNewsListing(
      t.db,
      'page-c.txt',
      new TextEncoder().encode("1 May, 2024\nHub opens in  Tapachula 'today'\nBody."),
    );
    expect([a.created, b.created, b.skipped, c.created, c.skipped]).toEqual([2, 1, 1, 0, 1]);
    expect(b.events[0]).toMatchObject({ outcome: 'skipped', line: 1 });
    expect(b.events[0]?.message).toContain('page-a.txt:1');
  });

  it.each([
    ['empty', ''],
    ['no-date', 'IOM opens hub\n\nBody text.\n'],
    ['bad-date', '1 June, 2024\nGood title\nBody.\n\n31 June, 2024\nBad date item\nBody.\n'],
    ['no-title', '1 June, 2024\n\n2 June, 2024\nTitle\nBody.\n'],
  ])('refuses a malformed file (%s) and imports nothing of it', async (name, text) => {
    const before = (await storedItems(t)).length;
    const file = path.join(dir, `${name}.txt`);
    await writeFile(file, text);
    const [report] = await importNewsFiles(t.db, [file]);
    expect(report).toMatchObject({ created: 0, skipped: 0, rejected: true });
    expect(report?.events.length).toBeGreaterThan(0);
    expect(describeImport([report!]).join('\n')).toMatch(new RegExp(`rejected .*${name}\\.txt`));
    expect((await storedItems(t)).length).toBe(before);
  });

  it('refuses binary junk and missing files clearly', async () => {
    const junk = path.join(dir, 'junk.bin');
    await writeFile(junk, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
    const [bin, missing] = await importNewsFiles(t.db, [junk, path.join(dir, 'nope.txt')]);
    expect(bin?.events[0]?.message).toMatch(/not a text file/);
    expect(missing?.events[0]?.message).toMatch(/cannot read: ENOENT/);
    expect(describeImport([bin!, missing!]).at(-1)).toBe('News import: 0 created, 0 skipped, 2 of 2 files rejected.');
  });

  it('seeds the demo news only into an empty table', async () => {
    expect(await seedDemoNews(t.db)).toEqual({ seeded: false, items: 0 });
    const fresh = await createTestDb();
    try {
      expect(await seedDemoNews(fresh.db)).toEqual({ seeded: true, items: 30 });
      const demo = await fresh.db.query
        .selectFrom('news_items')
        .select('is_demo')
        .where('is_demo', '=', true)
        .execute();
      expect(demo).toHaveLength(30);
      expect(await seedDemoNews(fresh.db)).toEqual({ seeded: false, items: 0 });
    } finally {
      await fresh.drop();
    }
  });
});
