// What a person reads when a request is refused: the field by its name on the page and the rule it broke, in the
// page's language — never the validator's English, which stays in the API's details for developers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const page = async (url: string) => {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.body };
};

describe('refused requests explain themselves in the reader’s language', () => {
  it.each([
    [
      '/es/services?q=' + 'a'.repeat(201),
      'El valor de “búsqueda” no es válido: debe tener 200 caracteres como máximo.',
    ],
    ['/ht/services?near=14.9,-92.2&radius_km=5000', 'Valè “reyon (km)” a pa bon: li dwe 2000 pou pi plis.'],
    ['/fr/services?page=0', 'La valeur de « page » n’est pas valide : elle doit valoir au moins 1.'],
    ['/pt/services?page=abc', 'O valor de “página” não é válido: deve ser um número inteiro.'],
    ['/en/services?near=95,10', 'The value of “near” is not valid: the latitude must be between -90 and 90.'],
    ['/es/services?bbox=1,2,3', 'El valor de “zona del mapa” no es válido: se esperan 4 números separados por comas.'],
    ['/en/services?near=14.9,-92.2&radius_km=0', 'The value of “radius (km)” is not valid: it must be more than 0.'],
  ])('%s', async (url, message) => {
    const { status, body } = await page(url);
    expect(status).toBe(400);
    expect(body).toContain(message);
    expect(body).not.toMatch(/must NOT|must be <=|must be >=|must be integer|expected \d numbers/);
  });

  it('keeps the English reason and the rule in the API details, with the message in the asked language', async () => {
    const res = await t.app.inject({ url: '/api/v1/search?near=10,200', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'La valeur de « près de » n’est pas valide : la longitude doit être entre -180 et 180.',
      details: { field: 'near', reason: 'longitude must be between -180 and 180', rule: 'longitude' },
    });
    const tooFar = await t.app.inject({ url: '/api/v1/search?near=10,20&radius_km=3000&locale=es' });
    expect(tooFar.json().error).toMatchObject({
      message: 'El valor de “radio (km)” no es válido: debe ser 2000 como máximo.',
      details: { field: 'radius_km', rule: 'too_large', limit: 2000 },
    });
  });

  it('names a field it has no page name for as sent, and a rule it does not know plainly', async () => {
    const res = await t.app.inject({ url: '/api/v1/map/clusters?bbox=1,2,1,3&zoom=4&locale=en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('The value of “map area” is not valid: west and east must differ.');
    const unknown = await t.app.inject({ url: '/api/v1/services?per_page=x&locale=en' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^The value of “[a-z_]+” is not valid(: [a-z ]+)?\.$/);
  });
});
