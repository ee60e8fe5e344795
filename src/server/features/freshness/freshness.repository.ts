// Freshness of listings: the cutoffs (computed in SQL from now() and the settings), the organizations due for a
// re-verification mail, and marking a listing verified. The only SQL of the freshness feature.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../../db/db.js';
import type { Database } from '../../db/schema.js';
import type { FreshnessSettings } from '../../http/app-context.js';

export type Freshness = 'fresh' | 'stale' | 'hidden';

/** The moment `months` months ago, in the database's clock. */
export function monthsAgo(months: number): RawBuilder<Date> {
  return sql<Date>`(now() - make_interval(months => ${Math.trunc(months)}::int))`;
}

/** True when the verification date in `column` is recent enough to list publicly (never verified: not listed). */
export function shownInResults(column: string, settings: FreshnessSettings): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} >= ${monthsAgo(settings.hideAfterMonths)}`;
}

/** 'fresh', 'stale' (past the re-verification age) or 'hidden' (past the hiding age, or never verified). */
export function freshnessOf(column: string, settings: FreshnessSettings): RawBuilder<Freshness> {
  const ref = sql.ref(column);
  return sql<Freshness>`CASE WHEN ${ref} IS NULL OR ${ref} < ${monthsAgo(settings.hideAfterMonths)} THEN 'hidden'
    WHEN ${ref} < ${monthsAgo(settings.reverifyAfterMonths)} THEN 'stale' ELSE 'fresh' END`;
}

export interface DueOrganization {
  id: string;
  name: string;
  original_locale: Database['organizations']['original_locale'];
  last_verified_at: Date | null;
  reverify_requested_at: Date | null;
  email: string;
}

/**
 * Organizations unverified for longer than the re-verification age, not asked within that age, with a contact
 * email (the organization's, else one of its active services'). Oldest first, at most `limit`. Demo listings are
 * never mailed (their addresses are made up).
 */
export async function dueForReverification(
  db: Db,
  settings: FreshnessSettings,
  limit: number,
): Promise<DueOrganization[]> {
  const cutoff = monthsAgo(settings.reverifyAfterMonths);
  const { rows } = await sql<DueOrganization>`
    SELECT o.id, o.name, o.original_locale, o.last_verified_at, o.reverify_requested_at, contact.email
    FROM organizations o
    CROSS JOIN LATERAL (
      SELECT coalesce(nullif(trim(o.email), ''), (
        SELECT s.email FROM services s
        WHERE s.organization_id = o.id AND s.status = 'active' AND nullif(trim(s.email), '') IS NOT NULL
        ORDER BY s.created_at, s.id LIMIT 1
      )) AS email
    ) contact
    WHERE (o.last_verified_at IS NULL OR o.last_verified_at < ${cutoff})
      AND (o.reverify_requested_at IS NULL OR o.reverify_requested_at < ${cutoff})
      AND contact.email IS NOT NULL
      AND NOT o.is_demo
      AND EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id AND s.status = 'active')
    ORDER BY o.last_verified_at NULLS FIRST, o.id
    LIMIT ${limit}`.execute(db.query);
  return rows;
}

/**
 * Claims an organization for this run's mail: sets reverify_requested_at unless another run did so meanwhile.
 * Returns false when it was already asked (two sweeps at once send one mail).
 */
export async function claimReverification(
  executor: Kysely<Database>,
  organizationId: string,
  settings: FreshnessSettings,
): Promise<boolean> {
  const cutoff = monthsAgo(settings.reverifyAfterMonths);
  const row = await executor
    .updateTable('organizations')
    .set({ reverify_requested_at: sql<Date>`now()` })
    .where('id', '=', organizationId)
    .where((eb) => eb.or([eb('reverify_requested_at', 'is', null), eb('reverify_requested_at', '<', cutoff)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Undoes a claim whose mail could not be queued, so the next sweep asks again. */
export async function releaseReverification(db: Db, organizationId: string, previous: Date | null): Promise<void> {
  await db.query
    .updateTable('organizations')
    .set({ reverify_requested_at: previous })
    .where('id', '=', organizationId)
    .execute();
}

export interface ListingSummary {
  id: string;
  name: string;
  original_locale: Database['organizations']['original_locale'];
  last_verified_at: Date | null;
  verified_by: string | null;
  services: { id: string; name: Database['services']['name']['__select__']; original_locale: string }[];
  cities: string[];
}

/** What the mail and the verify page show: the organization, its active services and their cities. */
export async function listingSummary(db: Db, organizationId: string): Promise<ListingSummary | undefined> {
  const organization = await db.query
    .selectFrom('organizations')
    .select(['id', 'name', 'original_locale', 'last_verified_at', 'verified_by'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization) return undefined;
  const [services, cities] = await Promise.all([
    db.query
      .selectFrom('services')
      .select(['id', 'name', 'original_locale'])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'active')
      .orderBy('created_at')
      .orderBy('id')
      .limit(50)
      .execute(),
    db.query
      .selectFrom('locations')
      .select('city')
      .distinct()
      .where('organization_id', '=', organizationId)
      .orderBy('city')
      .limit(20)
      .execute(),
  ]);
  return { ...organization, services, cities: cities.map((c) => c.city) };
}

/** Marks the organization and its active services verified now; returns the ids of the services touched. */
export async function markListingVerified(
  executor: Kysely<Database>,
  organizationId: string,
  verifiedBy: string,
): Promise<{ verifiedAt: Date; serviceIds: string[] }> {
  const organization = await executor
    .updateTable('organizations')
    .set({ last_verified_at: sql<Date>`now()`, verified_by: verifiedBy, updated_at: sql<Date>`now()` })
    .where('id', '=', organizationId)
    .returning('last_verified_at')
    .executeTakeFirstOrThrow();
  const services = await executor
    .updateTable('services')
    .set({ last_verified_at: sql<Date>`now()`, verified_by: verifiedBy, updated_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  return { verifiedAt: organization.last_verified_at ?? new Date(), serviceIds: services.map((s) => s.id) };
}
