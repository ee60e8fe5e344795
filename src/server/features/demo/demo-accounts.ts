// Demo accounts (SEED_DEMO): one per role, so a visitor of the demo can try every part of the admin. Seeded only
// into an empty users table, labelled is_demo, all with the same published password. Admins and moderators have
// no TOTP yet: they enrol on their first sign-in, as real ones do. Sign-in links go to /admin/outbox.
import type { Db } from '../../db/db.js';
import type { Role } from '../../db/schema.js';
import { countUsersWith, grantRoleWith, insertUserWith } from '../accounts/invitations.repository.js';
import { hashPassword } from '../accounts/secrets.js';
import { findFirstDemoOrganization, findLocationOfOrganizationNamed } from '../admin/admin-users.repository.js';
import { lockDemoSeeding } from './demo.repository.js';

export const DEMO_PASSWORD = 'rumbo-demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  /** What the role is scoped to, in words (for the README). */
  scope: string;
}

/** The demo accounts, for the README and the seed below. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.rumbo.example', displayName: 'Admin (demo)', role: 'admin', scope: 'everything' },
  { email: 'moderador.mx@demo.rumbo.example', displayName: 'Moderador MX (demo)', role: 'moderator', scope: 'MX' },
  { email: 'moderador.cr@demo.rumbo.example', displayName: 'Moderadora CR (demo)', role: 'moderator', scope: 'CR' },
  {
    email: 'editor@demo.rumbo.example',
    displayName: 'Editora (demo)',
    role: 'org_editor',
    scope: 'a demo organization',
  },
  { email: 'publicador@demo.rumbo.example', displayName: 'Publicador (demo)', role: 'publisher', scope: 'news' },
  {
    email: 'hub.puebla@demo.rumbo.example',
    displayName: 'Hub Puebla (demo)',
    role: 'hub_reporter',
    scope: 'the Puebla hub',
  },
];

const PUEBLA_HUB = 'Information Hub Puebla';

export async function seedDemoAccounts(db: Db): Promise<{ seeded: boolean; accounts: number }> {
  if ((await countUsersWith(db.query)) > 0) return { seeded: false, accounts: 0 };
  const organizationId = await findFirstDemoOrganization(db);
  const hubLocationId = await findLocationOfOrganizationNamed(db, PUEBLA_HUB);
  const scopeOf = (account: DemoAccount) => ({
    countryCode: account.role === 'moderator' ? account.scope : null,
    organizationId: account.role === 'org_editor' ? (organizationId ?? null) : null,
    hubLocationId: account.role === 'hub_reporter' ? (hubLocationId ?? null) : null,
  });
  // An editor without an organization or a reporter without a hub cannot exist: skip them on a bare directory.
  const accounts = DEMO_ACCOUNTS.filter((account) => {
    const scope = scopeOf(account);
    return (
      !(account.role === 'org_editor' && !scope.organizationId) &&
      !(account.role === 'hub_reporter' && !scope.hubLocationId)
    );
  });
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  return db.query.transaction().execute(async (trx) => {
    await lockDemoSeeding(trx);
    if ((await countUsersWith(trx)) > 0) return { seeded: false, accounts: 0 };
    for (const [index, account] of accounts.entries()) {
      const user = await insertUserWith(trx, {
        email: account.email,
        display_name: account.displayName,
        password_hash: hashes[index] ?? null,
        preferred_locale: 'es',
        is_demo: true,
      });
      await grantRoleWith(trx, user.id, { role: account.role, ...scopeOf(account) });
    }
    return { seeded: true, accounts: accounts.length };
  });
}
