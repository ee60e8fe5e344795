// Factories that insert real rows, with sensible defaults and any field overridden.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/db.js';
import type { LocationTable, OrganizationTable, Population, ServiceTable } from '../../src/server/db/schema.js';

let counter = 0;
/** Verification dates relative to today, so a listing made by a factory stays fresh whenever the tests run. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const next = () => ++counter;

export async function buildOrganization(db: Db, overrides: Partial<Insertable<OrganizationTable>> = {}) {
  const n = next();
  return db.query
    .insertInto('organizations')
    .values({
      id: randomUUID(),
      name: `Organización de prueba ${n}`,
      description: JSON.stringify({ es: 'Organización de prueba.', en: 'Test organization.' }),
      kind: 'ngo',
      original_locale: 'es',
      last_verified_at: daysAgo(54),
      verified_by: 'Test moderator',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildLocation(
  db: Db,
  organizationId: string,
  overrides: Partial<Insertable<LocationTable>> = {},
) {
  return db.query
    .insertInto('locations')
    .values({
      id: randomUUID(),
      organization_id: organizationId,
      name: JSON.stringify({ es: 'Oficina central' }),
      latitude: 14.9067,
      longitude: -92.2635,
      country_code: 'MX',
      admin_area: 'Chiapas',
      city: 'Tapachula',
      address_visibility: 'full',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ServiceOptions {
  organizationId?: string;
  location?: Partial<Insertable<LocationTable>>;
  categories?: string[];
  populations?: Population[];
  languages?: string[];
  street?: string | null;
}

/** A service at one location, with an address, a phone, weekday hours and a category. */
export async function buildService(
  db: Db,
  options: ServiceOptions = {},
  overrides: Partial<Insertable<ServiceTable>> = {},
) {
  const organizationId = options.organizationId ?? (await buildOrganization(db)).id;
  const n = next();
  const service = await db.query
    .insertInto('services')
    .values({
      id: randomUUID(),
      organization_id: organizationId,
      name: JSON.stringify({ es: `Asesoría legal ${n}`, en: `Legal advice ${n}` }),
      description: JSON.stringify({
        es: 'Orientación sobre asilo y regularización.',
        en: 'Advice on asylum and regularization.',
      }),
      original_locale: 'es',
      cost: 'free',
      last_verified_at: daysAgo(40),
      verified_by: 'Test moderator',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const location = await buildLocation(db, organizationId, options.location);
  if (options.street !== null) {
    await db.query
      .insertInto('addresses')
      .values({
        location_id: location.id,
        address_1: options.street ?? '4a Avenida Norte 12',
        postal_code: null,
        city: location.city,
        country_code: location.country_code,
      })
      .execute();
  }
  await db.query
    .insertInto('service_at_locations')
    .values({ service_id: service.id, location_id: location.id })
    .execute();
  await db.query
    .insertInto('phones')
    .values({ service_id: service.id, number: '+52 962 555 0100', whatsapp: true })
    .execute();
  await db.query
    .insertInto('schedules')
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({ service_id: service.id, weekday, opens_at: '09:00', closes_at: '17:00' })),
    )
    .execute();
  for (const code of options.categories ?? ['legal-aid-asylum']) {
    const term = await db.query
      .selectFrom('taxonomy_terms')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await db.query
      .insertInto('service_taxonomy_terms')
      .values({ service_id: service.id, taxonomy_term_id: term.id })
      .execute();
  }
  if (options.populations?.length) {
    await db.query
      .insertInto('service_populations')
      .values(options.populations.map((population) => ({ service_id: service.id, population })))
      .execute();
  }
  if (options.languages?.length) {
    await db.query
      .insertInto('service_languages')
      .values(options.languages.map((language_code) => ({ service_id: service.id, language_code })))
      .execute();
  }
  return { service, location };
}
