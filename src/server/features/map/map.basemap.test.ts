// The offline basemap's layers: first-level admin borders only in the detailed level, inside the region, light.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MultiLineString, Position } from 'geojson';
import { basemap, buildBasemap } from './map.basemap.js';
import { internalBorders, simplifyLine } from './admin1.build.js';

const kinds = (detail: '110m' | '50m') => new Set(buildBasemap(detail).features.map((f) => f.properties?.kind));

describe('offline basemap', () => {
  it('draws first-level admin borders from zoom 5 (the detailed level) only', () => {
    expect(kinds('110m').has('admin1')).toBe(false);
    const detailed = buildBasemap('50m').features.filter((f) => f.properties?.kind === 'admin1');
    expect(detailed.length).toBeGreaterThanOrEqual(10);
    // Chiapas and Oaxaca meet near 16.5 N, 94 W: some Mexican admin border passes within ~30 km of it.
    const points = detailed.flatMap((f) => (f.geometry as MultiLineString).coordinates.flat());
    expect(points.some(([lon, lat]) => Math.abs(lon! + 94) < 0.3 && Math.abs(lat! - 16.5) < 0.6)).toBe(true);
    // Never outside the clipping box.
    expect(points.every(([lon, lat]) => lon! >= -140 && lon! <= -34 && lat! >= -18 && lat! <= 50)).toBe(true);
    expect(gzipSync(basemap('50m')).length).toBeLessThan(250 * 1024);
  });

  it('keeps only borders two areas share, and simplifies them', () => {
    // Two squares side by side share the edge x = 1.
    const left: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const right: Position[] = [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
    ];
    const borders = internalBorders([left, right]);
    expect(borders).toHaveLength(1);
    expect(borders[0]!.map((p) => p[0])).toEqual([1, 1]);
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.001],
          [2, 0],
        ],
        0.01,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 0.5],
          [2, 0],
        ],
        0.01,
      ),
    ).toHaveLength(3);
  });
});
