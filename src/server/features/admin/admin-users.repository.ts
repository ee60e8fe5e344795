// What the admin's user pages read: users with their roles, and the organizations and hubs a role can be scoped to.
import type { Db } from '../../db/db.js';
import type { Role } from '../../db/schema.js';

export interface UserWithRoles {
  id: string;
  email: string;
  displayName: string;
  isDemo: boolean;
  totpEnabled: boolean;
  lockedUntil: Date | null;
  roles: {
    id: string;
    role: Role;
    countryCode: string | null;
    organizationId: string | null;
    organizationName: string | null;
    hubLocationId: string | null;
  }[];
}

export async function listUsersWithRoles(
  db: Db,
  window: { limit: number; offset: number },
): Promise<{ items: UserWithRoles[]; total: number }> {
  const [users, count] = await Promise.all([
    db.query
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'is_demo', 'totp_enabled', 'locked_until'])
      .orderBy('email')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db.query
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ids = users.map((user) => user.id);
  const roles = ids.length
    ? await db.query
        .selectFrom('user_roles')
        .leftJoin('organizations', 'organizations.id', 'user_roles.organization_id')
        .select([
          'user_roles.id',
          'user_roles.user_id',
          'user_roles.role',
          'user_roles.country_code',
          'user_roles.organization_id',
          'organizations.name as organization_name',
          'user_roles.hub_location_id',
        ])
        .where('user_roles.user_id', 'in', ids)
        .orderBy('user_roles.role')
        .execute()
    : [];
  const items = users.map((user) => ({
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    isDemo: user.is_demo,
    totpEnabled: user.totp_enabled,
    lockedUntil: user.locked_until ? new Date(user.locked_until) : null,
    roles: roles
      .filter((role) => role.user_id === user.id)
      .map((role) => ({
        id: role.id,
        role: role.role,
        countryCode: role.country_code?.trim() ?? null,
        organizationId: role.organization_id,
        organizationName: role.organization_name,
        hubLocationId: role.hub_location_id,
      })),
  }));
  return { items, total: Number(count.n) };
}

export function findRoleGrant(db: Db, id: string) {
  return db.query.selectFrom('user_roles').select(['id', 'user_id', 'role']).where('id', '=', id).executeTakeFirst();
}

export async function deleteRoleGrant(db: Db, id: string): Promise<boolean> {
  const result = await db.query.deleteFrom('user_roles').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.query.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst());
}

/** Organizations whose name or alternate name contains the text (at most `limit`). */
export function searchOrganizationsByName(db: Db, text: string, limit = 6): Promise<{ id: string; name: string }[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.query
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('name', 'ilike', pattern), eb('alternate_name', 'ilike', pattern)]))
    .orderBy('name')
    .limit(limit)
    .execute();
}

export async function locationExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.query.selectFrom('locations').select('id').where('id', '=', id).executeTakeFirst());
}

/** The first location of the first organization whose alternate name is this (the demo hub, say). */
export async function findLocationOfOrganizationNamed(db: Db, alternateName: string): Promise<string | undefined> {
  const row = await db.query
    .selectFrom('locations')
    .innerJoin('organizations', 'organizations.id', 'locations.organization_id')
    .select('locations.id')
    .where('organizations.alternate_name', '=', alternateName)
    .orderBy('locations.id')
    .executeTakeFirst();
  return row?.id;
}

/** Some demo organization (by name order), for the demo org editor. */
export async function findFirstDemoOrganization(db: Db): Promise<string | undefined> {
  const row = await db.query
    .selectFrom('organizations')
    .select('id')
    .where('is_demo', '=', true)
    .orderBy('name')
    .executeTakeFirst();
  return row?.id;
}
