// Writes that must happen together when an invitation is accepted or demo accounts are seeded: each function takes
// an executor, so a service can run them inside one transaction.
import type { Insertable, Kysely } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';
import type { RoleGrant } from './policy.js';
import type { UserRow } from './users.repository.js';

export function insertUserWith(executor: Kysely<Database>, user: Insertable<UserTable>): Promise<UserRow> {
  return executor
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByEmailWith(executor: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return executor.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Adds a role unless the user already holds the same one with the same scope. */
export async function grantRoleWith(executor: Kysely<Database>, userId: string, grant: RoleGrant): Promise<void> {
  const exists = await executor
    .selectFrom('user_roles')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where('country_code', grant.countryCode === null ? 'is' : '=', grant.countryCode)
    .where('organization_id', grant.organizationId === null ? 'is' : '=', grant.organizationId)
    .where('hub_location_id', grant.hubLocationId === null ? 'is' : '=', grant.hubLocationId)
    .executeTakeFirst();
  if (exists) return;
  await executor
    .insertInto('user_roles')
    .values({
      user_id: userId,
      role: grant.role,
      country_code: grant.countryCode,
      organization_id: grant.organizationId,
      hub_location_id: grant.hubLocationId,
    })
    .execute();
}

export async function countUsersWith(executor: Kysely<Database>): Promise<number> {
  const row = await executor
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
