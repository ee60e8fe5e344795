// Issue 7 in Chromium, as a person on a bus would do it: open a country, save it for offline, lose the network,
// then search with a typo, filter, open a service and see it on the map — all from the device. Then start a
// submission with no network, get the network back, and check the server received it exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { openDb } from '../../src/server/db/db.js';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const SCREENSHOTS = 'tmp/screenshots';
const ORGANIZATION = 'Red de apoyo enviada sin conexión (prueba e2e)';
const SECOND_ORGANIZATION = 'Segunda red enviada sin conexión (prueba e2e)';

describe('offline in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const foreignRequests: string[] = [];
  /** Requests that reached the server while the browser was offline (there must be none). */
  const sentWhileOffline: string[] = [];
  let offline = false;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
    context.on('request', (request) => {
      if (!request.url().startsWith(server.url)) foreignRequests.push(request.url());
    });
    context.on('requestfinished', (request) => {
      if (offline && request.url().startsWith(server.url))
        void request.response().then((r) => {
          if (r && !r.fromServiceWorker()) sentWhileOffline.push(request.url());
        });
    });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function goOffline(value: boolean): Promise<void> {
    offline = value;
    await context.setOffline(value);
  }

  /** Fills the public submission form with a small valid listing and presses "send". */
  async function fillAndSend(organization: string, email: string): Promise<void> {
    const fields: Record<string, string> = {
      'organization.name': organization,
      'organization.description': 'Orientación a personas migrantes en la frontera sur.',
      'organization.kind': 'shelter',
      'locations.0.name': 'Oficina',
      'locations.0.country_code': 'MX',
      'locations.0.admin_area': 'Chiapas',
      'locations.0.city': 'Tapachula',
      'locations.0.address_1': 'Calle 3 Poniente 8',
      'locations.0.address_visibility': 'city',
      'services.0.name': 'Orientación sin conexión',
      'services.0.description': 'Información sobre trámites migratorios y refugio.',
      'services.0.cost': 'free',
      submitter_email: email,
    };
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`[name="${name}"]`).first();
      const kind = await field.evaluate((element) =>
        element.tagName === 'INPUT' ? (element as HTMLInputElement).type : element.tagName.toLowerCase(),
      );
      if (kind === 'select') await field.selectOption(value);
      else if (kind === 'radio' || kind === 'checkbox') await page.check(`[name="${name}"][value="${value}"]`);
      else await field.fill(value);
    }
    await page.check('[name="services.0.categories"][value="legal-aid-asylum"]');
    await page.locator('button[name="action"][value="submit"]').first().click();
  }

  it('saves a country, then searches, filters, opens a service and maps it with no network', async () => {
    await page.goto(`${server.url}/es/countries/MX`);
    // The worker installs its shell and takes control of the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    const control = page.locator('[data-offline-pack]');
    await page.locator('[data-pack-save]').click();
    await expect.poll(() => control.getAttribute('data-state'), { timeout: 30_000 }).toBe('saved');
    expect(await page.locator('[data-pack-status]').textContent()).toMatch(
      /Guardado en este dispositivo: \d+ servicios/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/offline-saved.png`, fullPage: true });
    // The blank submission form, visited online, is kept for later.
    await page.goto(`${server.url}/es/submit`);

    await goOffline(true);

    // A typo, no accent: "clinisa" finds the clinics saved on the device.
    await page.goto(`${server.url}/es/services?q=clinisa&country=MX`);
    const app = page.locator('[data-offline-app]');
    await expect.poll(() => app.getAttribute('data-state')).toBe('ready');
    const found = Number(await app.getAttribute('data-results'));
    expect(found).toBeGreaterThan(0);
    const names = await page.locator('[data-offline-results] h3').allTextContents();
    expect(names.some((name) => /Clínica/.test(name))).toBe(true);
    expect(await page.locator('[data-offline-results] mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-search.png`, fullPage: true });

    // Filter by a category offered by the saved data.
    const form = page.locator('[data-offline-search]');
    await form.locator('input[name="q"]').fill('');
    const category = await form.locator('select[name="category"] option').nth(1).getAttribute('value');
    await form.locator('select[name="category"]').selectOption(category!);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(new RegExp(`category=${category}`));
    await expect.poll(() => app.getAttribute('data-state')).toBe('ready');
    const filtered = Number(await app.getAttribute('data-results'));
    expect(filtered).toBeGreaterThan(0);

    // Open a service: its page is built from the saved pack.
    const first = page.locator('[data-offline-results] h3 a').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/es\/services\/[0-9a-f-]{36}$/);
    await expect.poll(() => app.getAttribute('data-state')).toBe('service');
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(await page.locator('[data-offline-service]').textContent()).toMatch(/Copia guardada/);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-service.png`, fullPage: true });

    // And on the map: the kept map page, MapLibre and the basemap from the cache, the points from the pack.
    const onMap = page.locator('[data-offline-service] a[href*="/map#at="]').first();
    await onMap.click();
    await page.waitForURL(/\/es\/map#at=/);
    const map = page.locator('#map');
    await expect.poll(() => map.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    const drawn = Number(await map.getAttribute('data-points')) + Number(await map.getAttribute('data-clusters'));
    expect(drawn).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-map.png` });

    expect(sentWhileOffline).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 120_000);

  it('shows what to fix when the server refuses a form, having posted it once', async () => {
    await goOffline(false);
    await page.goto(`${server.url}/es/submit`);
    const posts: string[] = [];
    const count = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/es/submit') posts.push(request.url());
    };
    page.on('request', count);
    try {
      // No organization name: the server refuses it; its answer takes the form's place, the summary focused.
      await fillAndSend('', 'refused.e2e@example.org');
      const summary = page.locator('.error-summary');
      await summary.waitFor({ state: 'visible' });
      expect(await summary.textContent()).toContain('Corrija los campos marcados abajo.');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(posts).toHaveLength(1);
      expect(await page.locator('[data-outbox-status]').count()).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}/outbox-refused.png` });

      // Fixed and sent again: through the same form (its island still there), one more post, and on to the answer.
      await page.locator('[name="organization.name"]').fill('Red corregida tras un error (prueba e2e)');
      await page.locator('button[name="action"][value="submit"]').first().click();
      await page.waitForURL((url) => url.pathname !== '/es/submit');
      expect(posts).toHaveLength(2);
    } finally {
      page.off('request', count);
    }
  }, 60_000);

  it('keeps submissions started offline and sends each exactly once when the network returns', async () => {
    await goOffline(true);
    await page.goto(`${server.url}/es/submit`);
    await fillAndSend(ORGANIZATION, 'offline.e2e@example.org');

    const status = page.locator('[data-outbox-status]');
    const waiting = async () =>
      ((await status.textContent()) ?? '').match(/Guardado en este dispositivo/g)?.length ?? 0;
    await expect.poll(waiting).toBe(1);
    expect(await status.textContent()).not.toMatch(/Enviado/);

    // A second listing from the same kept copy of the blank form, still offline: a new submission, not a repeat.
    await page.goto(`${server.url}/es/submit`);
    await fillAndSend(SECOND_ORGANIZATION, 'offline.e2e.2@example.org');
    await expect.poll(waiting).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-outbox-waiting.png`, fullPage: true });
    expect(sentWhileOffline).toEqual([]);

    // The network comes back: the outbox sends both (the page's "online" event, or Background Sync).
    await goOffline(false);
    await expect.poll(waiting, { timeout: 30_000 }).toBe(0);
    expect((await status.textContent())?.match(/Enviado/g)?.length).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/offline-outbox-sent.png`, fullPage: true });
    // Another flush (another page load) sends nothing more.
    await page.reload();
    await page.waitForTimeout(1500);

    await context.close();
    await server.stop({ keepData: true });
    const db = await openDb({ dataDir: server.dataDir });
    try {
      const rows = await db.withSession((s) =>
        s.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE listing::text LIKE $1', [
          `%${ORGANIZATION}%`,
        ]),
      );
      expect(rows[0]?.n).toBe(1);
      const second = await db.withSession((s) =>
        s.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE listing::text LIKE $1', [
          `%${SECOND_ORGANIZATION}%`,
        ]),
      );
      expect(second[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
