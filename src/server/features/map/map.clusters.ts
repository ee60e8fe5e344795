// Server-side clustering: one supercluster index per filter combination, built from every matching place and
// kept in a small cache. A cheap fingerprint query (at most once per TTL) drops the cache when the data changes.
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { Db } from '../../db/db.js';
import type { Bbox } from './map.bbox.js';
import { mapDataVersion, mapPoints, type MapFilters } from './map.repository.js';
import { DEFAULT_FRESHNESS, type FreshnessSettings } from '../../http/app-context.js';

/** Clusters break apart into single services from this zoom on. */
export const MAX_CLUSTER_ZOOM = 16;
/** No answer carries more features than this (a bbox of the whole region at street zoom would). */
export const MAX_FEATURES = 5000;

interface PointProps {
  service_id: string;
}

export type MapFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties:
    | { cluster: true; cluster_id: number; count: number; expansion_zoom: number }
    | { cluster: false; service_id: string };
};

export interface ClusterAnswer {
  features: MapFeature[];
  truncated: boolean;
}

export interface ClusterIndexOptions {
  /** How long a data fingerprint is trusted before it is checked again. */
  versionTtlMs?: number;
  /** Indexes kept at once (the unfiltered one and the most recent filter combinations). */
  maxIndexes?: number;
  /** Which listings are old enough to leave out (REVERIFY/HIDE settings). */
  freshness?: FreshnessSettings;
}

/** Builds a supercluster index over places; exported for tests and the benchmark. */
export function buildIndex(points: { service_id: string; longitude: number; latitude: number }[]) {
  // minPoints 2: a single service is never a cluster. Radius in pixels of a 512-pixel tile, as MapLibre draws.
  const index = new Supercluster<PointProps>({ radius: 50, extent: 512, maxZoom: MAX_CLUSTER_ZOOM, minPoints: 2 });
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.longitude, p.latitude] },
      properties: { service_id: p.service_id },
    })),
  );
  return index;
}

export type ClusterIndex = ReturnType<typeof buildIndex>;

/** Clusters and single services of an index inside a bbox at a zoom, in the API's shape. */
export function clustersOf(index: ClusterIndex, bbox: Bbox, zoom: number): ClusterAnswer {
  const found = index.getClusters(bbox, Math.floor(zoom));
  const truncated = found.length > MAX_FEATURES;
  const features = found.slice(0, MAX_FEATURES).map((feature): MapFeature => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    // Six decimals (~10 cm) undo supercluster's projection round trip and keep the answer small.
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    const geometry = { type: 'Point' as const, coordinates: [round(lon), round(lat)] as [number, number] };
    const props = feature.properties as Partial<ClusterProperties> & Partial<PointProps>;
    if (props.cluster && props.cluster_id !== undefined) {
      const expansion = Math.min(index.getClusterExpansionZoom(props.cluster_id), MAX_CLUSTER_ZOOM + 1);
      return {
        type: 'Feature',
        geometry,
        properties: {
          cluster: true,
          cluster_id: props.cluster_id,
          count: props.point_count ?? 0,
          expansion_zoom: expansion,
        },
      };
    }
    return { type: 'Feature', geometry, properties: { cluster: false, service_id: props.service_id ?? '' } };
  });
  return { features, truncated };
}

interface CachedIndex {
  index: Promise<ClusterIndex>;
  version: string | null;
  rebuilding: boolean;
}

export class ClusterIndexes {
  private readonly indexes = new Map<string, CachedIndex>();
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private readonly ttlMs: number;
  private readonly maxIndexes: number;
  private readonly freshness: FreshnessSettings;

  constructor(
    private readonly db: Db,
    options: ClusterIndexOptions = {},
  ) {
    this.ttlMs = options.versionTtlMs ?? 30_000;
    this.maxIndexes = options.maxIndexes ?? 8;
    this.freshness = options.freshness ?? DEFAULT_FRESHNESS;
  }

  async clusters(filters: MapFilters, bbox: Bbox, zoom: number): Promise<ClusterAnswer> {
    return clustersOf(await this.index(filters), bbox, zoom);
  }

  /**
   * The index for these filters, built on first use. When the data has changed, the old index keeps answering
   * while the new one is built beside it (a rebuild at 100,000 places takes about a second).
   */
  async index(filters: MapFilters): Promise<ClusterIndex> {
    await this.checkVersion();
    const key = JSON.stringify([filters.country, filters.category, filters.population, filters.language]);
    let cached = this.indexes.get(key);
    if (!cached) {
      cached = { index: this.build(key, filters), version: this.version, rebuilding: false };
    } else if (cached.version !== this.version && !cached.rebuilding) {
      const entry = cached;
      entry.rebuilding = true;
      const version = this.version;
      this.build(key, filters).then(
        (index) => this.indexes.set(key, { index: Promise.resolve(index), version, rebuilding: false }),
        () => (entry.rebuilding = false),
      );
    }
    // Map keeps insertion order: re-inserting marks it as the most recently used.
    this.indexes.delete(key);
    this.indexes.set(key, cached);
    while (this.indexes.size > this.maxIndexes) this.indexes.delete(this.indexes.keys().next().value as string);
    return cached.index;
  }

  private build(key: string, filters: MapFilters): Promise<ClusterIndex> {
    const index = mapPoints(this.db, filters, this.freshness).then(buildIndex);
    index.catch(() => this.indexes.delete(key));
    return index;
  }

  /** The first check is awaited; later ones run beside the request (stale for a moment, never slower). */
  private async checkVersion(): Promise<void> {
    if (Date.now() - this.checkedAt < this.ttlMs) return;
    const first = this.version === null;
    this.checking ??= mapDataVersion(this.db, this.freshness)
      .then((version) => {
        this.version = version;
        this.checkedAt = Date.now();
      })
      .finally(() => {
        this.checking = null;
      });
    if (first) await this.checking;
    else this.checking.catch(() => undefined);
  }
}
