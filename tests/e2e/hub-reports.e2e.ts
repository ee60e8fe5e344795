// A hub's month in Chromium, as people do it on a phone with JavaScript off: the demo reporter of the Puebla hub
// files last month with a sex breakdown that does not add up, sees the message next to the fields, fixes it and
// submits; the Mexican moderator (password + TOTP) returns it with a comment; the reporter sees the comment, fixes
// and resubmits; the moderator approves; the full dashboard's figures for that month and country change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { CELL as CELLS } from '../../src/server/features/hub-reports/hub-reports.fixtures.js';

const SCREENSHOT = process.env.HUB_FORM_SCREENSHOT ?? '/work/tmp/hub-form.png';
const REPORTER = 'hub.puebla@demo.rumbo.example';
const MODERATOR = 'moderador.mx@demo.rumbo.example';
const DEMO_PASSWORD = 'rumbo-demo-2026';

/** Last month: reportable, and outside the demo's 2020–2021 history, so no figure is flagged as unusual. */
const now = new Date();
const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const MONTH = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
const MONTH_LABEL = new Intl.DateTimeFormat('es', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(last);

const field = (cell: string) => `[name="v.${cell}"]`;

describe('a hub report from entry to the dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let reporter: BrowserContext;
  let moderator: BrowserContext;
  let formUrl = '';
  let reviewUrl = '';
  const foreign: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    reporter = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    moderator = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    for (const context of [reporter, moderator]) {
      context.on('request', (request) => {
        if (!request.url().startsWith(server.url)) foreign.push(request.url());
      });
    }
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Serious or critical axe findings on pages, seen with the cookies of a context (axe needs scripts). */
  async function accessibility(context: BrowserContext, urls: string[]): Promise<string[]> {
    const scripted = await browser.newContext({ storageState: await context.storageState() });
    const problems: string[] = [];
    for (const url of urls) {
      const page = await scripted.newPage();
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      problems.push(
        ...results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
      await page.close();
    }
    await scripted.close();
    return problems;
  }

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/es/login`);
    await page.fill('[name="email"]', email);
    await page.fill('[name="password"]', DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').first().click();
    return page;
  }

  async function signInModerator(): Promise<Page> {
    const page = await signIn(moderator, MODERATOR);
    // First sign-in of a demo moderator: enrol an authenticator with the key the page shows.
    expect(page.url()).toContain('/account/totp');
    const uri = decodeURIComponent(
      (await page.content()).match(/otpauth:\/\/totp\/[^"<\s]+/)![0].replaceAll('&amp;', '&'),
    );
    const secret = new URL(uri).searchParams.get('secret')!;
    const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    await page.fill('[name="code"]', code.generate());
    await page.locator('form button[type="submit"]').first().click();
    // The recovery codes are shown once; then on to where the moderator was going.
    expect(await page.locator('ol.recovery-codes code').count()).toBe(10);
    await page.getByRole('link', { name: 'Continuar' }).click();
    expect(page.url()).not.toMatch(/totp|login/);
    return page;
  }

  async function fill(page: Page, values: Partial<Record<keyof typeof CELLS, string>>) {
    for (const [cell, value] of Object.entries(values))
      await page.fill(field(CELLS[cell as keyof typeof CELLS]), value);
  }

  /** The Mexican figure of a chart's CSV on the full dashboard for the month (null when the row is absent). */
  async function dashboardFigure(page: Page, chart: string, code: string): Promise<string | null> {
    const response = await page.request.get(`${server.url}/es/dashboards/hubs/${chart}.csv?period=${MONTH}&country=MX`);
    expect(response.status()).toBe(200);
    const row = (await response.text()).split(/\r?\n/).find((line) => line.startsWith(`${code},`));
    return row ? row.split(',').at(-1)! : null;
  }

  it('the reporter files the month, sees the sex sum refused, fixes it and submits', async () => {
    const page = await signIn(reporter, REPORTER);
    await page.goto(`${server.url}/es/hub/reports`);
    expect(await page.content()).toContain('Migrantes de Puebla — Puebla');
    await page.locator(`a[href$="/${MONTH}"]`).first().click();
    formUrl = page.url();
    expect(formUrl).toMatch(new RegExp(`/es/hub/reports/[A-Za-z0-9]{11}/${MONTH}$`));
    expect(await page.locator('h1').textContent()).toContain(MONTH_LABEL);

    // A partial draft first: empty fields are fine.
    await fill(page, { total: '37', female: '20' });
    await page.locator('button[name="action"][value="save"]').click();
    expect(await page.content()).toContain('Borrador guardado.');
    expect(await page.inputValue(field(CELLS.female))).toBe('20');

    // 20 + 15 + 0 is not 37.
    await fill(page, {
      male: '15',
      sexOther: '0',
      age0: '10',
      age18: '25',
      age60: '2',
      natVen: '20',
      svcInfo: '37',
      svcReferral: '3',
      refHealth: '2',
    });
    await page.locator('button[name="action"][value="submit"]').click();
    // The summary of what to fix is focused on load (and so scrolled to), with JavaScript off too.
    await page.getByText('El informe no se envió. Corrija lo siguiente:').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const refused = await page.content();
    expect(refused).toContain('El informe no se envió. Corrija lo siguiente:');
    const message = page.locator('#rule-RbVrSexSum1-RbDePplSex1');
    expect(await message.textContent()).toContain(
      'La suma por sexo debe ser igual al total de personas atendidas: 35 aquí, 37 en «Personas atendidas».',
    );
    expect(await page.getAttribute(field(CELLS.male), 'aria-invalid')).toBe('true');
    expect(await page.inputValue(field(CELLS.male))).toBe('15');
    // From the summary at the top down to the sex breakdown with its message.
    const sex = (await page.locator('#de-RbDePplSex1').boundingBox())!;
    await page.screenshot({
      path: SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: 390, height: sex.y + sex.height + 16 },
    });

    await fill(page, { male: '17' });
    await page.locator('button[name="action"][value="submit"]').click();
    await page.getByText('Informe enviado a revisión. Gracias.').waitFor();
    expect(await page.locator('button[name="action"]').count()).toBe(0);
  });

  let before: string | null = null;

  it('the moderator returns it with a comment', async () => {
    const page = await signInModerator();
    before = await dashboardFigure(page, 'countries', 'MX');
    await page.goto(`${server.url}/es/admin`);
    await page.locator('a[href="/es/admin/hub-reports"]').click();
    await page.locator('tr', { hasText: MONTH_LABEL }).filter({ hasText: 'Puebla' }).locator('a').first().click();
    reviewUrl = page.url();
    const review = await page.content();
    expect(review).toContain('37 = 37');
    expect(review).toContain('Cumple');
    await page.fill('[name="comment"]', 'Falta la nacionalidad de unas 5 personas hondureñas.');
    await page.locator('form[action$="/return"] button').click();
    expect(page.url()).toContain('done=returned');
    expect(await page.content()).toContain('Informe devuelto al centro con su comentario.');
  });

  it('with JavaScript, a refused save shows what to fix from the one post the outbox sent', async () => {
    const scripted = await browser.newContext({ storageState: await reporter.storageState() });
    const page = await scripted.newPage();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.goto(formUrl);
    await fill(page, { total: 'doce' });
    await page.locator('button[name="action"][value="save"]').click();
    // The answer's summary (above the form) and messages take the page's place; the summary is focused.
    await page.getByText('El borrador no se guardó. Corrija lo siguiente:').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await page.getAttribute(field(CELLS.total), 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-outbox-status]').count()).toBe(1);
    expect(posts).toEqual([formUrl]);
    await scripted.close();
  });

  it('the reporter sees the comment, fixes and resubmits; the moderator approves; the dashboard changes', async () => {
    const page = await reporter.newPage();
    await page.goto(formUrl);
    const returned = await page.content();
    expect(returned).toContain('Comentario de la revisión:');
    expect(returned).toContain('Falta la nacionalidad de unas 5 personas hondureñas.');
    expect(await page.inputValue(field(CELLS.male))).toBe('17');
    await fill(page, { natHnd: '5' });
    await page.locator('button[name="action"][value="submit"]').click();
    expect(await page.content()).toContain('Informe enviado a revisión. Gracias.');

    const review = await moderator.newPage();
    await review.goto(reviewUrl);
    expect(await review.content()).toContain('Enviado');
    await review.locator('form[action$="/approve"] button').click();
    expect(review.url()).toContain('done=approved');

    const after = await dashboardFigure(review, 'countries', 'MX');
    expect(Number(after)).toBe(Number(before ?? 0) + 37);
    expect(Number(await dashboardFigure(review, 'sex', 'MALE'))).toBeGreaterThanOrEqual(17);
    await review.goto(`${server.url}/es/dashboards/hubs?period=${MONTH}&country=MX`);
    expect(review.url()).toContain('/dashboards/hubs');
    expect(await review.content()).toContain(MONTH_LABEL.split(' ')[0]!);

    // Approved: locked for the reporter.
    await page.goto(formUrl);
    expect(await page.content()).toContain('Este informe está aprobado y bloqueado.');
  });

  it('has no serious accessibility problems and loads nothing from elsewhere', async () => {
    const problems = [
      ...(await accessibility(reporter, [`${server.url}/es/hub/reports`, formUrl])),
      ...(await accessibility(moderator, [`${server.url}/es/admin/hub-reports?status=approved`, reviewUrl])),
    ];
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
