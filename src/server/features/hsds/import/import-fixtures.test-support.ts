// Test support for the HSDS import: the standard's example dataset copied to a temporary directory (its
// datapackage.json in the standard is a link, so the copy relies on the standard's own), variants of it, and a
// snapshot of every table an import writes (the moderation queue too), to assert that a refused import changed
// nothing.
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../../db/db.js';
import type { Database, HsdsTables } from '../../../db/schema.js';
import { hsdsStandardDir } from '../hsds-standard.js';

export const EXAMPLE_DIR = path.join(hsdsStandardDir(), 'examples/csv');

export async function exampleCopy(parent: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'example-'));
  for (const file of await readdir(EXAMPLE_DIR)) {
    if (file.endsWith('.csv')) await cp(path.join(EXAMPLE_DIR, file), path.join(dir, file));
  }
  return dir;
}

/** Rewrites one CSV of a package directory through `change` (text in, text out). */
export async function editCsv(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

export const tempRoot = () => mkdtemp(path.join(tmpdir(), 'rumbo-hsds-import-'));

const TABLES: (keyof Database | 'hsds_records')[] = [
  'organizations',
  'services',
  'locations',
  'addresses',
  'service_at_locations',
  'phones',
  'schedules',
  'required_documents',
  'service_languages',
  'service_taxonomy_terms',
  'taxonomy_terms',
  'hsds_records',
  'submissions',
];

/** Every row of every table an import writes, as text, in a stable order. */
export async function snapshot(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await db.query.withTables<HsdsTables>().selectFrom(table).selectAll().execute();
    parts.push(
      `${table}: ${rows
        .map((r) => JSON.stringify(r))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n');
}
