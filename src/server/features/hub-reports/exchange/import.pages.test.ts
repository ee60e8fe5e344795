import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, csrfFor, grant, sessionCookie } from '../../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app.js';
import type { OrgUnit } from '../org-units.repository.js';
import { buildHub } from './exchange.test-support.js';
import { withoutWorkerRegistration } from '../../../../../tests/support/html.js';

const PAGE = '/en/admin/hub-reports/import';
const BOUNDARY = '----rumboImportTest';

let t: TestApp;
let hub: OrgUnit;
let adminCookie: string;
let publisherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  hub = await buildHub(t.db, { country: 'CR', area: 'Limón', city: 'Sixaola' });
  const admin = await buildUser(t.db, [grant('admin')], { totpSecret: new Secret({ size: 20 }).base32 });
  adminCookie = await sessionCookie(t.db, admin.id);
  publisherCookie = await sessionCookie(t.db, (await buildUser(t.db, [grant('publisher')])).id);
});
afterAll(() => t.close());

function multipart(fields: Record<string, string>, file?: { name: string; content: string }): string {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: application/json\r\n\r\n${file.content}\r\n`,
    );
  }
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

async function post(cookie: string, fields: Record<string, string>, file?: { name: string; content: string }) {
  const csrf = await csrfFor(t.app, cookie, PAGE);
  return t.app.inject({
    method: 'POST',
    url: PAGE,
    headers: { cookie: csrf.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipart({ _csrf: csrf.token, ...fields }, file),
  });
}

const dataValues = (period: string, total: number) =>
  JSON.stringify({
    dataValues: [
      { dataElement: 'RbDePplTot1', period, orgUnit: hub.code, value: String(total) },
      {
        dataElement: 'RbDePplSex1',
        period,
        orgUnit: hub.code,
        categoryOptionCombo: 'RbCocSexM01',
        value: String(total),
      },
      {
        dataElement: 'RbDePplAge1',
        period,
        orgUnit: hub.code,
        categoryOptionCombo: 'RbCocAge185',
        value: String(total),
      },
    ],
  });
const storedValues = async () =>
  Number(
    (
      await t.db.query
        .selectFrom('report_data_values')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_unit_id', '=', hub.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('/{locale}/admin/hub-reports/import', () => {
  it('is for admins only: anonymous visitors are sent to sign in, others are refused, before the body is read', async () => {
    const anonymous = await t.app.inject({ url: PAGE });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/en/login?next=${encodeURIComponent(PAGE)}`);
    const anonymousPost = await t.app.inject({
      method: 'POST',
      url: PAGE,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: 'not even multipart',
    });
    expect(anonymousPost.statusCode).toBe(303);
    expect(anonymousPost.headers.location).toMatch(/^\/en\/login\?next=/);
    expect((await t.app.inject({ url: PAGE, headers: { cookie: publisherCookie } })).statusCode).toBe(403);
    const refused = await t.app.inject({
      method: 'POST',
      url: PAGE,
      headers: { cookie: publisherCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'text=x',
    });
    expect([refused.statusCode, refused.body.includes('FORBIDDEN')]).toEqual([403, true]);
  });

  it('shows the form: a file, pasted text, the status and a dry run ticked by default', async () => {
    const res = await t.app.inject({ url: PAGE, headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toMatch(/<input[^>]*type="file"[^>]*name="file"/);
    expect(res.body).toMatch(/<input[^>]*name="dry_run"[^>]*checked/);
    expect(res.body).toContain('name="_csrf"');
    expect(withoutWorkerRegistration(res.body)).not.toContain('<script');
  });

  it('checks an uploaded file on a dry run, then imports it', async () => {
    const file = { name: 'values.json', content: dataValues('202103', 14) };
    const dry = await post(adminCookie, { status: 'approved', dry_run: '1' }, file);
    expect(dry.statusCode).toBe(200);
    expect(dry.body).toContain('Dry run: nothing was written.');
    expect(dry.body).toContain('3 created · 0 updated · 0 unchanged · 0 rejected');
    expect(await storedValues()).toBe(0);
    const real = await post(adminCookie, { status: 'approved' }, file);
    expect(real.statusCode).toBe(200);
    expect(real.body).toContain('Imported: the changes were written');
    expect(await storedValues()).toBe(3);
    const status = await t.db.query
      .selectFrom('hub_reports')
      .select(['status', 'decided_by'])
      .where('org_unit_id', '=', hub.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('approved');
    expect(status.decided_by).not.toBeNull();
  });

  it('reports rejected values with their reasons and writes nothing (pasted text, urlencoded form)', async () => {
    const csrf = await csrfFor(t.app, adminCookie, PAGE);
    const text = `dataelement,period,orgunit,catoptcombo,value\nRbDePplTot1,202104,${hub.code},,5\nNOPE,202104,${hub.code},,5\nRbDePplTot1,202105,${hub.code},,-1\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: PAGE,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf.token, text, status: 'submitted' }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Nothing was written: some values were rejected.');
    expect(res.body).toContain('Unknown data element');
    expect(res.body).toContain('Not a whole number of 0 or more');
    expect(res.body).toContain('The report would break a rule: The breakdown by sex must add up to the total');
    // The pasted text is offered again, and the chosen status kept.
    expect(res.body).toContain('NOPE,202104');
    expect(res.body).toMatch(/<input[^>]*value="submitted"[^>]*checked/);
    expect(await storedValues()).toBe(3);
  });

  it('asks for a file or text when both are empty, and refuses a post without its CSRF token', async () => {
    const empty = await post(adminCookie, { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a file or paste its content.');
    const forged = await t.app.inject({
      method: 'POST',
      url: PAGE,
      headers: { cookie: adminCookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart({ text: dataValues('202106', 3) }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('CSRF_INVALID');
  });
});
