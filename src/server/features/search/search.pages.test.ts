// The services list page as a search page: words, place, highlights, "did you mean", suggestions, escaping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildService } from '../../../../tests/support/factories.js';

let t: TestApp;
const page = async (query: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/es/services?${query}` });
  return { status: response.statusCode, html: response.body };
};

beforeAll(async () => {
  t = await createTestApp();
  await buildService(
    t.db,
    { categories: ['health'] },
    { name: JSON.stringify({ es: 'Clínica Médica del Sur' }), description: JSON.stringify({ es: 'Consultas.' }) },
  );
}, 60_000);
afterAll(() => t.close());

describe('/{locale}/services with a search', () => {
  it('marks matched words and offers the corrected query', async () => {
    const { status, html } = await page('q=clinisa');
    expect(status).toBe(200);
    expect(html).toContain('<mark>Clínica</mark>');
    expect(html).toMatch(/¿Quiso decir <a href="\/es\/services\?q=cl%C3%ADnica">clínica<\/a>\?/);
    expect(html).toContain('name="q"');
  });

  it('shows distances around a typed place and suggests a wider radius when empty', async () => {
    expect((await page('place=Tapachula')).html).toMatch(/a \d+(\.\d)? km/);
    const { html } = await page('place=Tapachula&radius_km=1&category=food');
    expect(html).toContain('radius_km=50');
    expect(html).toContain('Buscar en todas las necesidades');
  });

  it('escapes what was typed', async () => {
    const { status, html } = await page(`q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('says when a place is unknown', async () => {
    expect((await page('place=Atlantis')).html).toContain('No encontramos el lugar «Atlantis»');
  });
});
