// A listing's life in Chromium, as people do it: a submitter fills the form in Spanish with JavaScript off and
// confirms by the emailed link; a moderator (password + TOTP) approves it and it is public; the submitter, now its
// editor, signs in by an emailed link and changes the hours; the moderator sees the change field by field and
// approves; the public page shows the new hours. Mail goes through a real SMTP server started by the test. Then a
// stored-XSS corpus typed into every text field renders inert on every page that shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.js';

const SCREENSHOTS = 'tmp/screenshots';
const MODERATOR = 'moderador.mx@demo.rumbo.example';
const DEMO_PASSWORD = 'rumbo-demo-2026';

function linkIn(text: string, fragment: string): string {
  const link = text.match(/https?:\/\/[^\s)>\]]+/g)?.find((url) => url.includes(fragment));
  if (!link) throw new Error(`no link with ${fragment} in: ${text}`);
  return link;
}

describe('a listing from submission to public, and an edit', () => {
  let smtp: SmtpCapture;
  let server: RunningServer;
  let browser: Browser;
  let submitter: BrowserContext;
  let moderator: BrowserContext;
  let withScripts: BrowserContext;
  let moderatorSecret = '';
  const foreign: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    smtp = await startSmtpCapture();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Rumbo <no-reply@rumbo.test>' });
    browser = await launchBrowser();
    submitter = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    moderator = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    withScripts = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    for (const context of [submitter, moderator, withScripts]) {
      context.on('request', (request) => {
        if (!request.url().startsWith(server.url)) foreign.push(request.url());
      });
    }
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  async function accessible(url: string): Promise<string[]> {
    const page = await withScripts.newPage();
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    await page.close();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  async function fillListing(page: Page, fields: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`[name="${name}"]`).first();
      const kind = await field.evaluate((element) =>
        element.tagName === 'INPUT' ? (element as HTMLInputElement).type : element.tagName.toLowerCase(),
      );
      if (kind === 'select') await field.selectOption(value);
      else if (kind === 'radio' || kind === 'checkbox') await page.check(`[name="${name}"][value="${value}"]`);
      else await field.fill(value);
    }
  }

  async function signInModerator(): Promise<Page> {
    const page = await moderator.newPage();
    await page.goto(`${server.url}/es/login`);
    await page.fill('[name="email"]', MODERATOR);
    await page.fill('[name="password"]', DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').first().click();
    if (page.url().includes('/account/totp')) {
      // First sign-in: enrol an authenticator with the key the page shows.
      const uri = decodeURIComponent(
        (await page.content()).match(/otpauth:\/\/totp\/[^"<\s]+/)![0].replaceAll('&amp;', '&'),
      );
      moderatorSecret = new URL(uri).searchParams.get('secret')!;
      await page.screenshot({ path: `${SCREENSHOTS}/totp-enrol.png` });
    } else {
      expect(page.url()).toContain('/login/totp');
    }
    const code = new TOTP({ secret: Secret.fromBase32(moderatorSecret), algorithm: 'SHA1', digits: 6, period: 30 });
    await page.fill('[name="code"]', code.generate());
    await page.locator('form button[type="submit"]').first().click();
    if (await page.locator('ol.recovery-codes').count()) {
      // Just enrolled: the recovery codes are shown once, then on to where the moderator was going.
      expect(await page.locator('ol.recovery-codes code').count()).toBe(10);
      await page.screenshot({ path: `${SCREENSHOTS}/totp-recovery-codes.png` });
      await page.getByRole('link', { name: 'Continuar' }).click();
    }
    expect(page.url()).not.toMatch(/totp|login/);
    return page;
  }

  async function approveFromQueue(page: Page, organization: string, shot: string): Promise<string> {
    await page.goto(`${server.url}/es/admin/moderation`);
    await page.locator('a', { hasText: organization }).first().click();
    await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png`, fullPage: true });
    const body = await page.content();
    await page.locator('form[action$="/approve"] button').click();
    expect(page.url()).toContain('done=approved');
    return body;
  }

  const ORG = 'Casa del Migrante Tapachula (prueba e2e)';

  it('submits with JS off, confirms by mail, is approved, and becomes public', async () => {
    const page = await submitter.newPage();
    await page.goto(`${server.url}/es/submit`);
    await page.screenshot({ path: `${SCREENSHOTS}/submit-form.png`, fullPage: true });
    await fillListing(page, {
      'organization.name': ORG,
      'organization.description': 'Acompañamiento a personas migrantes en la frontera sur.',
      'organization.kind': 'shelter',
      'locations.0.name': 'Albergue',
      'locations.0.country_code': 'MX',
      'locations.0.admin_area': 'Chiapas',
      'locations.0.city': 'Tapachula',
      'locations.0.address_1': 'Calle 5 Norte 12',
      'locations.0.address_visibility': 'city',
      'services.0.name': 'Orientación legal sobre asilo',
      'services.0.description': 'Asesoría gratuita para solicitar la condición de refugiado ante la COMAR.',
      'services.0.cost': 'free',
      'services.0.hours.1.opens': '09:00',
      'services.0.hours.1.closes': '17:00',
      'services.0.phones.0.number': '+52 962 555 0199',
      submitter_email: 'ana.e2e@example.org',
    });
    await page.check('[name="services.0.categories"][value="legal-aid-asylum"]');
    await page.locator('button[name="action"][value="submit"]').first().click();
    await page.screenshot({ path: `${SCREENSHOTS}/submit-sent.png`, fullPage: true });
    expect(await page.content()).toContain('Esperando su confirmación');

    const confirm = await smtp.waitFor('ana.e2e@example.org');
    const confirmPage = await submitter.newPage();
    await confirmPage.goto(linkIn(confirm.text, '/submit/confirm/'));
    await confirmPage.locator('form button[type="submit"]').first().click();
    expect(await confirmPage.content()).toMatch(/cola de moderación/i);

    const mod = await signInModerator();
    const detail = await approveFromQueue(mod, ORG, 'moderation-new');
    expect(detail).toContain('Orientación legal sobre asilo');

    const live = await smtp.waitForText('ana.e2e@example.org', '/organizations/');
    expect(live).toBeDefined();
    const publicPage = await submitter.newPage();
    const response = await publicPage.goto(linkIn(live!.text, '/organizations/'));
    expect(response?.status()).toBe(200);
    expect(await publicPage.content()).toContain('Orientación legal sobre asilo');
    await publicPage.screenshot({ path: `${SCREENSHOTS}/organization-live.png`, fullPage: true });
  }, 180_000);

  it('the editor changes the hours; the moderator sees the difference and approves; the public sees it', async () => {
    const page = await submitter.newPage();
    await page.goto(`${server.url}/es/login/link`);
    await page.fill('[name="email"]', 'ana.e2e@example.org');
    await page.locator('form button[type="submit"]').first().click();
    const mail = await smtp.waitForText('ana.e2e@example.org', '/login/link/');
    await page.goto(linkIn(mail!.text, '/login/link/'));
    await page.locator('form button[type="submit"]').first().click();
    await page.goto(`${server.url}/es/account/organizations`);
    await page.locator('a[href*="/edit"]').first().click();
    await page.fill('[name="services.0.hours.1.opens"]', '10:00');
    await page.fill('[name="services.0.hours.1.closes"]', '16:00');
    await page.locator('button[name="action"][value="submit"]').first().click();
    expect(await page.content()).toMatch(/cola de moderación/i);

    // The moderator's session from the first test is still open.
    const mod = await moderator.newPage();
    const detail = await approveFromQueue(mod, ORG, 'moderation-edit');
    expect(detail).toMatch(/lun 09:00-17:00/);
    expect(detail).toMatch(/lun 10:00-16:00/);

    const publicPage = await submitter.newPage();
    await publicPage.goto(`${server.url}/es/services?q=${encodeURIComponent('Orientación legal sobre asilo')}`);
    await publicPage.locator('a', { hasText: 'Orientación legal sobre asilo' }).first().click();
    const content = await publicPage.content();
    expect(content).toContain('10:00');
    expect(content).not.toContain('09:00–17:00');
    await publicPage.screenshot({ path: `${SCREENSHOTS}/service-new-hours.png`, fullPage: true });
  }, 180_000);

  it('renders a stored-XSS corpus typed into every text field as inert text on every page', async () => {
    const XSS_ORG = 'Refugio <img src=x onerror="window.__xss=1"> XSS';
    const payloads: Record<string, string> = {
      'organization.name': XSS_ORG,
      'organization.description': '<script>window.__xss=2</script> descripción',
      'locations.0.name': '"><svg onload="window.__xss=3">',
      'locations.0.admin_area': '\'><iframe src="javascript:window.__xss=4"></iframe>',
      'locations.0.address_1': '<a href="javascript:window.__xss=5">calle</a>',
      'locations.0.transportation': '<style>body{display:none}</style><b onmouseover="window.__xss=6">bus</b>',
      'services.0.name': 'Servicio <script>window.__xss=7</script>',
      'services.0.description': '{{constructor.constructor("window.__xss=8")()}} <img src=x onerror=window.__xss=8>',
      'services.0.fees_description': '<object data="javascript:window.__xss=9"></object>',
      'services.0.application_process': '<details open ontoggle="window.__xss=10">x</details>',
      'services.0.schedule_notes': '<math><mtext><img src=x onerror="window.__xss=11"></mtext></math>',
      'services.0.documents': '<input autofocus onfocus="window.__xss=12">',
    };
    const page = await submitter.newPage();
    await page.goto(`${server.url}/es/submit`);
    await fillListing(page, {
      ...payloads,
      'organization.kind': 'ngo',
      'locations.0.country_code': 'MX',
      'locations.0.city': 'Tapachula',
      'locations.0.address_visibility': 'full',
      'services.0.cost': 'free',
      submitter_email: 'xss.e2e@example.org',
    });
    await page.check('[name="services.0.categories"][value="legal-aid-asylum"]');
    await page.locator('button[name="action"][value="submit"]').first().click();
    const draftUrl = page.url();
    const confirm = await smtp.waitFor('xss.e2e@example.org');
    const confirmPage = await submitter.newPage();
    await confirmPage.goto(linkIn(confirm.text, '/submit/confirm/'));
    await confirmPage.locator('form button[type="submit"]').first().click();
    const mod = await moderator.newPage();
    await mod.goto(`${server.url}/es/admin/moderation`);
    await mod.locator('a', { hasText: 'XSS' }).first().click();
    const moderationUrl = mod.url();
    await mod.locator('form[action$="/approve"] button').click();
    const organizationUrl = await mod.locator('a[href*="/organizations/"]').first().getAttribute('href');
    const auditUrl = await mod.locator('a[href*="/admin/audit/"]').first().getAttribute('href');

    // Pages seen with JavaScript on (so that anything that did slip through would run), with the moderator's
    // session for the admin pages.
    const scripted = await browser.newContext({ storageState: await moderator.storageState() });
    const dialogs: string[] = [];
    const pages = [
      draftUrl,
      moderationUrl,
      moderationUrl + '?unchanged=1',
      `${server.url}${organizationUrl}`,
      `${server.url}${auditUrl}`,
      `${server.url}/es/services?q=XSS`,
      `${server.url}/en/services?q=Refugio`,
      `${server.url}/es/map?country=MX`,
      `${server.url}/api/v1/services?q=XSS`,
    ];
    const orgPage = await scripted.newPage();
    await orgPage.goto(`${server.url}${organizationUrl}`);
    const serviceHref = await orgPage.locator('a[href*="/services/"]').first().getAttribute('href');
    pages.push(`${server.url}${serviceHref}`);
    for (const url of pages) {
      const view = await scripted.newPage();
      view.on('dialog', (dialog) => {
        dialogs.push(url);
        void dialog.dismiss();
      });
      const response = await view.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
      await view.waitForTimeout(100);
      const fired = await view.evaluate(() => (window as unknown as { __xss?: number }).__xss);
      expect(fired, `a payload ran on ${url}`).toBeUndefined();
      const injected = await view.evaluate(
        () =>
          document.querySelectorAll(
            'img[src="x"], svg[onload], iframe[src^="javascript"], object[data^="javascript"], [onerror], [onfocus], [ontoggle], [onmouseover], a[href^="javascript"]',
          ).length,
      );
      expect(injected, `markup from a payload became elements on ${url}`).toBe(0);
      await view.close();
    }
    expect(dialogs).toEqual([]);
    const shown = await scripted.newPage();
    await shown.goto(`${server.url}${organizationUrl}`);
    expect(await shown.locator('h1').innerText()).toContain('<img src=x onerror="window.__xss=1">');
    await shown.screenshot({ path: `${SCREENSHOTS}/xss-inert.png`, fullPage: true });
    await scripted.close();
  }, 180_000);

  it('keeps what was typed on the device (JavaScript on) and offers it back after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/es/submit`);
    await page.fill('[name="organization.name"]', 'Red de apoyo escrita sin conexión');
    await page.fill('[name="locations.0.city"]', 'Tecún Umán');
    await page.waitForTimeout(700);
    await page.reload();
    expect(await page.inputValue('[name="organization.name"]')).toBe('');
    const notice = page.locator('[data-draft-restore]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/draft-restore.png` });
    await page.click('[data-draft-apply]');
    expect(await page.inputValue('[name="organization.name"]')).toBe('Red de apoyo escrita sin conexión');
    expect(await page.inputValue('[name="locations.0.city"]')).toBe('Tecún Umán');
    expect(await notice.isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it('has no serious accessibility problem on the forms and makes no request to another site', async () => {
    const problems = [
      ...(await accessible(`${server.url}/es/submit`)),
      ...(await accessible(`${server.url}/es/login`)),
      ...(await accessible(`${server.url}/ht/submit`)),
    ];
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  }, 60_000);
});
