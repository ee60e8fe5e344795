// Likely duplicates of a proposed listing among live organizations: a similar name (trigram similarity on
// unaccented lower-case names), the same phone (last 8 digits), or a location within 200 m. pg_trgm's `%` operator
// is never used: it hangs PGlite with cube loaded (see /work/shared/brief/PLATFORM-NOTES.md); similarity() is safe.
import { sql } from 'kysely';
import type { Db } from '../../db/db.js';
import type { ListingDocument } from './listing.schema.js';

export type DuplicateReason = 'name' | 'phone' | 'nearby';

export interface DuplicateCandidate {
  organizationId: string;
  name: string;
  reasons: DuplicateReason[];
}

export const NAME_SIMILARITY = 0.45;
export const NEARBY_METRES = 200;
const PER_REASON = 10;
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

/** Digits only, the last 8: "+52 (55) 1234-5678" and "55 1234 5678" are the same phone. */
export function phoneDigits(number: string): string {
  return number.replace(/\D/g, '').slice(-8);
}

interface Row {
  id: string;
  name: string;
}

export async function findLikelyDuplicates(
  db: Db,
  listing: ListingDocument,
  excludeOrganizationId?: string,
): Promise<DuplicateCandidate[]> {
  const exclude = excludeOrganizationId ?? NO_ORGANIZATION;
  const byName = await sql<Row>`
    SELECT o.id, o.name FROM organizations o
    WHERE o.id <> ${exclude}::uuid
      AND similarity(unaccent(lower(o.name)), unaccent(lower(${listing.organization.name}))) >= ${NAME_SIMILARITY}
    ORDER BY similarity(unaccent(lower(o.name)), unaccent(lower(${listing.organization.name}))) DESC, o.id
    LIMIT ${PER_REASON}`.execute(db.query);

  const phones = [...new Set(listing.services.flatMap((s) => s.phones.map((p) => phoneDigits(p.number))))].filter(
    (digits) => digits.length >= 6,
  );
  const byPhone = phones.length
    ? await sql<Row>`
        SELECT DISTINCT o.id, o.name FROM phones p
        LEFT JOIN services s ON s.id = p.service_id
        LEFT JOIN locations l ON l.id = p.location_id
        JOIN organizations o ON o.id = coalesce(p.organization_id, s.organization_id, l.organization_id)
        WHERE o.id <> ${exclude}::uuid
          AND right(regexp_replace(p.number, '[^0-9]', '', 'g'), 8) = ANY(${phones}::text[])
        ORDER BY o.id
        LIMIT ${PER_REASON}`.execute(db.query)
    : { rows: [] };

  const latitudes = listing.locations.map((l) => l.latitude);
  const longitudes = listing.locations.map((l) => l.longitude);
  const nearby = latitudes.length
    ? await sql<Row>`
        SELECT DISTINCT o.id, o.name FROM locations l
        JOIN organizations o ON o.id = l.organization_id
        JOIN unnest(${latitudes}::float8[], ${longitudes}::float8[]) AS p(lat, lon)
          ON earth_distance(ll_to_earth(l.latitude, l.longitude), ll_to_earth(p.lat, p.lon)) < ${NEARBY_METRES}
        WHERE o.id <> ${exclude}::uuid
        ORDER BY o.id
        LIMIT ${PER_REASON}`.execute(db.query)
    : { rows: [] };

  const candidates = new Map<string, DuplicateCandidate>();
  const add = (rows: Row[], reason: DuplicateReason) => {
    for (const row of rows) {
      const candidate = candidates.get(row.id) ?? { organizationId: row.id, name: row.name, reasons: [] };
      candidate.reasons.push(reason);
      candidates.set(row.id, candidate);
    }
  };
  add(byName.rows, 'name');
  add(byPhone.rows, 'phone');
  add(nearby.rows, 'nearby');
  return [...candidates.values()];
}
