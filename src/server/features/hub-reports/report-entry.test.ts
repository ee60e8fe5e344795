// The reporter's pages through app.inject(): the hub list, the form, drafts, submission through the checks, outliers,
// and every kind of bad post (figures, cells, period, org unit, CSRF, stale version, a report no longer editable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildUser, csrfFor, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { findReportForPeriod, readValues } from './hub-reports.repository.js';
import type { Hub } from './hub-reports.service.js';
import {
  approvedMonth,
  buildHub,
  CELL,
  consistentFigures,
  formFields,
  postForm,
  versionIn,
  viewerFor,
} from './hub-reports.fixtures.js';
import { monthOf, monthToIso, previousMonth } from './periods.js';

let t: TestApp;
let hub: Hub;
let otherHub: Hub;
const cookie: Record<string, string> = {};
const thisMonth = monthOf(new Date());
const lastMonth = previousMonth(thisMonth);
const nextMonth = monthOf(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)));

const url = (unit: Hub, month: string, locale = 'es') => `/${locale}/hub/reports/${unit.id}/${month}`;
const get = (path: string, who?: string) => t.app.inject({ url: path, headers: who ? { cookie: cookie[who]! } : {} });
async function reportOf(unit: Hub, period: string) {
  const report = await findReportForPeriod(t.db.query, 'RbDsHubMon1', unit.id, period);
  return { report, values: report ? await readValues(t.db.query, report.id) : new Map() };
}
/** Posts to the month's form with the version the page currently carries. */
async function post(unit: Hub, month: string, who: string, fields: Record<string, string>) {
  const page = await get(url(unit, month), who);
  return postForm(t.app, url(unit, month), cookie[who]!, { version: versionIn(page.body), ...fields });
}

beforeAll(async () => {
  t = await createTestApp();
  hub = await buildHub(t.db, { city: 'Tapachula', admin_area: 'Chiapas', country_code: 'MX' });
  otherHub = await buildHub(t.db, { city: 'San José', admin_area: 'San José', country_code: 'CR' });
  const users = {
    reporter: [grant('hub_reporter', { hubLocationId: hub.locationId })],
    otherReporter: [grant('hub_reporter', { hubLocationId: otherHub.locationId })],
    plain: [],
    moderatorMX: [grant('moderator', { countryCode: 'MX' })],
    admin: [grant('admin')],
  };
  for (const [who, roles] of Object.entries(users)) {
    cookie[who] = await sessionCookie(t.db, (await buildUser(t.db, roles)).id);
  }
}, 60_000);
afterAll(() => t?.close());

describe('the list of hubs', () => {
  it('shows a reporter their hub with the last twelve months and links to each', async () => {
    const page = await get('/es/hub/reports', 'reporter');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Centro de información Tapachula — Tapachula');
    expect(page.body).not.toContain('San José');
    expect(page.body.match(new RegExp(`/es/hub/reports/${hub.id}/\\d{4}-\\d{2}"`, 'g'))).toHaveLength(12);
    expect(page.body).toContain(`${url(hub, monthToIso(thisMonth))}"`);
    expect(page.body).toContain('Sin empezar');
  });

  it('creates the org unit of a hub the first time its reporter comes', async () => {
    const newHub = await buildHub(t.db, { city: 'Chetumal', admin_area: 'Quintana Roo' });
    // buildHub created it; a grant on a location without a unit gets one too.
    const bare = await t.db.query
      .insertInto('locations')
      .values({
        id: randomUUID(),
        organization_id: (await t.db.query.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id,
        name: JSON.stringify({ es: 'Punto' }),
        latitude: 16.75,
        longitude: -93.12,
        country_code: 'MX',
        admin_area: 'Chiapas',
        city: 'Tuxtla',
        address_visibility: 'full',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await buildUser(t.db, [grant('hub_reporter', { hubLocationId: bare.id })]);
    const page = await t.app.inject({
      url: '/en/hub/reports',
      headers: { cookie: await sessionCookie(t.db, user.id) },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tuxtla');
    const unit = await t.db.query
      .selectFrom('report_org_units')
      .selectAll()
      .where('location_id', '=', bare.id)
      .executeTakeFirst();
    expect(unit).toMatchObject({ level: 4, country_code: 'MX' });
    expect(newHub.level).toBe(4);
  });

  it('tells an account without hubs so, and sends anonymous visitors to sign in', async () => {
    const page = await get('/en/hub/reports', 'plain');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('does not report for any hub');
    const anonymous = await get('/es/hub/reports');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/es\/login\?next=/);
  });

  it('opens another month from the small form, and refuses a bad one', async () => {
    const ok = await get(`/es/hub/reports/${hub.id}?month=2021-03`, 'reporter');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(url(hub, '2021-03'));
    const bad = await get(`/es/hub/reports/${hub.id}?month=2021-13`, 'reporter');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('HUB_REPORT_BAD_PERIOD');
  });
});

describe('the form', () => {
  it('has one labelled number field per cell, grouped per data element, total first, in every locale', async () => {
    const page = await get(url(hub, '2024-01'), 'reporter');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    const fields = [...page.body.matchAll(/<input id="(v-[^"]+)" name="(v\.[^"]+)"/g)];
    expect(fields).toHaveLength(33);
    expect(fields[0]![2]).toBe(`v.${CELL.total}`);
    for (const [, id] of fields) expect(page.body).toContain(`<label for="${id}">`);
    expect(page.body.match(/<fieldset/g)).toHaveLength(6);
    expect(page.body).toContain('<legend>Personas atendidas por sexo</legend>');
    expect(page.body).toContain('Mujeres');
    expect(page.body).toContain('inputmode="numeric"');
    expect(page.body).toContain('name="action" value="save"');
    expect(page.body).toContain('name="action" value="submit"');
    expect(page.body).toContain('name="version" value="0"');
    for (const [locale, legend] of [
      ['en', 'People assisted by sex'],
      ['fr', 'Personnes accompagnées par sexe'],
      ['ht', 'Moun yo ede selon sèks'],
      ['pt', 'Pessoas atendidas por sexo'],
    ] as const) {
      const translated = await get(url(hub, '2024-01', locale), 'reporter');
      expect(translated.body).toContain(`<legend>${legend}</legend>`);
    }
  });

  it('saves a partial draft, keeps empty fields empty, and clears a field emptied later', async () => {
    const first = await post(hub, '2024-02', 'reporter', {
      action: 'save',
      ...formFields(
        new Map([
          [CELL.total, '12'],
          [CELL.female, ' 7 '],
          [CELL.male, ''],
        ]),
      ),
    });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${url(hub, '2024-02')}?done=saved`);
    let stored = await reportOf(hub, '202402');
    expect(stored.report).toMatchObject({ status: 'draft', country_code: 'MX' });
    expect([...stored.values].sort()).toEqual(
      [
        [CELL.female, 7],
        [CELL.total, 12],
      ].sort(),
    );
    const page = await get(`${url(hub, '2024-02')}?done=saved`, 'reporter');
    expect(page.body).toContain('Borrador guardado.');
    expect(page.body).toMatch(/name="v\.RbDePplSex1\.RbCocSexF01"[^>]*value="7"/);
    const second = await post(hub, '2024-02', 'reporter', {
      action: 'save',
      ...formFields(new Map([[CELL.total, '12']])),
    });
    expect(second.statusCode).toBe(303);
    stored = await reportOf(hub, '202402');
    expect([...stored.values]).toEqual([[CELL.total, 12]]);
  });

  it('refuses figures that are not whole numbers ≥ 0, with a message next to each, and saves nothing', async () => {
    const bad = new Map<string, string>([
      [CELL.total, 'doce'],
      [CELL.female, '-3'],
      [CELL.male, '2.5'],
      [CELL.sexOther, '99999999'],
      [CELL.age0, '1,000'],
      [CELL.age18, '4'],
    ]);
    const response = await post(hub, '2024-03', 'reporter', { action: 'save', ...formFields(bad) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('El borrador no se guardó');
    expect(response.body).toContain('Escriba un número solo con dígitos');
    expect(response.body).toContain('El número no puede ser menor que 0.');
    expect(response.body).toContain('sin decimales ni separadores');
    expect(response.body).toContain('demasiado grande (como máximo 1,000,000)');
    expect(response.body).toContain('id="v-RbDePplTot1-HllvX50cXC0-error"');
    expect(response.body).toMatch(/aria-invalid="true" aria-describedby="v-RbDePplTot1-HllvX50cXC0-error"/);
    // What was typed comes back, so nothing is lost.
    expect(response.body).toMatch(/name="v\.RbDePplSex1\.RbCocSexF01"[^>]*value="-3"/);
    expect((await reportOf(hub, '202403')).report).toBeUndefined();
  });

  it('refuses cells the data set does not have, or sent twice', async () => {
    const unknown: Record<string, string>[] = [
      { 'v.RbDePplTot1.RbCocSexF01': '3' },
      { 'v.NotAnElement.HllvX50cXC0': '3' },
      { 'v.RbDePplTot1': '3' },
    ];
    for (const fields of unknown) {
      const response = await post(hub, '2024-04', 'reporter', { action: 'save', ...fields });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('HUB_REPORT_UNKNOWN_FIELD');
    }
    const page = await get(url(hub, '2024-04'), 'reporter');
    const csrf = await csrfFor(t.app, cookie.reporter);
    const twice = await t.app.inject({
      method: 'POST',
      url: url(hub, '2024-04'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      payload: `_csrf=${encodeURIComponent(csrf.token)}&version=${versionIn(page.body)}&v.${CELL.total}=1&v.${CELL.total}=2`,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('HUB_REPORT_UNKNOWN_FIELD');
    expect((await reportOf(hub, '202404')).report).toBeUndefined();
  });

  it('runs the rules on submit: a sex sum that does not match is told next to its fields and in the summary', async () => {
    const figures = consistentFigures(60);
    figures.set(CELL.female, 20);
    const response = await post(hub, '2024-05', 'reporter', { action: 'submit', ...formFields(figures) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('El informe no se envió');
    expect(response.body).toContain('href="#de-RbDePplSex1"');
    expect(response.body).toContain(
      'La suma por sexo debe ser igual al total de personas atendidas: 50 aquí, 60 en «Personas atendidas».',
    );
    expect(response.body).toContain('id="rule-RbVrSexSum1-RbDePplSex1"');
    expect(response.body).toMatch(/aria-describedby="rule-RbVrSexSum1-RbDePplSex1"/);
    expect((await reportOf(hub, '202405')).report).toBeUndefined();
    // Saving the same figures as a draft is allowed: partial work is kept.
    const draft = await post(hub, '2024-05', 'reporter', { action: 'save', ...formFields(figures) });
    expect(draft.statusCode).toBe(303);
    figures.set(CELL.female, 30);
    const fixed = await post(hub, '2024-05', 'reporter', { action: 'submit', ...formFields(figures) });
    expect(fixed.statusCode).toBe(303);
    expect(fixed.headers.location).toBe(`${url(hub, '2024-05')}?done=submitted`);
    const stored = await reportOf(hub, '202405');
    expect(stored.report).toMatchObject({ status: 'submitted', outliers_confirmed: false });
    expect(stored.values.get(CELL.female)).toBe(30);
  });

  it('requires the total to submit, and shows warnings without blocking', async () => {
    const noTotal = consistentFigures(10);
    noTotal.delete(CELL.total);
    const refused = await post(hub, '2024-06', 'reporter', { action: 'submit', ...formFields(noTotal) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Escriba el total de personas atendidas antes de enviar.');
    const warned = consistentFigures(10);
    warned.set(CELL.refHealth, 9);
    const draft = await post(hub, '2024-06', 'reporter', { action: 'save', ...formFields(warned) });
    expect(draft.statusCode).toBe(303);
    const page = await get(url(hub, '2024-06'), 'reporter');
    expect(page.body).toContain(
      'Revise: Las canalizaciones por destino no deberían superar los servicios de canalización',
    );
    const submitted = await post(hub, '2024-06', 'reporter', { action: 'submit', ...formFields(warned) });
    expect(submitted.statusCode).toBe(303);
  });

  it('refuses a post from an older version of the form with a conflict message, writing nothing', async () => {
    const opened = await get(url(hub, '2024-07'), 'reporter');
    const stale = versionIn(opened.body);
    const first = await postForm(t.app, url(hub, '2024-07'), cookie.reporter!, {
      version: stale,
      action: 'save',
      ...formFields(new Map([[CELL.total, '5']])),
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(t.app, url(hub, '2024-07'), cookie.reporter!, {
      version: stale,
      action: 'save',
      ...formFields(new Map([[CELL.total, '9']])),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Alguien guardó este informe después de que usted lo abrió');
    expect(second.body).toMatch(/name="v\.RbDePplTot1\.HllvX50cXC0"[^>]*value="5"/);
    const missing = await postForm(t.app, url(hub, '2024-07'), cookie.reporter!, { action: 'save' });
    expect(missing.statusCode).toBe(409);
    expect((await reportOf(hub, '202407')).values.get(CELL.total)).toBe(5);
  });

  it('shows a submitted report read-only and refuses changes until it is decided', async () => {
    const page = await get(url(hub, '2024-05'), 'reporter');
    expect(page.body).toContain('Este informe se envió a revisión');
    expect(page.body).not.toContain('name="action"');
    const response = await postForm(t.app, url(hub, '2024-05'), cookie.reporter!, {
      version: '99',
      action: 'save',
      ...formFields(new Map([[CELL.total, '1']])),
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('HUB_REPORT_AWAITING_REVIEW');
  });

  it('refuses future months, months before 2000 and malformed ones', async () => {
    for (const month of [monthToIso(nextMonth), '2100-01', '1999-12', '2021-00', '2021-13', 'marzo', '2021Q1']) {
      const page = await get(url(hub, month), 'reporter');
      expect(page.statusCode, month).toBe(400);
      expect(page.body).toContain('HUB_REPORT_BAD_PERIOD');
      const posted = await postForm(t.app, url(hub, month), cookie.reporter!, { version: '0', action: 'save' });
      expect(posted.statusCode, month).toBe(400);
    }
    expect((await get(url(hub, monthToIso(thisMonth)), 'reporter')).statusCode).toBe(200);
    expect((await get(url(hub, monthToIso(lastMonth)), 'reporter')).statusCode).toBe(200);
    expect((await get(url(hub, '2000-01'), 'reporter')).statusCode).toBe(200);
  });

  it('lets in only the hub’s reporters and admins, and refuses unknown org units', async () => {
    expect((await get(url(hub, '2024-01'), 'otherReporter')).statusCode).toBe(403);
    expect((await get(url(hub, '2024-01'), 'plain')).statusCode).toBe(403);
    expect((await get(url(hub, '2024-01'), 'moderatorMX')).statusCode).toBe(403);
    expect((await get(url(hub, '2024-01'), 'admin')).statusCode).toBe(200);
    const anonymous = await get(url(hub, '2024-01'));
    expect(anonymous.statusCode).toBe(302);
    const refused = await postForm(t.app, url(hub, '2024-08'), cookie.otherReporter!, {
      version: '0',
      action: 'save',
      ...formFields(new Map([[CELL.total, '5']])),
    });
    expect(refused.statusCode).toBe(403);
    expect((await reportOf(hub, '202408')).report).toBeUndefined();
    const country = await t.db.query
      .selectFrom('report_org_units')
      .select('id')
      .where('level', '=', 2)
      .executeTakeFirstOrThrow();
    for (const unit of ['nope', 'AAAAAAAAAAA', country.id, "'; DROP TABLE hub_reports;--"]) {
      const page = await get(`/es/hub/reports/${encodeURIComponent(unit)}/2024-01`, 'reporter');
      expect(page.statusCode, unit).toBe(404);
    }
  });

  it('refuses a post without a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: url(hub, '2024-09'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie.reporter! },
      payload: new URLSearchParams({ version: '0', action: 'save', [`v.${CELL.total}`]: '3' }).toString(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('CSRF_INVALID');
    expect((await reportOf(hub, '202409')).report).toBeUndefined();
  });
});

describe('figures far outside the hub’s own history', () => {
  it('are flagged next to the field, and submitting needs “I checked these figures”', async () => {
    const users = await t.db.query.selectFrom('users').select(['id', 'email']).execute();
    const reporter = viewerFor(users[0]!, [grant('admin')]);
    for (const period of ['202301', '202302', '202303', '202304']) {
      await approvedMonth(t.db, otherHub, period, consistentFigures(100), reporter, reporter);
    }
    const big = consistentFigures(1000);
    const month = '2023-05';
    const refused = await post(otherHub, month, 'otherReporter', { action: 'submit', ...formFields(big) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Inusual para este centro: normalmente cerca de 100 (mediana de 4 meses aprobados).',
    );
    expect(refused.body).toContain('id="v-RbDePplTot1-HllvX50cXC0-flag"');
    expect(refused.body).toContain('Algunas cifras están lejos de las habituales de este centro');
    expect(refused.body).toContain('name="outliers_confirmed"');
    expect((await reportOf(otherHub, '202305')).report).toBeUndefined();
    const confirmed = await post(otherHub, month, 'otherReporter', {
      action: 'submit',
      outliers_confirmed: '1',
      ...formFields(big),
    });
    expect(confirmed.statusCode).toBe(303);
    expect((await reportOf(otherHub, '202305')).report).toMatchObject({
      status: 'submitted',
      outliers_confirmed: true,
    });
    // Ordinary figures pass without the tick; history older than two years does not count.
    expect(
      (await post(otherHub, '2023-06', 'otherReporter', { action: 'submit', ...formFields(consistentFigures(120)) }))
        .statusCode,
    ).toBe(303);
    expect(
      (await post(otherHub, '2025-06', 'otherReporter', { action: 'submit', ...formFields(consistentFigures(1000)) }))
        .statusCode,
    ).toBe(303);
  });
});
