// A common word matches more services than the candidates ranked: the count says "or more", in the page and the API,
// and a rare one gives the exact count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildSyntheticDirectory } from '../demo/synthetic-directory.js';
import { insertDirectory } from '../demo/demo.service.js';
import { MAX_CANDIDATES } from './search.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertDirectory(t.db, buildSyntheticDirectory(1_200));
}, 300_000);
afterAll(() => t.close());

describe('search totals', () => {
  it('says when more services match than were ranked', async () => {
    const common = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=atención' });
    expect(common.statusCode).toBe(200);
    expect(common.json()).toMatchObject({ total: MAX_CANDIDATES, total_is_lower_bound: true });
    const es = await t.app.inject({ method: 'GET', url: '/es/services?q=atención' });
    expect(es.body).toContain('300 o más servicios: se muestran los verificados más recientemente');
    const en = await t.app.inject({ method: 'GET', url: '/en/services?q=atención' });
    expect(en.body).toContain('300 or more services: those verified most recently are shown');
  });

  it('gives the exact count when fewer match', async () => {
    const rare = await t.app.inject({ method: 'GET', url: '/api/v1/search?place=Tapachula&radius_km=1' });
    const body = rare.json<{ total: number; total_is_lower_bound: boolean }>();
    expect(body.total).toBeLessThan(MAX_CANDIDATES);
    expect(body.total_is_lower_bound).toBe(false);
    const page = await t.app.inject({ method: 'GET', url: '/es/services?place=Tapachula&radius_km=1' });
    expect(page.body).not.toContain('o más servicios');
    expect(page.body).toMatch(/(\d+ servicios?|No se encontraron servicios)/);
  });
});
