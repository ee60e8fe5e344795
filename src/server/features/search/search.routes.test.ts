// GET /api/v1/search on a small directory: accents, stemming, typos, cross-language, places, distance, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';

let t: TestApp;
const TAPACHULA = { latitude: 14.9067, longitude: -92.2635, city: 'Tapachula', country_code: 'MX' };
const SAN_JOSE = { latitude: 9.9333, longitude: -84.0833, city: 'San José', country_code: 'CR', admin_area: null };

async function search(query: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
  return { status: response.statusCode, body: response.json() };
}
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  const json = (value: object) => JSON.stringify(value);
  await buildService(
    t.db,
    { location: TAPACHULA, categories: ['health'] },
    {
      name: json({ es: 'Clínica Médica del Sur' }),
      description: json({ es: 'Consultas médicas gratuitas para personas migrantes.' }),
    },
  );
  await buildService(
    t.db,
    { location: SAN_JOSE, categories: ['legal-aid-asylum'] },
    {
      name: json({ en: 'Refugee Law Office' }),
      description: json({ en: 'Free representation for people claiming asylum.' }),
      original_locale: 'en',
    },
  );
  await buildService(
    t.db,
    { location: { ...TAPACHULA, latitude: 14.95 }, categories: ['shelter'] },
    {
      name: json({ fr: 'Maison d’accueil des familles' }),
      description: json({ fr: 'Hébergement pour les familles en déplacement.' }),
      original_locale: 'fr',
    },
  );
  await buildService(
    t.db,
    { location: { ...TAPACHULA, latitude: 15.0 }, categories: ['food'] },
    {
      name: json({ ht: 'Kantin kominotè' }),
      description: json({ ht: 'Manje cho pou tout moun chak jou.' }),
      original_locale: 'ht',
    },
  );
}, 60_000);
afterAll(() => t.close());

describe('GET /api/v1/search', () => {
  it('answers a query of stop words only with no matches, not an error', async () => {
    for (const q of ['de', 'the', 'de la', 'et']) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.items, q).toEqual([]);
      expect(body.total, q).toBe(0);
    }
  });

  it('ignores accents and case', async () => {
    expect(names((await search('q=CLINICA')).body)).toEqual(['Clínica Médica del Sur']);
    expect(names((await search('q=m%C3%A9dica')).body)).toEqual(['Clínica Médica del Sur']);
  });

  it('stems per language', async () => {
    expect(names((await search('q=clinicas')).body)).toEqual(['Clínica Médica del Sur']);
    expect(names((await search('q=claims')).body)).toEqual(['Refugee Law Office']);
    expect(names((await search('q=famille')).body)).toEqual(['Maison d’accueil des familles']);
    expect(names((await search('q=manje')).body)).toEqual(['Kantin kominotè']);
  });

  it('corrects typos and says so', async () => {
    const { body } = await search('q=clinisa');
    expect(names(body)).toEqual(['Clínica Médica del Sur']);
    expect(body.did_you_mean).toBe('clínica');
    expect((await search('q=abogao')).body.did_you_mean).toBe('abogado');
    // A swap in the middle leaves too few shared trigrams; the one-keystroke lookup still finds it.
    expect((await search('q=cilnica')).body.did_you_mean).toBe('clínica');
  });

  it('crosses languages through the categories', async () => {
    expect(names((await search('q=abogado')).body)).toEqual(['Refugee Law Office']);
    expect(names((await search('q=lawyer')).body)).toEqual(['Refugee Law Office']);
    expect(names((await search('q=albergue')).body)).toEqual(['Maison d’accueil des familles']);
  });

  it('highlights matched words', async () => {
    const { body } = await search('q=clinica');
    expect(body.items[0].highlights.name[0]).toEqual({ text: 'Clínica', match: true });
  });

  it('resolves a typed place and gives distances, nearest first', async () => {
    const { body } = await search('place=Tapachula&radius_km=20');
    expect(body.place).toMatchObject({ name: 'Tapachula', country: 'MX' });
    expect(body.items).toHaveLength(3);
    const distances = body.items.map((i: { distance_km: number }) => i.distance_km);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect((await search(`place=${encodeURIComponent('San José, Costa Rica')}`)).body.items).toHaveLength(1);
  });

  it('filters by radius around a point and by box', async () => {
    expect((await search('near=14.9067,-92.2635&radius_km=3')).body.items).toHaveLength(1);
    expect((await search('bbox=-93,14,-92,15.5&category=shelter')).body.items).toHaveLength(1);
    expect((await search('bbox=170,-10,-170,10')).body.items).toHaveLength(0);
  });

  it('suggests a wider radius or a broader category when nothing matched', async () => {
    const { body } = await search('near=14.5,-92.2635&radius_km=1&category=health');
    expect(body.total).toBe(0);
    expect(body.suggestions).toEqual([{ kind: 'wider_radius', radius_km: 50 }, { kind: 'broader_category' }]);
  });

  it.each([
    ['near=91,0', 'near'],
    ['near=0,181', 'near'],
    ['near=abc', 'near'],
    ['near=1,2,3', 'near'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=0,10,1,5', 'bbox'],
    ['bbox=-200,0,0,10', 'bbox'],
    ['radius_km=0', 'radius_km'],
    ['radius_km=1000000', 'radius_km'],
    [`q=${'a'.repeat(10_000)}`, 'q'],
    ['category=NOT%20A%20CODE', 'category'],
  ])('answers 400 VALIDATION_FAILED for %s', async (query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.field).toBe(field);
  });

  it('treats SQL and HTML fragments as words', async () => {
    for (const q of ["'; DROP TABLE services; --", '<script>alert(1)</script>', '%_\\', 'unknown-category']) {
      const { status } = await search(`q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
    }
    expect((await search('category=no-such-need')).body.items).toEqual([]);
  });
});
