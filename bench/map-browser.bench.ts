// The map in Chromium (WebGL through SwiftShader, so on the CPU: a pessimistic stand-in for a cheap phone's GPU)
// over a generated directory: time to first clusters (cold index and warm), bytes of the first view (the page
// with its "show the map" button) and of the map once shown, and frame times (requestAnimationFrame deltas
// collected in the page) while panning and zooming. The map is shown by pressing the button as soon as it
// appears (times run from navigation, the press included).
// Options: --services N (default 100000), --seconds N of panning and of zooming (default 6).
import { parseArgs } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/http/app.js';
import { openDb } from '../src/server/db/db.js';
import { migrate } from '../src/server/db/migrate.js';
import { buildSyntheticDirectory } from '../src/server/features/demo/synthetic-directory.js';
import { insertDirectory } from '../src/server/features/demo/demo.service.js';
import { percentiles } from './support.js';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

async function collectFrames(page: Page, gesture: () => Promise<void>) {
  // Passed as source text: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.frameDeltas = [];
    window.collecting = true;
    let last = performance.now();
    const tick = (now) => {
      window.frameDeltas.push(now - last);
      last = now;
      if (window.collecting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const deltas = await page.evaluate<number[]>(`(() => {
    window.collecting = false;
    return window.frameDeltas.slice(1);
  })()`);
  return { ...percentiles(deltas), over_50ms: deltas.filter((d) => d > 50).length };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args,
    options: { services: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '6' } },
  });
  const serviceCount = Number(values.services);
  const seconds = Number(values.seconds);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rumbo-map-browser-'));
  const db = await openDb({ dataDir });
  await migrate(db);
  await insertDirectory(db, buildSyntheticDirectory(serviceCount));
  const app = await buildApp({ db });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    // No service worker: bytes are counted as the network sends them (a response from the worker reports none),
    // and the warm load is the browser's HTTP cache with a warm index, the button pressed as on the cold one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    let bytes = 0;
    // Sizes arrive after the request finished: every count is awaited before the total is read.
    const counting: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      counting.push(
        request.sizes().then(
          (sizes) => {
            bytes += sizes.responseBodySize;
          },
          () => undefined,
        ),
      );
    });
    const bytesSoFar = async () => {
      await Promise.all(counting);
      return bytes;
    };
    let offerBytes = 0;
    /** Opens the map page, presses "show the map" if it is offered, and waits for the first clusters. */
    const firstClusters = async () => {
      const t0 = Date.now();
      await page.goto(`${url}/es/map`);
      const offer = page.locator('#map .map-offer button');
      const shown = await Promise.race([
        offer.waitFor({ state: 'visible', timeout: 120_000 }).then(() => false),
        page.waitForSelector('#map[data-state]', { timeout: 120_000 }).then(() => true),
      ]);
      if (!shown) {
        await page.waitForLoadState('networkidle');
        offerBytes = await bytesSoFar();
        await offer.click();
      }
      await page.waitForSelector('#map[data-state="ready"]', { timeout: 120_000 });
      return { ms: Date.now() - t0, pressed: !shown };
    };
    const cold = await firstClusters();
    const coldMs = cold.ms;
    await page.waitForTimeout(500); // the last requests
    const firstViewBytes = offerBytes;
    const mapShownBytes = await bytesSoFar();
    const warm = await firstClusters();
    const warmMs = warm.ms;
    console.error('first clusters', { cold, warm, firstViewBytes, mapShownBytes });
    const box = await page.locator('#map').boundingBox();
    if (!box) throw new Error('no map on the page');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;

    const pan = await collectFrames(page, async () => {
      const end = Date.now() + seconds * 1000;
      let direction = 1;
      while (Date.now() < end) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        for (let step = 1; step <= 20; step++)
          await page.mouse.move(cx + direction * step * 12, cy + direction * step * 6);
        await page.mouse.up();
        direction = -direction;
      }
    });
    const zoom = await collectFrames(page, async () => {
      const end = Date.now() + seconds * 1000;
      let direction = -1;
      let steps = 0;
      await page.mouse.move(cx, cy);
      while (Date.now() < end) {
        await page.mouse.wheel(0, direction * 120);
        await page.waitForTimeout(50);
        if (++steps % 25 === 0) direction = -direction;
      }
    });
    const drawn = await page.locator('#map').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    return {
      bench: 'map-browser',
      services: serviceCount,
      chromium_flags: CHROMIUM_FLAGS,
      time_to_first_clusters_ms: { cold_index: coldMs, warm_index: warmMs },
      button_pressed: { cold: cold.pressed, warm: warm.pressed },
      first_view_bytes_transferred: firstViewBytes,
      map_shown_bytes_transferred: mapShownBytes,
      pan_frame_ms: pan,
      zoom_frame_ms: zoom,
      last_view: { clusters: drawn.clusters, points: drawn.points, zoom: drawn.zoom },
    };
  } finally {
    await browser.close();
    await app.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
