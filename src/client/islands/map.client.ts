// The map island is only a loader: MapLibre (about 1 MB of script) is downloaded when the person asks for the map
// (the button), when a "see on the map" link brought them here (#at=lon,lat), or when its files are already on
// this device (the service worker kept them: a saved country, or the map shown before). The map itself is
// src/client/map/map-view.client.ts; without JavaScript the list below is the page.
import './map.css';

const AT = /^#at=-?\d/;

/** True when the service worker already keeps this file (cache-first for /assets: no download). */
async function onDevice(url: string | undefined): Promise<boolean> {
  try {
    return !!url && 'caches' in window && !!(await caches.match(url));
  } catch {
    return false;
  }
}

async function offer(map: HTMLElement): Promise<void> {
  const box = map.querySelector<HTMLElement>('.map-offer');
  const button = map.querySelector('button');
  const status = map.querySelector<HTMLElement>('.map-status');
  const say = (key: 'loading' | 'failed') => {
    if (status) status.textContent = status.dataset[key] ?? '';
  };
  let started = false;
  const show = async () => {
    if (started) return;
    started = true;
    if (box) box.hidden = false;
    if (button) button.hidden = true;
    say('loading');
    map.dataset.state = 'loading';
    let start: (container: HTMLElement) => void;
    try {
      ({ start } = await import('../map/map-view.client.js'));
    } catch {
      // No connection and not kept on this device: offer it again.
      started = false;
      delete map.dataset.state;
      if (button) button.hidden = false;
      say('failed');
      return;
    }
    start(map);
  };
  button?.addEventListener('click', () => void show());
  window.addEventListener('hashchange', () => AT.test(window.location.hash) && void show());
  if (AT.test(window.location.hash) || (await onDevice(map.dataset.mapScript))) await show();
  else if (box) box.hidden = false;
}

const container = document.getElementById('map');
if (container) void offer(container);
