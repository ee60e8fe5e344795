// `rumbo export hsds <dir>`: the whole directory as open data — the HSDS tabular data package, the HSDS JSON
// form, GeoJSON of locations and an HXL-tagged CSV — each streamed from the database batch by batch.
import { mkdir } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../../db/db.js';
import { streamServices } from '../hsds.service.js';
import { allTaxonomies, streamOrganizations } from '../hsds-directory.service.js';
import { listTermRows, hsdsRecords } from '../hsds-taxonomy.repository.js';
import { presentTerm, type HsdsObject } from '../hsds.presenter.js';
import { FILE_EXPORTS, type FileExportName } from './file-exports.js';
import { publicLocations } from './public-locations.js';
import { TabularWriter } from './tabular-package.js';

export interface ExportResult {
  files: string[];
  rows: Record<string, number>;
}

/** HSDS tables Rumbo has no model for, kept verbatim from imports. */
export const KEPT_RESOURCES = [
  'program',
  'contact',
  'funding',
  'service_area',
  'accessibility',
  'metadata',
  'meta_table_description',
  'cost_option',
  'organization_identifier',
  'taxonomy',
] as const;

const without = (record: HsdsObject, ...keys: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));

export async function exportTabular(db: Db, dir: string): Promise<ExportResult> {
  await mkdir(dir, { recursive: true });
  const out = await TabularWriter.open(dir);
  for await (const organization of streamOrganizations(db, undefined)) await out.write('organization', organization);
  for await (const location of publicLocations(db)) {
    await out.write('location', without(location, 'addresses'));
    for (const address of (location.addresses as HsdsObject[] | undefined) ?? []) await out.write('address', address);
  }
  for await (const service of streamServices(db, { activeOnly: false }, { full: true })) {
    await out.write('service', service);
    for (const phone of service.phones as HsdsObject[]) await out.write('phone', phone);
    for (const schedule of service.schedules as HsdsObject[]) await out.write('schedule', schedule);
    for (const language of service.languages as HsdsObject[]) await out.write('language', language);
    for (const document of service.required_documents as HsdsObject[]) await out.write('required_document', document);
    for (const attribute of service.attributes as HsdsObject[]) await out.write('attribute', attribute);
    for (const place of service.service_at_locations as HsdsObject[]) await out.write('service_at_location', place);
  }
  for (const taxonomy of await allTaxonomies(db)) await out.write('taxonomy', taxonomy);
  const terms = await listTermRows(db, {}, { limit: 1_000_000, offset: 0 });
  for (const term of terms.rows) await out.write('taxonomy_term', presentTerm(term));
  for (const resource of KEPT_RESOURCES) {
    if (resource === 'taxonomy') continue;
    for (const kept of await hsdsRecords(db, resource)) await out.write(resource, kept.record);
  }
  return { files: await out.close(), rows: out.counts };
}

export async function writeFileExport(db: Db, dir: string, name: FileExportName): Promise<void> {
  await pipeline(Readable.from(FILE_EXPORTS[name].build(db)), createWriteStream(path.join(dir, name)));
}

export async function exportHsds(db: Db, dir: string): Promise<ExportResult> {
  const tabular = await exportTabular(db, path.join(dir, 'hsds-csv'));
  const files = tabular.files.map((f) => path.join('hsds-csv', f));
  for (const name of Object.keys(FILE_EXPORTS) as FileExportName[]) {
    await writeFileExport(db, dir, name);
    files.push(name);
  }
  return { files, rows: tabular.rows };
}
