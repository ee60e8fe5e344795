// The demo news: the three pages of the old listing shipped in ./seed-pages, imported once into an empty news
// table and labelled as demo data.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from '../../db/db.js';
import { parseListing } from './news-listing.parser.js';
import { importParsedItems } from './news-import.service.js';
import { countNewsItems, lockNewsDemoImport } from './news.repository.js';

export const SEED_PAGES_DIR = fileURLToPath(new URL('./seed-pages/', import.meta.url));

export async function seedPagePaths(): Promise<string[]> {
  const names = (await readdir(SEED_PAGES_DIR)).filter((name) => name.endsWith('.txt')).sort();
  return names.map((name) => path.join(SEED_PAGES_DIR, name));
}

/** Imports the seed pages when there is no news yet; returns how many items it created (0 when it did nothing). */
export async function seedDemoNews(db: Db): Promise<{ seeded: boolean; items: number }> {
  if ((await countNewsItems(db.query)) > 0) return { seeded: false, items: 0 };
  const pages = await Promise.all(
    (await seedPagePaths()).map(async (file) => ({ file, parsed: parseListing(await readFile(file)) })),
  );
  return db.query.transaction().execute(async (trx) => {
    await lockNewsDemoImport(trx);
    if ((await countNewsItems(trx)) > 0) return { seeded: false, items: 0 };
    let items = 0;
    for (const { file, parsed } of pages) {
      if (!parsed.ok) throw new Error(`Demo news page ${path.basename(file)} does not parse`);
      const report = await importParsedItems(trx, file, parsed.items, {
        language: 'en',
        demo: true,
        status: 'published',
      });
      items += report.created;
    }
    return { seeded: true, items };
  });
}
