// Broken input is refused with a clear report and leaves the database exactly as it was; valid input is written
// all or nothing and updates records it already has; only a verified import changes live listings (an unverified
// one goes to moderation: hsds-import-moderation.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../../../../tests/support/test-db.js';
import { run, UsageError } from '../../../cli/rumbo.js';
import { importHsds, type ImportOptions } from './import.service.js';
import { describeHsdsImport, type ImportReport } from './import-report.js';
import { editCsv, exampleCopy, snapshot, tempRoot } from './import-fixtures.test-support.js';
import { writeZip } from './zip-fixture.test-support.js';

const SERVICE_ID = 'ac148810-d857-441c-9679-408f346de14b';

describe('HSDS import', () => {
  let t: TestDb;
  let root: string;
  let before: string;

  /** Imports `input` and checks that nothing changed; returns the report and its text. */
  async function refused(input: string, options: ImportOptions = {}): Promise<[ImportReport, string]> {
    const report = await importHsds(t.db, input, options);
    expect(report.committed).toBe(false);
    expect(await snapshot(t.db)).toBe(before);
    return [report, describeHsdsImport(report).join('\n')];
  }

  beforeAll(async () => {
    t = await createTestDb();
    root = await tempRoot();
    const first = await importHsds(t.db, await exampleCopy(root), { verified: true });
    expect(first.committed).toBe(true);
    before = await snapshot(t.db);
  }, 60_000);
  afterAll(async () => {
    await t.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('imports the example dataset, keeping what cannot be live and saying why', async () => {
    const dir = await exampleCopy(root);
    const report = await importHsds(t.db, dir, { dryRun: true, verified: true });
    expect(report.counts.rejected).toBe(0);
    expect(report.lines).toContainEqual(
      expect.objectContaining({
        outcome: 'updated',
        resource: 'service',
        id: SERVICE_ID,
        file: 'services.csv',
        row: 2,
      }),
    );
    const location = report.lines.find((l) => l.resource === 'location');
    expect(location).toMatchObject({ outcome: 'kept', file: 'locations.csv', row: 2 });
    expect(describeHsdsImport(report).join('\n')).toContain('Dry run');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('updates records it already has instead of duplicating them when verified, not when unverified', async () => {
    const dir = await exampleCopy(root);
    await editCsv(dir, 'services.csv', (text) => text.replace('Community Counselling', 'Community Counselling Plus'));
    const liveService = () => t.db.query.selectFrom('services').selectAll().execute();
    // Unverified: the change would wait for moderation, but the example's organization makes no listing (its only
    // location is at latitude 100): the records are kept, saying why, and the live service is untouched.
    const unverified = await importHsds(t.db, dir);
    expect(unverified).toMatchObject({ committed: true, submissions: 0 });
    expect(unverified.lines).toContainEqual(
      expect.objectContaining({ outcome: 'kept', resource: 'service', id: SERVICE_ID, file: 'services.csv', row: 2 }),
    );
    expect(unverified.lines.find((l) => l.id === SERVICE_ID)?.reason).toContain(
      'not sent to moderation: organization d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610 does not make a listing',
    );
    expect((await liveService())[0]?.name).toEqual({ en: 'Community Counselling' });

    const report = await importHsds(t.db, dir, { verified: true });
    expect(report.committed).toBe(true);
    expect(report.counts.created).toBe(0);
    const services = await liveService();
    expect(services).toHaveLength(1);
    expect(services[0]?.name).toEqual({ en: 'Community Counselling Plus' });
    expect(services[0]?.verified_by).toBe('import');
    expect(services[0]?.last_verified_at).toBeInstanceOf(Date);
    // Back to the first import's state for the refusal tests.
    await importHsds(t.db, await exampleCopy(root), { verified: true });
    expect((await liveService())[0]?.name).toEqual({ en: 'Community Counselling' });
    before = await snapshot(t.db);
  }, 30_000);

  it('refuses a CSV without a required column', async () => {
    const dir = await exampleCopy(root);
    await editCsv(dir, 'services.csv', (text) => text.replace(',status,', ',state,'));
    const [report, text] = await refused(dir);
    expect(report.error).toMatchObject({ code: 'missing_column', file: 'services.csv', field: 'status' });
    expect(text).toContain('services.csv has no "status" column');
    expect(text).toContain('Nothing was changed.');
  });

  it('rejects a bad UUID and a wrong enum, naming file, row and field', async () => {
    const dir = await exampleCopy(root);
    await editCsv(dir, 'services.csv', (text) => text.replace(SERVICE_ID, 'not-a-uuid').replace(',active,', ',open,'));
    await editCsv(dir, 'locations.csv', (text) => text.replace(',physical,', ',floating,'));
    const [report, text] = await refused(dir);
    expect(report.lines).toContainEqual(
      expect.objectContaining({ outcome: 'rejected', file: 'services.csv', row: 2, field: 'id' }),
    );
    expect(report.lines).toContainEqual(
      expect.objectContaining({ outcome: 'rejected', file: 'locations.csv', row: 2, field: 'location_type' }),
    );
    expect(text).toContain('"not-a-uuid" is not a UUID');
    expect(text).toContain('rejected');
    expect(text).toContain('nothing was changed');
  });

  it('rejects a wrong enum in a record that is otherwise fine', async () => {
    const dir = await exampleCopy(root);
    await editCsv(dir, 'services.csv', (text) => text.replace(',active,', ',open,'));
    const [report] = await refused(dir);
    expect(report.lines).toEqual([
      expect.objectContaining({ outcome: 'rejected', id: SERVICE_ID, file: 'services.csv', row: 2, field: 'status' }),
    ]);
    expect(report.lines[0]?.reason).toContain('allowed values');
  });

  it('refuses a 50 MB field, and a file over the per-file limit', async () => {
    const dir = await exampleCopy(root);
    await editCsv(dir, 'services.csv', (text) =>
      text.replace('Counselling Services provided', 'x'.repeat(50 * 1024 * 1024)),
    );
    const [report, text] = await refused(dir);
    expect(report.error).toMatchObject({ code: 'field_too_large', file: 'services.csv', row: 2, field: 'description' });
    expect(text).toContain('limit per field');
    const [small] = await refused(await exampleCopy(root), { limits: { maxFileBytes: 1000 } });
    expect(small.error).toMatchObject({ code: 'file_too_large', file: 'services.csv' });
  }, 30_000);

  it('refuses a zip with an entry that climbs out or is absolute, before extracting anything', async () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', 'hsds\\..\\..\\x.csv']) {
      const zip = path.join(root, 'evil.zip');
      await writeZip(zip, [
        { name: 'services.csv', data: 'id,organization_id,name,status\n' },
        { name, data: 'root:x:0:0' },
      ]);
      const [report, text] = await refused(zip);
      expect(report.error).toMatchObject({ code: 'unsafe_path', file: name });
      expect(text).toContain(`Zip entry "${name}"`);
    }
  });

  it('refuses a zip bomb by its declared size and by its actual size', async () => {
    const liar = path.join(root, 'liar.zip');
    await writeZip(liar, [{ name: 'services.csv', data: 'id\n', deflate: true, declaredSize: 0xf0000000 }]);
    const [declared] = await refused(liar);
    expect(declared.error?.code).toBe('file_too_large');
    const bomb = path.join(root, 'bomb.zip');
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    await writeZip(bomb, [
      { name: 'a/services.csv', data: zeros, deflate: true },
      { name: 'a/phones.csv', data: zeros, deflate: true },
    ]);
    const [actual, text] = await refused(bomb, { limits: { maxTotalBytes: 10 * 1024 * 1024 } });
    expect(actual.error?.code).toBe('archive_too_large');
    expect(text).toContain('uncompresses to more than');
  });

  it('imports a zip of a package, from a folder inside it', async () => {
    const zip = path.join(root, 'good.zip');
    const dir = await exampleCopy(root);
    const { readdir, readFile } = await import('node:fs/promises');
    const entries = [];
    for (const file of await readdir(dir))
      entries.push({ name: `pkg/${file}`, data: await readFile(path.join(dir, file)), deflate: true });
    await writeZip(zip, entries);
    const report = await importHsds(t.db, zip, { dryRun: true, verified: true });
    expect(report.counts).toMatchObject({ rejected: 0, created: 0 });
    expect(report.counts.updated).toBeGreaterThan(0);
  });

  it('refuses malformed JSON and malformed CSV', async () => {
    const json = path.join(root, 'broken.json');
    await writeFile(json, '[{"id": "ac148810-d857-441c-9679-408f346de14b", ');
    const [jsonReport, jsonText] = await refused(json);
    expect(jsonReport.error?.code).toBe('malformed_json');
    expect(jsonText).toContain('broken.json is not valid JSON');
    const dir = await exampleCopy(root);
    await editCsv(dir, 'phones.csv', (text) => `${text}"unclosed,quote\n`);
    const [csvReport] = await refused(dir);
    expect(csvReport.error).toMatchObject({ code: 'malformed_csv', file: 'phones.csv' });
  });

  it('names the usage of the CLI command when it is wrong', async () => {
    await expect(run(['import', 'hsds'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['seed', 'demo', '--dry-run'])).rejects.toBeInstanceOf(UsageError);
  });
});
