import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';
import { csrfFor } from '../../../../tests/support/auth.js';
import { addVary } from './settings.service.js';

describe('/{locale}/settings (lite mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildService(t.db, { categories: ['health'] });
  });
  afterAll(() => t.close());

  const post = async (lite: string | undefined, locale = 'es', withToken = true) => {
    const csrf = await csrfFor(t.app, '', `/${locale}/settings`);
    const body = new URLSearchParams(withToken ? { _csrf: csrf.token } : {});
    if (lite !== undefined) body.set('lite', lite);
    return t.app.inject({
      method: 'POST',
      url: `/${locale}/settings`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      payload: body.toString(),
    });
  };

  it('shows a plain form with the CSRF field, posting to itself, private', async () => {
    const res = await t.app.inject('/fr/settings');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Paramètres</h1>');
    expect(res.body).toMatch(/<form method="post" action="\/fr\/settings"/);
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(res.body).toContain('value="off" checked');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('stores "on" in a year-long SameSite=Lax cookie and goes back to the page with a 303', async () => {
    const res = await post('on', 'en');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/settings?saved=1');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/rumbo_lite=1;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const page = await t.app.inject({ url: '/en/settings?saved=1', headers: { cookie: 'rumbo_lite=1' } });
    expect(page.body).toContain('Saved. Lite mode is on.');
    expect(page.body).toContain('value="on" checked');
    const off = await post('off', 'en');
    expect(String(off.headers['set-cookie'])).toMatch(/rumbo_lite=0;/);
  });

  it('refuses an unknown value with a 400 in the visitor’s language, and a missing one', async () => {
    const bad = await post('maybe', 'pt');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('SETTINGS_LITE_INVALID');
    expect(bad.body).toContain('Escolha “ativado” ou “desativado” para o modo leve.');
    expect(bad.headers['set-cookie'] ?? '').not.toMatch(/rumbo_lite/);
    expect((await post(undefined, 'ht')).statusCode).toBe(400);
  });

  it('refuses a POST without the CSRF token (403)', async () => {
    const res = await post('on', 'es', false);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('CSRF_INVALID');
  });

  it('turns lite mode on with Save-Data: on unless the visitor chose off; the cookie "1" turns it on', async () => {
    const normal = (await t.app.inject('/es/map')).body;
    expect(normal).toContain('<li><a href="/es/map">');
    expect(normal).toMatch(/map\.client-[\w-]+\.js/);
    const saveData = (await t.app.inject({ url: '/es/map', headers: { 'save-data': 'on' } })).body;
    expect(saveData).not.toMatch(/map\.client-[\w-]+\.js/);
    expect(saveData).not.toContain('id="map"');
    expect(saveData).not.toMatch(/\/assets\/map-[\w-]+\.css/);
    expect(saveData).toContain('<article class="card"');
    expect(saveData).not.toContain('<li><a href="/es/map">');
    expect(saveData).toContain('href="/es/settings"');
    const chosenOff = await t.app.inject({ url: '/es/map', headers: { 'save-data': 'on', cookie: 'rumbo_lite=0' } });
    expect(chosenOff.body).toMatch(/map\.client-[\w-]+\.js/);
    const cookieOn = await t.app.inject({ url: '/es/services', headers: { cookie: 'rumbo_lite=1' } });
    expect(cookieOn.body).not.toContain('<li><a href="/es/map">');
    const settings = await t.app.inject({ url: '/en/settings', headers: { 'save-data': 'on' } });
    expect(settings.body).toContain('Your browser asks websites to save data');
    expect(settings.body).toContain('value="on" checked');
  });

  it('marks pages as varying by Save-Data and Cookie, so shared caches keep the versions apart', async () => {
    for (const url of ['/es', '/es/services', '/es/map', '/es/news', '/es/settings']) {
      const vary = String((await t.app.inject(url)).headers.vary).toLowerCase();
      expect(vary, url).toContain('save-data');
      expect(vary, url).toContain('cookie');
      expect(vary, url).toContain('accept-encoding');
    }
    expect(String((await t.app.inject('/api/v1/services')).headers.vary ?? '')).not.toMatch(/save-data/i);
  });

  it('merges Vary values without repeating them', () => {
    expect(addVary('accept-encoding, cookie', ['Save-Data', 'Cookie'])).toBe('accept-encoding, cookie, Save-Data');
    expect(addVary(undefined, ['Save-Data'])).toBe('Save-Data');
  });
});
