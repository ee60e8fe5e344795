// The HSDS tabular data package: one CSV per HSDS table (columns as in the standard's datapackage.json, plus the
// Rumbo profile's columns) and a datapackage.json describing them. Rows are written as they stream in, with
// backpressure, so the size of the directory does not change the memory used.
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { standardJson } from '../hsds-standard.js';
import { PROFILE_PATCHES } from '../profile/rumbo-profile.js';
import type { HsdsObject } from '../hsds.presenter.js';

interface Field {
  name: string;
  type: string;
  [key: string]: unknown;
}
export interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; [key: string]: unknown };
  [key: string]: unknown;
}
export interface DataPackage {
  resources: Resource[];
  [key: string]: unknown;
}

export const officialDataPackage = () => standardJson('datapackage.json') as Promise<DataPackage>;

/** The profile's extra columns of a table (scalars as strings, objects as JSON text). */
function profileFields(resource: string): Field[] {
  const properties = (PROFILE_PATCHES[`${resource}.json`]?.properties ?? {}) as Record<
    string,
    { type?: string; description?: string }
  >;
  return Object.entries(properties).map(([name, p]) => ({
    name,
    type: p.type === 'object' ? 'object' : p.type === 'boolean' ? 'boolean' : 'string',
    description: `Rumbo profile. ${p.description ?? ''}`.trim(),
    constraints: { required: false },
  }));
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export class TabularWriter {
  private readonly streams = new Map<string, { out: WriteStream; fields: Field[]; resource: Resource }>();
  readonly counts: Record<string, number> = {};

  private constructor(
    private readonly dir: string,
    private readonly datapackage: DataPackage,
  ) {}

  static async open(dir: string): Promise<TabularWriter> {
    return new TabularWriter(dir, await officialDataPackage());
  }

  /** Writes one HSDS record as a row of `resource` (e.g. "service"); nested arrays and objects are left out. */
  async write(resourceName: string, record: HsdsObject): Promise<void> {
    const table = this.table(resourceName);
    const row = table.fields.map((f) => csvCell(record[f.name]));
    this.counts[resourceName] = (this.counts[resourceName] ?? 0) + 1;
    if (!table.out.write(stringify([row]))) await once(table.out, 'drain');
  }

  private table(resourceName: string) {
    let table = this.streams.get(resourceName);
    if (!table) {
      const official = this.datapackage.resources.find((r) => r.name === resourceName);
      if (!official) throw new Error(`HSDS has no table ${resourceName}`);
      const known = new Set(official.schema.fields.map((f) => f.name));
      const fields = [...official.schema.fields, ...profileFields(resourceName).filter((f) => !known.has(f.name))];
      const resource = { ...official, schema: { ...official.schema, fields } };
      const out = createWriteStream(path.join(this.dir, official.path));
      out.write(stringify([fields.map((f) => f.name)]));
      table = { out, fields, resource };
      this.streams.set(resourceName, table);
    }
    return table;
  }

  /** Closes every CSV and writes datapackage.json listing the tables written, in the standard's order. */
  async close(): Promise<string[]> {
    for (const { out } of this.streams.values()) {
      out.end();
      await once(out, 'finish');
    }
    const resources = this.datapackage.resources
      .filter((r) => this.streams.has(r.name))
      .map((r) => this.streams.get(r.name)?.resource ?? r);
    const { resources: _official, ...meta } = this.datapackage;
    await writeFile(
      path.join(this.dir, 'datapackage.json'),
      `${JSON.stringify({ ...meta, name: 'rumbo_hsds', title: 'Rumbo directory (HSDS 3.0, Rumbo profile)', resources }, null, 2)}\n`,
    );
    return ['datapackage.json', ...resources.map((r) => r.path)];
  }
}
