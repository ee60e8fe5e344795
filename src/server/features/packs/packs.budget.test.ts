// The weight budget of issue 7: a country pack of 5,000 services is at most 600 KB compressed (gzip and brotli, as
// the app compresses), built from the search benchmark's synthetic generator; long texts are shortened to fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { insertDirectory } from '../demo/demo.service.js';
import { createRng } from '../demo/demo-support.js';
import { buildCountryPack, packBudgetBytes, type CountryPack } from './packs.service.js';
import { syntheticCountryDirectory } from './synthetic-country.js';

const BUDGET = 600 * 1024;
const gzip = (body: string) => gzipSync(body).length;
const brotli = (body: string) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;

describe('country pack budget', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertDirectory(t.db, syntheticCountryDirectory(5000, 'MX'));
    // A small country whose descriptions are long and hardly compressible: they must be cut to fit.
    const rng = createRng(42);
    const word = () =>
      Array.from({ length: rng.int(2, 9) }, () => 'abcdefghijklmnopqrstuvwxyzáéíóú'[rng.int(0, 30)]).join('');
    const long = syntheticCountryDirectory(300, 'CR', 2);
    await insertDirectory(t.db, {
      ...long,
      services: long.services.map((s) => ({
        ...s,
        description: { es: Array.from({ length: 700 }, word).join(' ') },
      })),
    });
  }, 120_000);
  afterAll(() => t.drop());

  it('keeps a 5,000-service pack under 600 KB with gzip and brotli', async () => {
    const pack = await buildCountryPack(t.db, 'MX', 'es');
    expect(pack.services).toBe(5000);
    const sizes = { raw: Buffer.byteLength(pack.body), gzip: gzip(pack.body), brotli: brotli(pack.body) };
    console.log(`5,000-service pack (MX, es): ${JSON.stringify(sizes)} bytes (budget ${BUDGET})`);
    expect(sizes.gzip).toBeLessThanOrEqual(BUDGET);
    expect(sizes.brotli).toBeLessThanOrEqual(BUDGET);
    // These descriptions are short: none was cut.
    const body = JSON.parse(pack.body) as CountryPack;
    expect(body.services.some((s) => s.description.endsWith('…'))).toBe(false);
  });

  it('shortens long descriptions at word boundaries only as much as the budget needs', async () => {
    const pack = await buildCountryPack(t.db, 'CR', 'en');
    const size = gzip(pack.body);
    console.log(`300 long services (CR): gzip ${size} bytes, budget ${packBudgetBytes(300)}`);
    expect(size).toBeLessThanOrEqual(packBudgetBytes(300));
    expect(size).toBeGreaterThan(packBudgetBytes(300) * 0.95);
    expect(brotli(pack.body)).toBeLessThanOrEqual(packBudgetBytes(300));
    const body = JSON.parse(pack.body) as CountryPack;
    for (const service of body.services) {
      expect(service.description.endsWith('…')).toBe(true);
      expect(service.description.length).toBeGreaterThan(80);
      expect(service.description).not.toMatch(/ …$/);
    }
  });
});
