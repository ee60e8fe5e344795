// `rumbo export hsds <dir>`: the whole directory as open data — the HSDS tabular data package, the HSDS JSON
// form, GeoJSON of locations and an HXL-tagged CSV — streamed from the database batch by batch, in one pass: each
// service and location read is written to every file that has it.
import { mkdir } from 'node:fs/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Db } from '../../../db/db.js';
import { streamServices } from '../hsds.service.js';
import { allTaxonomies, streamOrganizations } from '../hsds-directory.service.js';
import { listTermRows, hsdsRecords } from '../hsds-taxonomy.repository.js';
import { presentTerm, type HsdsObject } from '../hsds.presenter.js';
import { LOCATIONS_GEOJSON, SERVICES_HXL, SERVICES_JSON, type TextFormat } from './file-exports.js';
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

/** One text file fed record by record, with backpressure. */
class FormattedFile {
  private index = 0;
  private constructor(
    private readonly out: WriteStream,
    private readonly format: TextFormat,
  ) {}

  static async open(file: string, format: TextFormat): Promise<FormattedFile> {
    const writer = new FormattedFile(createWriteStream(file), format);
    await writer.text(format.head);
    return writer;
  }

  write(record: HsdsObject): Promise<void> {
    return this.text(this.format.item(record, this.index++));
  }

  async close(): Promise<void> {
    this.out.end(this.format.tail);
    await once(this.out, 'finish');
  }

  private async text(chunk: string) {
    if (chunk && !this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/** The single files beside the package: services.json, service-locations.geojson, services-hxl.csv. */
interface FileSet {
  services: FormattedFile[];
  locations: FormattedFile[];
}

async function writeAll(db: Db, tabularDir: string, files: FileSet | null): Promise<ExportResult> {
  await mkdir(tabularDir, { recursive: true });
  const out = await TabularWriter.open(tabularDir);
  for await (const organization of streamOrganizations(db, undefined)) await out.write('organization', organization);
  for await (const location of publicLocations(db)) {
    await out.write('location', without(location, 'addresses'));
    for (const address of (location.addresses as HsdsObject[] | undefined) ?? []) await out.write('address', address);
    for (const file of files?.locations ?? []) await file.write(location);
  }
  for await (const service of streamServices(db, { activeOnly: false }, { full: true })) {
    await out.write('service', service);
    for (const phone of service.phones as HsdsObject[]) await out.write('phone', phone);
    for (const schedule of service.schedules as HsdsObject[]) await out.write('schedule', schedule);
    for (const language of service.languages as HsdsObject[]) await out.write('language', language);
    for (const document of service.required_documents as HsdsObject[]) await out.write('required_document', document);
    for (const attribute of service.attributes as HsdsObject[]) await out.write('attribute', attribute);
    for (const place of service.service_at_locations as HsdsObject[]) await out.write('service_at_location', place);
    for (const file of files?.services ?? []) await file.write(service);
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

/** The tabular data package alone (CSVs and datapackage.json) into `dir`. */
export function exportTabular(db: Db, dir: string): Promise<ExportResult> {
  return writeAll(db, dir, null);
}

export async function exportHsds(db: Db, dir: string): Promise<ExportResult> {
  await mkdir(dir, { recursive: true });
  const files: FileSet = {
    services: [
      await FormattedFile.open(path.join(dir, 'services.json'), SERVICES_JSON),
      await FormattedFile.open(path.join(dir, 'services-hxl.csv'), SERVICES_HXL),
    ],
    locations: [await FormattedFile.open(path.join(dir, 'service-locations.geojson'), LOCATIONS_GEOJSON)],
  };
  const tabular = await writeAll(db, path.join(dir, 'hsds-csv'), files);
  for (const file of [...files.services, ...files.locations]) await file.close();
  return {
    files: [
      ...tabular.files.map((f) => path.join('hsds-csv', f)),
      'services.json',
      'service-locations.geojson',
      'services-hxl.csv',
    ],
    rows: tabular.rows,
  };
}
