// Labels drawn on a canvas and handed to MapLibre as images, so the offline basemap needs no glyph (font) files:
// MapLibre asks the resolver for an image it does not have, and we draw "city:<name>" or "count:<n>".
import type { Map as MapLibreMap } from 'maplibre-gl';

const RATIO = Math.min(2, Math.ceil(globalThis.devicePixelRatio || 1));

function drawText(text: string, font: string, color: string, halo: string | null): ImageData | null {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width) + 6;
  canvas.width = width * RATIO;
  canvas.height = 20 * RATIO;
  context.scale(RATIO, RATIO);
  context.font = font;
  context.textBaseline = 'middle';
  if (halo) {
    context.lineWidth = 3;
    context.strokeStyle = halo;
    context.strokeText(text, 3, 10);
  }
  context.fillStyle = color;
  context.fillText(text, 3, 10);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

export function drawLabelsOnDemand(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const [kind, ...rest] = id.split(':');
    const text = rest.join(':');
    const image =
      kind === 'city'
        ? drawText(text, '12px sans-serif', '#333a44', 'rgba(255,255,255,0.9)')
        : kind === 'count'
          ? drawText(text, 'bold 12px sans-serif', '#ffffff', null)
          : null;
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: RATIO });
  });
}

/** 1234 → "1.2k": short enough for a cluster circle. */
export function shortCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(count / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(count / 1000)}k`;
}
