// Users and their roles: the only SQL for accounts.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/db.js';
import type { UserRoleTable, UserTable } from '../../db/schema.js';
import type { RoleGrant } from './policy.js';

export type UserRow = Selectable<UserTable>;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.query.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.query.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.query
    .selectFrom('user_roles')
    .select(['role', 'country_code', 'organization_id', 'hub_location_id'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((row) => ({
    role: row.role,
    countryCode: row.country_code?.trim() ?? null,
    organizationId: row.organization_id,
    hubLocationId: row.hub_location_id,
  }));
}

export function insertUser(db: Db, user: Insertable<UserTable>): Promise<UserRow> {
  return db.query
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function grantRole(db: Db, userId: string, grant: RoleGrant): Promise<void> {
  const row: Insertable<UserRoleTable> = {
    user_id: userId,
    role: grant.role,
    country_code: grant.countryCode,
    organization_id: grant.organizationId,
    hub_location_id: grant.hubLocationId,
  };
  const exists = await db.query
    .selectFrom('user_roles')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where('country_code', grant.countryCode === null ? 'is' : '=', grant.countryCode)
    .where('organization_id', grant.organizationId === null ? 'is' : '=', grant.organizationId)
    .where('hub_location_id', grant.hubLocationId === null ? 'is' : '=', grant.hubLocationId)
    .executeTakeFirst();
  if (!exists) await db.query.insertInto('user_roles').values(row).execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<
    Pick<
      Insertable<UserTable>,
      | 'password_hash'
      | 'totp_secret'
      | 'totp_enabled'
      | 'failed_logins'
      | 'locked_until'
      | 'display_name'
      | 'preferred_locale'
      | 'disabled_at'
    >
  >,
): Promise<void> {
  await db.query
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Turns the second factor on; false when it already was (a second post of the enrolment form). */
export async function enableTotp(db: Db, id: string): Promise<boolean> {
  const row = await db.query
    .updateTable('users')
    .set({ totp_enabled: true, updated_at: new Date() })
    .where('id', '=', id)
    .where('totp_enabled', '=', false)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
