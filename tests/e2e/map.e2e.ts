// The map page in Chromium (WebGL through SwiftShader): the island draws clusters from the server, a click on a
// cluster zooms in, axe finds no serious or critical violation, no request leaves the site, and without
// JavaScript the page is the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { CHROMIUM_PATH } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

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

  it('draws clusters, zooms into one when clicked, and passes axe', async () => {
    const page = await openPage(true);
    const response = await page.goto(`${server.url}/es/map`);
    expect(response?.status()).toBe(200);
    const map = page.locator('#map');
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 45_000 });
    expect(Number(await map.getAttribute('data-clusters'))).toBeGreaterThan(0);
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

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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
