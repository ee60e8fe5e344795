import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app.js';
import { seedDemo } from '../../demo/demo.service.js';
import { buildFullService, type FullRecord } from '../hsds.factories.js';
import { validateOfficial, validateRecord } from '../hsds-validator.js';
import { rowToRecord } from '../import/csv-records.js';
import { exportHsds } from './hsds-export.service.js';
import type { DataPackage } from './tabular-package.js';

describe('HSDS exports', () => {
  let t: TestApp;
  let full: FullRecord;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    full = await buildFullService(t.db);
    dir = await mkdtemp(path.join(tmpdir(), 'rumbo-hsds-export-'));
    await exportHsds(t.db, dir);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a tabular data package whose every row validates against its HSDS table schema', async () => {
    const csvDir = path.join(dir, 'hsds-csv');
    const datapackage = JSON.parse(await readFile(path.join(csvDir, 'datapackage.json'), 'utf8')) as DataPackage;
    expect(datapackage.profile).toBe('tabular-data-package');
    const names = datapackage.resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['organization', 'service', 'location', 'address', 'phone', 'schedule', 'taxonomy_term']),
    );
    for (const resource of datapackage.resources) {
      const rows = parse(await readFile(path.join(csvDir, resource.path)), { columns: true }) as Record<
        string,
        string
      >[];
      expect(Object.keys(rows[0] ?? {})).toEqual(resource.schema.fields.map((f) => f.name));
      for (const row of rows) {
        const { record, errors } = rowToRecord(resource.schema.fields, row);
        expect(errors).toEqual([]);
        // An empty CSV cell is an absent field: addresses without a postal code are valid under the Rumbo
        // profile (which makes it optional), and every other table validates against the official schema.
        const verdict =
          resource.name === 'address'
            ? await validateRecord('address', record)
            : await validateOfficial(`schema/${resource.name}.json`, record);
        expect(verdict.errors, `${resource.path} ${row.id}`).toEqual([]);
      }
    }
    expect((await readdir(csvDir)).sort()).toEqual(
      ['datapackage.json', ...datapackage.resources.map((r) => r.path)].sort(),
    );
  }, 60_000);

  it('writes the JSON form: every service validates as a fully nested HSDS service', async () => {
    const services = JSON.parse(await readFile(path.join(dir, 'services.json'), 'utf8')) as unknown[];
    expect(services.length).toBeGreaterThan(300);
    for (const service of services) {
      const verdict = await validateOfficial('schema/compiled/service.json', service);
      expect(verdict.errors).toEqual([]);
    }
  }, 60_000);

  it('never exports a hidden or city-only street, nor hidden coordinates', async () => {
    for (const file of [
      'services.json',
      'service-locations.geojson',
      'services-hxl.csv',
      'hsds-csv/addresses.csv',
      'hsds-csv/locations.csv',
    ]) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(text).not.toContain(full.locations.hidden.street);
      expect(text).not.toContain(full.locations.city.street);
      expect(text).not.toContain(String(full.locations.hidden.latitude));
    }
  });

  it('writes GeoJSON (RFC 7946) with hidden locations at no coordinates', async () => {
    const geojson = JSON.parse(await readFile(path.join(dir, 'service-locations.geojson'), 'utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    const hidden = geojson.features.find((f: { id: string }) => f.id === full.locations.hidden.id);
    expect(hidden.geometry).toBeNull();
    const shown = geojson.features.find((f: { id: string }) => f.id === full.locations.full.id);
    expect(shown.geometry).toEqual({
      type: 'Point',
      coordinates: [full.locations.full.longitude, full.locations.full.latitude],
    });
  });

  it('writes an HXL-tagged CSV with a hashtag row under the header', async () => {
    const rows = parse(await readFile(path.join(dir, 'services-hxl.csv'))) as string[][];
    expect(rows[1]?.every((cell) => cell.startsWith('#'))).toBe(true);
    expect(rows[1]).toContain('#org+name');
    expect(rows.length).toBeGreaterThan(300);
  });

  it('serves the downloads over HTTP', async () => {
    const res = await t.app.inject('/hsds/downloads/service-locations.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(JSON.parse(res.body).features.length).toBeGreaterThan(0);
    expect((await t.app.inject('/hsds/downloads/passwd')).statusCode).toBe(400);
  });
});
