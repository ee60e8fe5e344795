// The map itself: MapLibre over Rumbo's own offline basemap, drawing the clusters the server computes for the
// visible box and zoom (GET /api/v1/map/clusters, same filters as the list). Everything it needs comes from the
// container's data- attributes. Loaded on demand by the tiny map island (src/client/islands/map.client.ts), so
// the map page's first view costs a phone no MapLibre; the list below the map is the page without JavaScript.
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type LayerSpecification,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { drawLabelsOnDemand, shortCount } from './labels.client.js';

const DETAIL_ZOOM = 5;

interface ClusterFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cluster: boolean; count?: number; expansion_zoom?: number; service_id?: string; label?: string };
}

function basemapLayers(source: string, range: { minzoom?: number; maxzoom?: number }): LayerSpecification[] {
  return [
    {
      id: `${source}-land`,
      type: 'fill',
      source,
      ...range,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'fill-color': '#f3efe6' },
    },
    {
      id: `${source}-coast`,
      type: 'line',
      source,
      ...range,
      filter: ['==', ['get', 'kind'], 'coast'],
      paint: { 'line-color': '#6f93ad', 'line-width': 1 },
    },
    {
      id: `${source}-admin1`,
      type: 'line',
      source,
      ...range,
      filter: ['==', ['get', 'kind'], 'admin1'],
      paint: { 'line-color': '#b7ab98', 'line-width': 0.7, 'line-dasharray': [2, 2] },
    },
    {
      id: `${source}-border`,
      type: 'line',
      source,
      ...range,
      filter: ['==', ['get', 'kind'], 'border'],
      paint: { 'line-color': '#8d7f6c', 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: `${source}-city`,
      type: 'symbol',
      source,
      ...range,
      filter: ['all', ['==', ['get', 'kind'], 'city'], ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 5, 2, 7, 3]]],
      layout: { 'icon-image': ['concat', 'city:', ['get', 'name']], 'icon-anchor': 'left', 'icon-offset': [4, 0] },
    },
  ];
}

function offlineStyle(basemap110: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: basemap110, attribution: 'Natural Earth · GeoNames' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe2ee' } },
      ...basemapLayers('basemap', { maxzoom: DETAIL_ZOOM }),
    ],
  };
}

function addServiceLayers(map: MapLibreMap): void {
  map.addSource('services', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'clusters',
    type: 'circle',
    source: 'services',
    filter: ['==', ['get', 'cluster'], true],
    paint: {
      'circle-color': '#0b5f7a',
      'circle-radius': ['step', ['get', 'count'], 14, 10, 18, 100, 22, 1000, 27],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'cluster-counts',
    type: 'symbol',
    source: 'services',
    filter: ['==', ['get', 'cluster'], true],
    layout: {
      'icon-image': ['concat', 'count:', ['get', 'label']],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
  map.addLayer({
    id: 'service-points',
    type: 'circle',
    source: 'services',
    filter: ['==', ['get', 'cluster'], false],
    paint: {
      'circle-color': '#c2410c',
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
}

/** Fetches the clusters of the visible box whenever the map stops moving; a newer move cancels the older fetch. */
function followClusters(map: MapLibreMap, container: HTMLElement): void {
  const { clustersUrl = '', filters = '' } = container.dataset;
  let inFlight: AbortController | null = null;
  const refresh = async () => {
    inFlight?.abort();
    inFlight = new AbortController();
    const b = map.getBounds();
    const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v)).toFixed(5);
    const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)];
    const zoom = Math.floor(map.getZoom());
    const query = `bbox=${bbox.join(',')}&zoom=${zoom}${filters ? `&${filters}` : ''}`;
    try {
      const response = await fetch(`${clustersUrl}?${query}`, { signal: inFlight.signal });
      if (!response.ok) return;
      const body = (await response.json()) as { features: ClusterFeature[] };
      for (const f of body.features) if (f.properties.cluster) f.properties.label = shortCount(f.properties.count ?? 0);
      (map.getSource('services') as GeoJSONSource).setData({ type: 'FeatureCollection', features: body.features });
      map.once('idle', () => markReady(map, container, body.features));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') container.dataset.state = 'error';
    }
  };
  map.on('moveend', () => void refresh());
  void refresh();
}

/** Tells tests and benchmarks what is drawn: data-state="ready", the counts, and where the biggest cluster is. */
function markReady(map: MapLibreMap, container: HTMLElement, features: ClusterFeature[]): void {
  const clusters = features.filter((f) => f.properties.cluster);
  container.dataset.state = 'ready';
  container.dataset.clusters = String(clusters.length);
  container.dataset.points = String(features.length - clusters.length);
  container.dataset.zoom = map.getZoom().toFixed(2);
  const biggest = clusters.sort((a, b) => (b.properties.count ?? 0) - (a.properties.count ?? 0))[0];
  if (biggest) {
    const at = map.project(biggest.geometry.coordinates);
    container.dataset.biggestCluster = `${Math.round(at.x)},${Math.round(at.y)}`;
  } else delete container.dataset.biggestCluster;
}

function handleClicks(map: MapLibreMap, servicePath: string): void {
  map.on('click', 'clusters', (event) => {
    const cluster = event.features?.[0] as MapGeoJSONFeature | undefined;
    if (!cluster || cluster.geometry.type !== 'Point') return;
    const zoom = Number(cluster.properties.expansion_zoom) || map.getZoom() + 2;
    map.easeTo({ center: cluster.geometry.coordinates as [number, number], zoom });
  });
  map.on('click', 'service-points', (event) => {
    const id = event.features?.[0]?.properties.service_id;
    if (typeof id === 'string') window.location.assign(`${servicePath}${id}`);
  });
  for (const layer of ['clusters', 'service-points']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
}

/** The 1:50m layer is fetched only when someone zooms in far enough to see it. */
function addDetailWhenZoomed(map: MapLibreMap, basemap50: string): void {
  const add = () => {
    if (map.getZoom() < DETAIL_ZOOM - 0.5 || map.getSource('detail')) return;
    map.addSource('detail', { type: 'geojson', data: basemap50 });
    for (const layer of basemapLayers('detail', { minzoom: DETAIL_ZOOM })) map.addLayer(layer, 'clusters');
    map.off('zoomend', add);
  };
  map.on('zoomend', add);
  add();
}

/** The page's labels for MapLibre's controls (`data-controls`, JSON), or none (MapLibre's English). */
function controlLabels(json: string | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Draws the map into the container (its children, the loader's offer, are replaced). */
export function start(container: HTMLElement): void {
  const { styleUrl, basemap110 = '', basemap50 = '', bounds = '', servicePath = '/', controls } = container.dataset;
  setWorkerUrl(new URL(workerUrl, window.location.href).href);
  container.dataset.state = 'loading';
  container.replaceChildren();
  const [west, south, east, north] = bounds.split(',').map(Number) as [number, number, number, number];
  const map = new MapLibreMap({
    container,
    style: styleUrl || offlineStyle(basemap110),
    bounds: [
      [west, south],
      [east, north],
    ],
    attributionControl: false,
    // No label fade: cheaper frames on a slow phone, and labels are there as soon as the map is idle.
    fadeDuration: 0,
    maxZoom: 18,
    // The basemap covers this box (see map.basemap.ts): no panning off its edge into blank sea.
    maxBounds: [
      [-135, -12],
      [-40, 45],
    ],
    dragRotate: false,
    pitchWithRotate: false,
    // The controls' labels in the page's language (MapLibre's own are English).
    locale: controlLabels(controls),
  });
  // "#at=lon,lat" (a service's "see on the map" link, also offline): start there, close enough to see the street.
  const at = /^#at=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
  if (at) map.jumpTo({ center: [Number(at[1]), Number(at[2])], zoom: 15 });
  map.addControl(new NavigationControl({ showCompass: false }));
  map.addControl(new AttributionControl({ compact: true }));
  map.touchZoomRotate.disableRotation();
  drawLabelsOnDemand(map);
  map.on('load', () => {
    addServiceLayers(map);
    if (!styleUrl) addDetailWhenZoomed(map, basemap50);
    handleClicks(map, servicePath);
    followClusters(map, container);
  });
}
