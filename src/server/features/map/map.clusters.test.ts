import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { parseBbox } from './map.bbox.js';
import { buildIndex, clustersOf, MAX_CLUSTER_ZOOM } from './map.clusters.js';
import { clipLine, clipRing } from './map.basemap.js';

const WORLD = [-180, -85, 180, 85] as [number, number, number, number];

describe('parseBbox', () => {
  it('accepts west,south,east,north, and a box across the antimeridian', () => {
    expect(parseBbox('-92.5,14.5,-92,15')).toEqual([-92.5, 14.5, -92, 15]);
    expect(parseBbox('170,-10,-170,10')).toEqual([170, -10, -170, 10]);
  });

  it.each([
    ['', 'four numbers'],
    ['1,2,3', 'four numbers'],
    ['a,b,c,d', 'four numbers'],
    ['1e3,0,2,1', 'four numbers'],
    ['-181,0,10,10', 'longitude'],
    ['0,-91,10,10', 'latitude'],
    ['0,10,10,5', 'south'],
    ['5,0,5,10', 'west and east'],
    ["0,0,1,1'; DROP TABLE services; --", 'four numbers'],
  ])('rejects %j', (raw, reason) => {
    try {
      parseBbox(raw);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect(String((error as AppError).details.reason)).toContain(reason);
    }
  });
});

describe('clustering', () => {
  const tapachula = Array.from({ length: 30 }, (_, i) => ({
    service_id: `t${i}`,
    longitude: -92.26 + i * 0.001,
    latitude: 14.9 + i * 0.001,
  }));
  const alone = { service_id: 'alone', longitude: -99.13, latitude: 19.43 };
  const index = buildIndex([...tapachula, alone]);

  it('groups nearby services and never draws a single service as a cluster', () => {
    const { features } = clustersOf(index, WORLD, 3);
    const clusters = features.filter((f) => f.properties.cluster);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.properties).toMatchObject({ cluster: true, count: 30 });
    const single = features.find((f) => !f.properties.cluster);
    expect(single?.properties).toEqual({ cluster: false, service_id: 'alone' });
  });

  it('says at which zoom a cluster breaks apart, and breaks every cluster past the last cluster zoom', () => {
    const cluster = clustersOf(index, WORLD, 3).features.find((f) => f.properties.cluster);
    const expansion = cluster?.properties.cluster ? cluster.properties.expansion_zoom : 0;
    expect(expansion).toBeGreaterThan(3);
    expect(expansion).toBeLessThanOrEqual(MAX_CLUSTER_ZOOM + 1);
    const street = clustersOf(index, WORLD, MAX_CLUSTER_ZOOM + 1).features;
    expect(street).toHaveLength(31);
    expect(street.every((f) => !f.properties.cluster)).toBe(true);
  });

  it('answers only inside the box, also across the antimeridian', () => {
    expect(clustersOf(index, [-100, 19, -99, 20], 10).features).toHaveLength(1);
    const fiji = buildIndex([{ service_id: 'f', longitude: 179.5, latitude: -17 }]);
    expect(clustersOf(fiji, [170, -20, -170, -10], 5).features).toHaveLength(1);
  });
});

describe('basemap clipping', () => {
  const box = [0, 0, 10, 10] as [number, number, number, number];
  it('clips a ring to the box', () => {
    const ring = clipRing(
      [
        [-5, -5],
        [5, -5],
        [5, 5],
        [-5, 5],
        [-5, -5],
      ],
      box,
    );
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
    }
    expect(
      clipRing(
        [
          [20, 20],
          [30, 20],
          [30, 30],
          [20, 20],
        ],
        box,
      ),
    ).toEqual([]);
  });
  it('splits a line where it leaves the box', () => {
    expect(
      clipLine(
        [
          [1, 1],
          [2, 2],
          [20, 20],
          [3, 3],
          [4, 4],
        ],
        box,
      ),
    ).toEqual([
      [
        [1, 1],
        [2, 2],
      ],
      [
        [3, 3],
        [4, 4],
      ],
    ]);
  });
});
