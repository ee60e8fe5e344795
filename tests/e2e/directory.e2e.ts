// A person's walk through the directory in Chromium: home, list, detail, in two locales, with JavaScript off
// and on; axe finds no serious or critical violation; no request leaves the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const SCREENSHOTS = 'tmp/screenshots';

describe('directory in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  /** axe runs as a script in the page, so it needs a context with JavaScript on (the pages have none of their own). */
  let axeContext: BrowserContext;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    axeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (const c of [context, axeContext]) {
      c.on('request', (request) => {
        if (!request.url().startsWith(server.url)) foreignRequests.push(request.url());
      });
    }
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, shot: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(server.url + path);
    expect(response?.status(), path).toBe(200);
    await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png`, fullPage: false });
    return page;
  }

  async function expectAccessible(url: string): Promise<void> {
    const page = await axeContext.newPage();
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    await page.close();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  for (const locale of ['es', 'ht']) {
    it(`home, list and detail in ${locale}, with JavaScript off`, async () => {
      const home = await open(`/${locale}`, `${locale}-home`);
      expect(await home.locator('html').getAttribute('lang')).toBe(locale);
      await expectAccessible(home.url());

      await home.locator('ul.tiles a').first().click();
      await home.waitForURL(/\/services\?category=/);
      expect(await home.locator('article.card').count()).toBeGreaterThan(0);

      const list = await open(`/${locale}/services`, `${locale}-list`);
      await expectAccessible(list.url());
      // The filters fold into a <details> on phones; opening it needs no JavaScript.
      await list.locator('details.filters-box summary').click();
      await list.selectOption('select[name="country"]', 'CR');
      await list.locator('form.filters .actions button[type="submit"]').click();
      await list.waitForURL(/country=CR/);
      const places = await list.locator('article.card .meta').allTextContents();
      expect(places.length).toBeGreaterThan(0);
      expect(places.every((text) => /Costa Rica|Kosta Rika/.test(text))).toBe(true);
      await list.screenshot({ path: `${SCREENSHOTS}/${locale}-list-filtered.png` });

      await list.locator('article.card h2 a').first().click();
      await list.waitForURL(/\/services\/[0-9a-f-]{36}$/);
      await list.screenshot({ path: `${SCREENSHOTS}/${locale}-detail.png`, fullPage: true });
      await expectAccessible(list.url());
      expect(await list.locator('h1').textContent()).toBeTruthy();
    }, 60_000);
  }

  it('shows controls that need JavaScript only where they work', async () => {
    // Without JavaScript: sharing and saving for offline are not offered (the note says why).
    const detail = await open('/es/services', 'es-list-nojs');
    await detail.locator('article.card h2 a').first().click();
    await detail.waitForURL(/\/services\/[0-9a-f-]{36}$/);
    for (const control of ['[data-share-copy]', '[data-share-native]']) {
      expect(await detail.locator(control).count(), control).toBe(1);
      expect(await detail.locator(control).isVisible(), control).toBe(false);
    }
    const country = await open('/es/countries/mx', 'es-country-nojs');
    for (const control of ['[data-pack-save]', '[data-pack-remove]']) {
      expect(await country.locator(control).isVisible(), control).toBe(false);
    }
    // With JavaScript, in a browser without a share sheet (headless Chromium has none): copying is offered, the
    // share sheet is not; nothing saved yet, so nothing to remove.
    const page = await axeContext.newPage();
    await page.goto(detail.url());
    await page.locator('[data-share-copy]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    expect(await page.locator('[data-share-native]').isVisible()).toBe(false);
    await page.goto(`${server.url}/es/countries/mx`);
    await page.locator('[data-pack-save]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-pack-remove]').isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it('the diaspora page filters by origin and residence', async () => {
    const page = await open('/en/diaspora', 'en-diaspora');
    await expectAccessible(page.url());
    const origins = await page.locator('select[name="origin"] option').count();
    expect(origins).toBeGreaterThan(3);
  });

  it('made no request to any other host', () => {
    expect(foreignRequests).toEqual([]);
  });
});
