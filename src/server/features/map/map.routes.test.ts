import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';
import { basemapUrl } from './map.routes.js';
import { ClusterIndexes } from './map.clusters.js';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: { cluster: boolean; service_id?: string; count?: number };
}

describe('/api/v1/map/clusters', () => {
  let t: TestApp;
  let full: string;
  let cityOnly: string;
  let shelter: string;
  const REGION = 'bbox=-120,3,-56,35';
  const points = async (query: string): Promise<Feature[]> => {
    const res = await t.app.inject(`/api/v1/map/clusters?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().features;
  };

  beforeAll(async () => {
    t = await createTestApp();
    full = (await buildService(t.db, { categories: ['health'], languages: ['es'] })).service.id;
    cityOnly = (
      await buildService(t.db, {
        categories: ['legal-aid-asylum'],
        location: {
          country_code: 'GT',
          city: 'Quetzaltenango',
          latitude: 14.834567,
          longitude: -91.518912,
          address_visibility: 'city',
        },
      })
    ).service.id;
    shelter = (
      await buildService(t.db, {
        categories: ['shelter'],
        location: {
          country_code: 'CR',
          city: 'Paso Canoas',
          latitude: 8.5339,
          longitude: -82.8378,
          address_visibility: 'hidden',
        },
      })
    ).service.id;
  });
  afterAll(() => t.close());

  it('places services, city-only addresses rounded, and never a hidden shelter', async () => {
    const features = await points(`${REGION}&zoom=17`);
    const byId = new Map(features.map((f) => [f.properties.service_id, f]));
    expect(byId.get(full)?.geometry.coordinates).toEqual([-92.2635, 14.9067]);
    expect(byId.get(cityOnly)?.geometry.coordinates).toEqual([-91.52, 14.83]);
    expect(byId.has(shelter)).toBe(false);
    expect(JSON.stringify(features)).not.toContain('8.5339');
  });

  it('clusters nearby services at a low zoom; a single service stays a point', async () => {
    const features = await points(`${REGION}&zoom=2`);
    expect(features).toHaveLength(1);
    expect(features[0]?.properties).toMatchObject({ cluster: true, count: 2 });
    const one = await points(`${REGION}&zoom=2&country=gt`);
    expect(one.map((f) => f.properties)).toEqual([{ cluster: false, service_id: cityOnly }]);
  });

  it('applies the list filters', async () => {
    expect((await points(`${REGION}&zoom=17&category=health`)).map((f) => f.properties.service_id)).toEqual([full]);
    expect(await points(`${REGION}&zoom=17&category=shelter`)).toEqual([]);
    expect(await points(`${REGION}&zoom=17&population=lgbtiq&language=es`)).toEqual([]);
  });

  it.each([
    ['', 'bbox'],
    [`${REGION}`, 'zoom'],
    [`bbox=1,2,3&zoom=3`, 'bbox'],
    [`bbox=-200,0,10,10&zoom=3`, 'bbox'],
    [`bbox=0,10,10,0&zoom=3`, 'bbox'],
    [`bbox=${'9'.repeat(10_000)}&zoom=3`, 'bbox'],
    [`bbox=<script>alert(1)</script>&zoom=3`, 'bbox'],
    [`${REGION}&zoom=-1`, 'zoom'],
    [`${REGION}&zoom=99`, 'zoom'],
    [`${REGION}&zoom=abc`, 'zoom'],
    [`${REGION}&zoom=3&category=' OR 1=1 --`, 'category'],
  ])('answers 400 VALIDATION_FAILED for a bad %#', async (query, field) => {
    const res = await t.app.inject(`/api/v1/map/clusters?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.field).toBe(field);
  });

  it('rebuilds the index when the data changes, answering from the old one meanwhile', async () => {
    const indexes = new ClusterIndexes(t.db, { versionTtlMs: 0 });
    const ids = async () => (await indexes.clusters({}, [-120, 3, -56, 35], 17)).features.length;
    const before = await ids();
    await buildService(t.db, {
      location: { city: 'Tecún Umán', country_code: 'GT', latitude: 14.67, longitude: -92.14 },
    });
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      after = await ids();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(after).toBe(before + 1);
  });

  it('serves the offline basemap with a long cache, compressed', async () => {
    const res = await t.app.inject({ url: basemapUrl('110m'), headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(300 * 1024);
    expect((await t.app.inject('/map-data/old/basemap-110m.json')).statusCode).toBe(404);
  });
});
