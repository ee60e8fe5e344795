import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import { rolesOf, findUserByEmail } from '../accounts/users.repository.js';
import { verifyPassword } from '../accounts/secrets.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './demo-accounts.js';

describe('demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds one account per role into an empty users table, once', async () => {
    const org = await buildOrganization(t.db, { is_demo: true, alternate_name: 'Information Hub Puebla' });
    const hub = await buildLocation(t.db, org.id, { city: 'Puebla' });
    expect(await seedDemoAccounts(t.db)).toEqual({ seeded: true, accounts: DEMO_ACCOUNTS.length });
    const admin = (await findUserByEmail(t.db, 'admin@demo.rumbo.example'))!;
    expect(admin.is_demo).toBe(true);
    expect(admin.totp_enabled).toBe(false);
    expect(await verifyPassword(admin.password_hash!, DEMO_PASSWORD)).toBe(true);
    const mx = (await findUserByEmail(t.db, 'moderador.mx@demo.rumbo.example'))!;
    expect((await rolesOf(t.db, mx.id))[0]).toMatchObject({ role: 'moderator', countryCode: 'MX' });
    const editor = (await findUserByEmail(t.db, 'editor@demo.rumbo.example'))!;
    expect((await rolesOf(t.db, editor.id))[0]).toMatchObject({ role: 'org_editor', organizationId: org.id });
    const reporter = (await findUserByEmail(t.db, 'hub.puebla@demo.rumbo.example'))!;
    expect((await rolesOf(t.db, reporter.id))[0]).toMatchObject({ role: 'hub_reporter', hubLocationId: hub.id });
    expect(await seedDemoAccounts(t.db)).toEqual({ seeded: false, accounts: 0 });
  });
});
