// Review through app.inject(): the queue per country, approve (rollups in step), return with a required comment,
// deciding twice, stale decisions, admin unlock with a reason, and the audit log of every change after approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { listAudit } from '../audit/audit.repository.js';
import { findReportById, readValues } from './hub-reports.repository.js';
import { saveReport, type Hub } from './hub-reports.service.js';
import {
  buildHub,
  CELL,
  consistentFigures,
  formFields,
  postForm,
  versionIn,
  viewerFor,
} from './hub-reports.fixtures.js';

let t: TestApp;
let mxHub: Hub;
let crHub: Hub;
const cookie: Record<string, string> = {};
const reporterUser = { id: '', email: '' };

const get = (path: string, who?: string) => t.app.inject({ url: path, headers: who ? { cookie: cookie[who]! } : {} });
const reviewUrl = (id: string, action = '') => `/es/admin/hub-reports/${id}${action ? `/${action}` : ''}`;

/** A report submitted by the hub's reporter, through the service. */
async function submitted(hub: Hub, period: string, total = 40) {
  const viewer = viewerFor(reporterUser, [grant('hub_reporter', { hubLocationId: hub.locationId })]);
  const saved = await saveReport(t.db, {
    hub,
    period,
    viewer,
    version: 0,
    values: consistentFigures(total),
    submit: { outliersConfirmed: false },
  });
  if (saved.kind !== 'saved') throw new Error('not saved');
  return saved.report;
}

/** Posts a decision with the report's current version (as a freshly opened page would carry). */
async function decide(who: string, id: string, action: string, fields: Record<string, string> = {}) {
  const version = String((await findReportById(t.db.query, id))?.version ?? 1);
  return postForm(t.app, reviewUrl(id, action), cookie[who]!, { version, ...fields });
}

async function rollup(period: string, country: string, cell: string) {
  const [elementId, cocId] = cell.split('.') as [string, string];
  const row = await t.db.query
    .selectFrom('report_rollups')
    .select(['value', 'hubs'])
    .where('period', '=', period)
    .where('country_code', '=', country)
    .where('data_element_id', '=', elementId)
    .where('category_option_combo_id', '=', cocId)
    .executeTakeFirst();
  return row ? { value: Number(row.value), hubs: row.hubs } : null;
}

beforeAll(async () => {
  t = await createTestApp();
  mxHub = await buildHub(t.db, { city: 'Tapachula', admin_area: 'Chiapas', country_code: 'MX' });
  crHub = await buildHub(t.db, { city: 'San José', admin_area: 'San José', country_code: 'CR' });
  const users = {
    reporter: [grant('hub_reporter', { hubLocationId: mxHub.locationId })],
    moderatorMX: [grant('moderator', { countryCode: 'MX' })],
    moderatorCR: [grant('moderator', { countryCode: 'CR' })],
    admin: [grant('admin')],
    publisher: [grant('publisher')],
  };
  for (const [who, roles] of Object.entries(users)) {
    const user = await buildUser(t.db, roles);
    cookie[who] = await sessionCookie(t.db, user.id);
    if (who === 'reporter') Object.assign(reporterUser, { id: user.id, email: user.email });
  }
}, 60_000);
afterAll(() => t?.close());

describe('the queue', () => {
  it('shows moderators the submitted reports of their countries, admins all, and nobody else', async () => {
    await submitted(mxHub, '202401');
    await submitted(crHub, '202401');
    const mx = await get('/es/admin/hub-reports', 'moderatorMX');
    expect(mx.statusCode).toBe(200);
    expect(mx.body).toContain('Tapachula');
    expect(mx.body).not.toContain('San José');
    expect(mx.body).toContain('enero de 2024');
    expect(mx.body).toContain('1 informe');
    const cr = await get('/en/admin/hub-reports', 'moderatorCR');
    expect(cr.body).toContain('San José');
    expect(cr.body).not.toContain('Tapachula');
    const admin = await get('/es/admin/hub-reports', 'admin');
    expect(admin.body).toContain('Tapachula');
    expect(admin.body).toContain('San José');
    expect((await get('/es/admin/hub-reports?status=approved', 'admin')).body).toContain('No hay informes aquí.');
    expect((await get('/es/admin/hub-reports?status=bogus', 'admin')).statusCode).toBe(400);
    expect((await get('/es/admin/hub-reports', 'reporter')).statusCode).toBe(403);
    expect((await get('/es/admin/hub-reports', 'publisher')).statusCode).toBe(403);
    expect((await get('/es/admin/hub-reports')).statusCode).toBe(302);
  });

  it('is linked from the admin index for moderators', async () => {
    const index = await get('/es/admin', 'moderatorMX');
    expect(index.body).toContain('href="/es/admin/hub-reports"');
  });
});

describe('a report page and its decisions', () => {
  it('shows figures, check results and previous months; the other country’s moderator is refused', async () => {
    await submitted(mxHub, '202312', 35);
    const report = await submitted(mxHub, '202402', 44);
    const page = await get(reviewUrl(report.id), 'moderatorMX');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('La suma por sexo debe ser igual al total de personas atendidas');
    expect(page.body).toContain('44 = 44');
    expect(page.body).toContain('Cumple');
    expect(page.body).toContain('enero de 2024');
    expect(page.body).toContain('diciembre de 2023');
    expect(page.body).toContain(`action="${reviewUrl(report.id, 'approve')}"`);
    expect(page.body).not.toContain('/unlock"');
    expect((await get(reviewUrl(report.id), 'moderatorCR')).statusCode).toBe(403);
    expect((await get(reviewUrl(report.id), 'reporter')).statusCode).toBe(403);
    expect((await get(reviewUrl('not-a-uuid'), 'moderatorMX')).statusCode).toBe(404);
    expect((await get(reviewUrl('00000000-0000-4000-8000-000000000000'), 'moderatorMX')).statusCode).toBe(404);
  });

  it('approves: locked for the reporter, rollups in step; deciding twice is refused', async () => {
    const report = await submitted(mxHub, '202403', 40);
    const refused = await decide('moderatorCR', report.id, 'approve');
    expect(refused.statusCode).toBe(403);
    expect((await findReportById(t.db.query, report.id))?.status).toBe('submitted');
    const approved = await decide('moderatorMX', report.id, 'approve');
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`${reviewUrl(report.id)}?done=approved`);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'approved' });
    expect(await rollup('202403', 'MX', CELL.total)).toEqual({ value: 40, hubs: 1 });
    expect(await rollup('202403', 'MX', CELL.female)).toEqual({ value: 20, hubs: 1 });
    const twice = await decide('moderatorMX', report.id, 'approve');
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('HUB_REPORT_ALREADY_DECIDED');
    expect(twice.body).toContain('ahora está aprobado');
    const returnAfter = await decide('moderatorMX', report.id, 'return', { comment: 'Tarde' });
    expect(returnAfter.statusCode).toBe(409);
    // The reporter sees it read-only and cannot post to it.
    const form = await get(`/es/hub/reports/${mxHub.id}/2024-03`, 'reporter');
    expect(form.body).toContain('Este informe está aprobado y bloqueado');
    expect(form.body).not.toContain('name="action"');
    const edit = await postForm(t.app, `/es/hub/reports/${mxHub.id}/2024-03`, cookie.reporter!, {
      version: String(report.version + 1),
      action: 'save',
      ...formFields(new Map([[CELL.total, '1']])),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.body).toContain('HUB_REPORT_LOCKED');
    // Before any unlock, nothing goes to the audit log.
    expect(await listAudit(t.db, 'hub_report', report.id)).toEqual([]);
  });

  it('refuses a decision made on an older version of the page', async () => {
    const report = await submitted(mxHub, '202404');
    const stale = await postForm(t.app, reviewUrl(report.id, 'approve'), cookie.moderatorMX!, {
      version: String(report.version - 1),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('CONFLICT');
    const none = await postForm(t.app, reviewUrl(report.id, 'approve'), cookie.moderatorMX!, {});
    expect(none.statusCode).toBe(409);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'submitted' });
    expect(await rollup('202404', 'MX', CELL.total)).toBeNull();
  });

  it('returns with a required comment that the reporter sees at the top; the resubmission is approved', async () => {
    const report = await submitted(mxHub, '202405', 30);
    for (const comment of ['', '   ', 'x'.repeat(2001), 'bad\u0000char']) {
      const refused = await decide('moderatorMX', report.id, 'return', { comment });
      expect(refused.statusCode, JSON.stringify(comment)).toBe(400);
    }
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'submitted' });
    const returned = await decide('moderatorMX', report.id, 'return', { comment: 'Faltan las nacionalidades.' });
    expect(returned.statusCode).toBe(303);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({
      status: 'returned',
      review_comment: 'Faltan las nacionalidades.',
    });
    const form = await get(`/es/hub/reports/${mxHub.id}/2024-05`, 'reporter');
    expect(form.body).toContain('Comentario de la revisión:');
    expect(form.body).toContain('Faltan las nacionalidades.');
    const figures = consistentFigures(30);
    figures.set(CELL.natHnd, 5);
    const resubmitted = await postForm(t.app, `/es/hub/reports/${mxHub.id}/2024-05`, cookie.reporter!, {
      version: versionIn(form.body),
      action: 'submit',
      ...formFields(figures),
    });
    expect(resubmitted.statusCode).toBe(303);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'submitted' });
    expect((await decide('admin', report.id, 'approve')).statusCode).toBe(303);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'approved', review_comment: null });
    expect(await rollup('202405', 'MX', CELL.natHnd)).toEqual({ value: 5, hubs: 1 });
  });
});

describe('unlocking an approved report', () => {
  it('is for admins only, needs a reason and a valid status, and only applies to approved reports', async () => {
    const report = await submitted(mxHub, '202406');
    expect((await decide('admin', report.id, 'unlock', { reason: 'Error', to: 'returned' })).statusCode).toBe(409);
    await decide('moderatorMX', report.id, 'approve');
    const moderator = await decide('moderatorMX', report.id, 'unlock', { reason: 'Error', to: 'returned' });
    expect(moderator.statusCode).toBe(403);
    const bad: Record<string, string>[] = [
      { reason: '', to: 'returned' },
      { reason: 'Error' },
      { reason: 'Error', to: 'approved' },
    ];
    for (const fields of bad) {
      const refused = await decide('admin', report.id, 'unlock', fields);
      expect(refused.statusCode, JSON.stringify(fields)).toBe(400);
    }
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'approved' });
    expect(await listAudit(t.db, 'hub_report', report.id)).toEqual([]);
  });

  it('takes the figures out of the rollups and audits every later change, cell by cell', async () => {
    const report = await submitted(mxHub, '202407', 40);
    await decide('moderatorMX', report.id, 'approve');
    expect(await rollup('202407', 'MX', CELL.total)).toEqual({ value: 40, hubs: 1 });
    const adminPage = await get(reviewUrl(report.id), 'admin');
    expect(adminPage.body).toContain(`action="${reviewUrl(report.id, 'unlock')}"`);
    const unlocked = await decide('admin', report.id, 'unlock', {
      reason: 'El centro contó dos veces a un grupo.',
      to: 'returned',
    });
    expect(unlocked.statusCode).toBe(303);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({
      status: 'returned',
      review_comment: 'El centro contó dos veces a un grupo.',
    });
    expect(await rollup('202407', 'MX', CELL.total)).toBeNull();

    // The reporter sees the reason, corrects two cells and resubmits.
    const form = await get(`/es/hub/reports/${mxHub.id}/2024-07`, 'reporter');
    expect(form.body).toContain('El centro contó dos veces a un grupo.');
    const figures = consistentFigures(40);
    figures.set(CELL.total, 36);
    figures.set(CELL.male, 16);
    figures.set(CELL.age18, 26);
    const resubmitted = await postForm(t.app, `/es/hub/reports/${mxHub.id}/2024-07`, cookie.reporter!, {
      version: versionIn(form.body),
      action: 'submit',
      ...formFields(figures),
    });
    expect(resubmitted.statusCode).toBe(303);
    expect((await decide('moderatorMX', report.id, 'approve')).statusCode).toBe(303);
    expect(await rollup('202407', 'MX', CELL.total)).toEqual({ value: 36, hubs: 1 });
    expect(await readValues(t.db.query, report.id)).toEqual(figures);

    // Rows of one transaction share its time: compare them as a set, and the status moves in order.
    const audit = await listAudit(t.db, 'hub_report', report.id);
    const rows = audit.map((row) => JSON.stringify([row.field_name, row.previous_value, row.replacement_value]));
    expect(rows.sort()).toEqual(
      [
        ['status', 'approved', 'returned'],
        ['unlock_reason', null, 'El centro contó dos veces a un grupo.'],
        ['PEOPLE_ASSISTED.default', 40, 36],
        ['PEOPLE_ASSISTED_BY_SEX.MALE', 20, 16],
        ['PEOPLE_ASSISTED_BY_AGE.AGE_18_59', 30, 26],
        ['status', 'returned', 'submitted'],
        ['status', 'submitted', 'approved'],
      ]
        .map((row) => JSON.stringify(row))
        .sort(),
    );
    const moves = audit
      .filter((row) => row.field_name === 'status')
      .sort((a, b) => new Date(a.last_action_date).getTime() - new Date(b.last_action_date).getTime())
      .map((row) => row.replacement_value);
    expect(moves).toEqual(['returned', 'submitted', 'approved']);
    expect(new Set(audit.map((row) => row.resource_type))).toEqual(new Set(['hub_report']));
    expect(audit.every((row) => row.last_action_type === 'update' && row.actor_user_id)).toBe(true);

    const history = await get(`/es/admin/audit/hub_report/${report.id}`, 'admin');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Informe de centro');
    expect(history.body).toContain('PEOPLE_ASSISTED_BY_SEX.MALE');
  });

  it('can send the report back as a draft instead', async () => {
    const report = await submitted(mxHub, '202408');
    await decide('admin', report.id, 'approve');
    const unlocked = await decide('admin', report.id, 'unlock', { reason: 'Reabrir', to: 'draft' });
    expect(unlocked.statusCode).toBe(303);
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'draft' });
  });
});

describe('bad posts to the decision routes', () => {
  it('refuse a missing CSRF token, an unknown report and a malformed id', async () => {
    const report = await submitted(mxHub, '202409');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: reviewUrl(report.id, 'approve'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie.moderatorMX! },
      payload: `version=${report.version}`,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).toContain('CSRF_INVALID');
    expect(await findReportById(t.db.query, report.id)).toMatchObject({ status: 'submitted' });
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const response = await postForm(t.app, reviewUrl(id, 'approve'), cookie.moderatorMX!, { version: '1' });
      expect(response.statusCode).toBe(404);
    }
    const anonymous = await postForm(t.app, reviewUrl(report.id, 'approve'), '', { version: '1' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/es\/login/);
  });
});
