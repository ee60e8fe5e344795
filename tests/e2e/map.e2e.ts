// The map page in Chromium (WebGL through SwiftShader): the island first offers the map behind a button (no
// MapLibre until then); once pressed it draws clusters from the server without moving the page, a click on a
// cluster zooms in, axe finds no serious or critical violation, no request leaves the site, and without
// JavaScript the page is the list. A "#at=" link, or MapLibre already kept on the device, shows the map at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { CHROMIUM_PATH } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/** Requests for MapLibre's files (the map module and its worker), which the first view must not make. */
const MAPLIBRE = /\/assets\/(map-view[.-]|maplibre-gl-worker-)/;

/** Where an element sits in the document (not the viewport: pressing the button may scroll the page). */
function placeOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, left: r.left + window.scrollX, width: r.width, height: r.height };
  });
}

/** Axe's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const SCREENSHOTS = 'tmp/screenshots';

/** The shared launcher's flags plus what MapLibre needs to get WebGL from SwiftShader in headless Chromium. */
export function launchWebglBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

describe('map in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchWebglBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'))
        foreignRequests.push(url);
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    return page;
  }

  it('offers the map, draws clusters once asked without moving the page, zooms into one, and passes axe', async () => {
    const page = await openPage(true);
    const maplibre: string[] = [];
    page.on('request', (request) => {
      if (MAPLIBRE.test(request.url())) maplibre.push(request.url());
    });
    const response = await page.goto(`${server.url}/es/map`);
    expect(response?.status()).toBe(200);
    const map = page.locator('#map');
    const show = map.getByRole('button', { name: /^Mostrar el mapa \(descarga unos \d+ KB una sola vez\)$/ });
    await show.waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    expect(maplibre).toEqual([]);
    expect(await map.getAttribute('data-state')).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    const before = await placeOf(page, '#map');
    const listBefore = await placeOf(page, '#map-list');
    await page.screenshot({ path: `${SCREENSHOTS}/es-map-offer.png` });

    await show.click();
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 45_000 });
    expect(maplibre.length).toBeGreaterThanOrEqual(2);
    // The room was reserved: the map and the list below it did not move.
    expect(await placeOf(page, '#map')).toEqual(before);
    expect(await placeOf(page, '#map-list')).toEqual(listBefore);
    expect(Number(await map.getAttribute('data-clusters'))).toBeGreaterThan(0);
    // MapLibre's controls speak the page's language.
    expect(await map.getByRole('button', { name: 'Acercar' }).count()).toBe(1);
    expect(await map.getByRole('button', { name: 'Alejar' }).count()).toBe(1);
    expect(await map.locator('canvas').getAttribute('aria-label')).toBe('Mapa');
    expect(await map.getByRole('button', { name: /zoom/i }).count()).toBe(0);
    await map.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/es-map.png` });

    const zoomBefore = Number(await map.getAttribute('data-zoom'));
    const [x, y] = String(await map.getAttribute('data-biggest-cluster'))
      .split(',')
      .map(Number) as [number, number];
    await map.click({ position: { x, y } });
    await page.waitForFunction((before) => Number(document.getElementById('map')?.dataset.zoom) > before, zoomBefore, {
      timeout: 20_000,
    });
    await page.waitForSelector('#map[data-state="ready"]');
    await page.screenshot({ path: `${SCREENSHOTS}/es-map-zoomed.png` });

    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the map at once for a "see on the map" link (#at=lon,lat), centred there', async () => {
    const page = await openPage(true);
    await page.goto(`${server.url}/en/map#at=-84.0907,9.9281`);
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 45_000 });
    expect(Number(await page.locator('#map').getAttribute('data-zoom'))).toBeGreaterThanOrEqual(14);
    expect(await page.getByRole('button', { name: /^Show the map/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the map at once when MapLibre is already kept on this device', async () => {
    const page = await openPage(true);
    await page.goto(`${server.url}/fr/map`);
    // The service worker takes control, then keeps the /assets files the page fetches.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page
      .locator('#map')
      .getByRole('button', { name: /^Afficher la carte/ })
      .click();
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 45_000 });
    const script = String(await page.locator('#map').getAttribute('data-map-script'));
    await page.waitForFunction(async (url) => !!(await caches.match(url)), script, { timeout: 20_000 });
    await page.reload();
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 45_000 });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript shows the list of the same services', async () => {
    const page = await openPage(false);
    await page.goto(`${server.url}/ht/map?country=CR`);
    expect(await page.locator('h1').textContent()).toBe('Kat sèvis yo');
    const places = await page.locator('article.card .meta').allTextContents();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((text) => /Kosta Rika/.test(text))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/ht-map-no-js.png` });
    await page.context().close();
  });

  it('sent no request off the site', () => {
    expect(foreignRequests).toEqual([]);
  });
});
