// Every role (and anonymous) against every mutating route of the app: only the allowed ones get through, the
// refused ones get 401/403 or are sent to sign in, and a refused request writes nothing. A mutating route without
// an entry here fails the first test, so a new route cannot skip its authorization check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import type { LightMyRequestResponse } from 'fastify';
import { buildOrganization, buildService } from '../support/factories.js';
import { buildUser, csrfFor, grant, sessionCookie } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { MATRIX, WHO, type Fixture, type Who } from './authorization-matrix.routes.js';

const COUNTED_TABLES = [
  'users',
  'user_roles',
  'auth_tokens',
  'submissions',
  'hub_reports',
  'report_data_values',
  'organizations',
  'services',
  'locations',
  'news_items',
  'audit_log',
  'mail_outbox',
] as const;

describe('authorization matrix', () => {
  let t: TestApp;
  let fx: Fixture;
  const userIds = new Map<Who, string>();
  /** A fresh session for each request (an entry like sign-out ends the one it is given). */
  const cookieFor = async (who: Who) =>
    who === 'anonymous' ? '' : sessionCookie(t.db, userIds.get(who)!, who !== 'adminPending');

  beforeAll(async () => {
    t = await createTestApp();
    const orgA = await buildOrganization(t.db, { name: 'Organización A (MX)' });
    const orgB = await buildOrganization(t.db, { name: 'Organización B (CR)' });
    const { service: serviceA } = await buildService(t.db, { organizationId: orgA.id });
    await buildService(t.db, { organizationId: orgB.id, location: { country_code: 'CR', city: 'San José' } });
    const hub = await t.db.query
      .selectFrom('locations')
      .select('id')
      .where('organization_id', '=', orgA.id)
      .executeTakeFirstOrThrow();
    const totp = () => ({ totpSecret: new Secret({ size: 20 }).base32 });
    const users: Record<Exclude<Who, 'anonymous'>, Awaited<ReturnType<typeof buildUser>>> = {
      plain: await buildUser(t.db, []),
      admin: await buildUser(t.db, [grant('admin')], totp()),
      adminPending: await buildUser(t.db, [grant('admin')], totp()),
      moderatorMX: await buildUser(t.db, [grant('moderator', { countryCode: 'MX' })], totp()),
      moderatorCR: await buildUser(t.db, [grant('moderator', { countryCode: 'CR' })], totp()),
      editorA: await buildUser(t.db, [grant('org_editor', { organizationId: orgA.id })]),
      editorB: await buildUser(t.db, [grant('org_editor', { organizationId: orgB.id })]),
      hubReporter: await buildUser(t.db, [grant('hub_reporter', { hubLocationId: hub.id })]),
      publisher: await buildUser(t.db, [grant('publisher')]),
    };
    for (const [who, user] of Object.entries(users) as [Exclude<Who, 'anonymous'>, { id: string }][]) {
      userIds.set(who, user.id);
    }
    fx = {
      db: t.db,
      app: t.app,
      orgA: orgA.id,
      orgB: orgB.id,
      serviceA: serviceA.id,
      hubLocation: hub.id,
      users: Object.fromEntries(Object.entries(users).map(([who, user]) => [who, { id: user.id, email: user.email }])),
    };
  }, 60_000);
  afterAll(() => t?.close());

  it('has an entry for every mutating route the app serves, and no entry for a route it does not', () => {
    const served = t.app.routeTable
      .filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(MATRIX.map((entry) => entry.route).sort()).toEqual(served);
  });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const row = await t.db.query
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      result[table] = Number(row.n);
    }
    return result;
  }

  function refused(response: LightMyRequestResponse): boolean {
    // A CSRF refusal here would be a broken test, not an authorization answer.
    expect(response.body).not.toContain('CSRF_INVALID');
    // 401/403 by the authorization check (not, say, a wrong password on the sign-in form, also a 401).
    if (
      (response.statusCode === 401 || response.statusCode === 403) &&
      /\b(UNAUTHENTICATED|FORBIDDEN|SECOND_FACTOR_REQUIRED)\b/.test(response.body)
    ) {
      return true;
    }
    const location = String(response.headers.location ?? '');
    return (
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      /^\/[a-z]{2}\/(login|login\/totp|account\/totp)(\?|$)/.test(location)
    );
  }

  for (const entry of MATRIX) {
    it(`${entry.route}: allowed for ${entry.allowed === 'everyone' ? 'everyone' : entry.allowed.join(', ') || 'nobody'}`, async () => {
      const outcomes: string[] = [];
      for (const who of WHO) {
        const cookie = await cookieFor(who);
        const request = await entry.request(fx, who);
        const csrf = await csrfFor(t.app, cookie);
        const before = await counts();
        const response = await t.app.inject({
          method: entry.route.split(' ')[0] as 'POST',
          url: request.url,
          remoteAddress: `10.99.${WHO.indexOf(who)}.${Math.floor(Math.random() * 250) + 1}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
          payload: new URLSearchParams({ _csrf: csrf.token, ...request.body }).toString(),
        });
        expect(response.statusCode, `${who} ${request.url}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        const expected = entry.allowed === 'everyone' || entry.allowed.includes(who) ? 'allowed' : 'refused';
        const got = refused(response) ? 'refused' : 'allowed';
        outcomes.push(
          `${who}: ${got === expected ? 'ok' : `expected ${expected}, got ${response.statusCode} ${String(response.headers.location ?? '')}`}`,
        );
        if (got === 'refused') expect(await counts(), `${who} was refused but something was written`).toEqual(before);
      }
      expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    });
  }
});
