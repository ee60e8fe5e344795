// QR codes drawn on the server as SVG (the `qrcode` package), so a printed page or card needs no script and no
// request to anyone. The library's SVG is parsed into its two paths and re-rendered by the view as JSX: nothing
// it emits is injected raw, so no `style="…"` attribute (forbidden by our CSP, style-src 'self') can slip through.
// Drawing one takes ~0.75 ms; a small LRU keeps the last few thousand so a reprinted directory costs nothing.
import QRCode from 'qrcode';

export interface QrShape {
  /** Width and height in modules, quiet zone included (the SVG viewBox). */
  size: number;
  /** The dark modules as one path, drawn with stroke (1 unit wide). */
  dark: string;
}

const MAX_ENTRIES = 4000;
const cache = new Map<string, QrShape>();

/** The QR code of `url` (error correction M, 1-module margin), from the cache when drawn recently. */
export async function qrFor(url: string): Promise<QrShape> {
  const hit = cache.get(url);
  if (hit) {
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    cache.delete(url);
    cache.set(url, hit);
    return hit;
  }
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const shape = parseQrSvg(svg);
  cache.set(url, shape);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return shape;
}

/** QR codes of many URLs at once (each from the cache when it can be), in order. */
export function qrsFor(urls: string[]): Promise<QrShape[]> {
  return Promise.all(urls.map((url) => qrFor(url)));
}

/** The viewBox size and the dark path out of the library's SVG; throws if its shape ever changes. */
export function parseQrSvg(svg: string): QrShape {
  const size = /viewBox="0 0 (\d+) \1"/.exec(svg)?.[1];
  const dark = /<path[^>]*\bstroke="#000000"[^>]*\bd="([^"]+)"/.exec(svg)?.[1];
  if (!size || !dark || !/^[MhvHVmz0-9 .-]+$/.test(dark)) throw new Error('Unexpected SVG from qrcode');
  return { size: Number(size), dark };
}

/** How many QR codes are cached (for tests and benchmarks). */
export function qrCacheSize(): number {
  return cache.size;
}
