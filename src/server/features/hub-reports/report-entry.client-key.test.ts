// The hub report form sent twice with its client key (e.g. replayed from a device's outbox after the first answer
// was lost, or twice at once): the second post lands where the first did instead of the "someone saved meanwhile"
// conflict, and writes nothing; a malformed key is a 400; a post without a key works as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, grant, sessionCookie } from '../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { findReportForPeriod } from './hub-reports.repository.js';
import type { Hub } from './hub-reports.service.js';
import { buildHub, consistentFigures, formFields, postForm, versionIn } from './hub-reports.fixtures.js';

let t: TestApp;
let hub: Hub;
let cookie: string;
const url = (month: string, locale = 'es') => `/${locale}/hub/reports/${hub.id}/${month}`;

beforeAll(async () => {
  t = await createTestApp();
  hub = await buildHub(t.db, { city: 'Tapachula', admin_area: 'Chiapas', country_code: 'MX' });
  cookie = await sessionCookie(
    t.db,
    (await buildUser(t.db, [grant('hub_reporter', { hubLocationId: hub.locationId })])).id,
  );
}, 60_000);
afterAll(() => t?.close());

describe('client keys on the hub report form', () => {
  it('renders a key and the outbox attributes', async () => {
    const page = await t.app.inject({ url: url('2023-05', 'en'), headers: { cookie } });
    expect(page.body).toMatch(/name="client_key" value="[0-9a-f-]{36}"/);
    expect(page.body, page.body.match(/<form [^>]*>/g)?.join('\n')).toMatch(
      /<form [^>]*data-offline-outbox[^>]*data-outbox-label="Report of [^"]+, [^"]+"/,
    );
    expect(page.body).toContain('data-outbox-status');
  });

  it('submits once: the same post again lands on the same page and writes nothing', async () => {
    const page = await t.app.inject({ url: url('2023-06'), headers: { cookie } });
    const fields = {
      version: versionIn(page.body),
      action: 'submit',
      client_key: randomUUID(),
      ...formFields(consistentFigures(40)),
    };
    const first = await postForm(t.app, url('2023-06'), cookie, fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${url('2023-06')}?done=submitted`);
    const report = await findReportForPeriod(t.db.query, 'RbDsHubMon1', hub.id, '202306');
    const again = await postForm(t.app, url('2023-06'), cookie, fields);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await findReportForPeriod(t.db.query, 'RbDsHubMon1', hub.id, '202306')).toEqual(report);
    // Without the key, the same post is refused (the report waits for review).
    const { client_key: _unused, ...bare } = fields;
    expect((await postForm(t.app, url('2023-06'), cookie, bare)).statusCode).toBe(409);
  });

  it('saves once when the same form arrives six times at the same moment, and sends all where the save led', async () => {
    const page = await t.app.inject({ url: url('2023-10'), headers: { cookie } });
    const fields = {
      version: versionIn(page.body),
      action: 'save',
      client_key: randomUUID(),
      ...formFields(consistentFigures(25)),
    };
    // Six, not two: a post that reads the key before the first commits and the report after it must still land
    // where the first did (it answered 409 "someone saved meanwhile" once in about three runs on PostgreSQL).
    const all = await Promise.all(Array.from({ length: 6 }, () => postForm(t.app, url('2023-10'), cookie, fields)));
    expect(all.map((r) => r.statusCode)).toEqual(all.map(() => 303));
    expect(all.map((r) => r.headers.location)).toEqual(all.map(() => `${url('2023-10')}?done=saved`));
    // One save: the version a single save leaves (the same form saved again with a fresh key would be refused as
    // stale), and the page now offers the version after it.
    const report = await findReportForPeriod(t.db.query, 'RbDsHubMon1', hub.id, '202310');
    const after = await t.app.inject({ url: url('2023-10'), headers: { cookie } });
    expect(String(report?.version)).toBe(versionIn(after.body));
    const single = await t.app.inject({ url: url('2023-11'), headers: { cookie } });
    await postForm(t.app, url('2023-11'), cookie, {
      ...fields,
      version: versionIn(single.body),
      client_key: randomUUID(),
    });
    expect(report?.version).toBe((await findReportForPeriod(t.db.query, 'RbDsHubMon1', hub.id, '202311'))?.version);
  });

  it('refuses a malformed key with a 400, and takes a post without a key', async () => {
    const page = await t.app.inject({ url: url('2023-07'), headers: { cookie } });
    const fields = { version: versionIn(page.body), action: 'save', ...formFields(consistentFigures(8)) };
    const bad = await postForm(t.app, url('2023-07'), cookie, { ...fields, client_key: 'not-a-key' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('CLIENT_KEY_INVALID');
    expect(await findReportForPeriod(t.db.query, 'RbDsHubMon1', hub.id, '202307')).toBeUndefined();
    const plain = await postForm(t.app, url('2023-07'), cookie, fields);
    expect(plain.statusCode).toBe(303);
  });

  it('asks who is posting before it reads the key', async () => {
    const other = await sessionCookie(t.db, (await buildUser(t.db, [])).id);
    const refused = await postForm(t.app, url('2023-08'), other, { version: '0', client_key: 'bad' });
    expect(refused.statusCode).toBe(403);
  });
});
