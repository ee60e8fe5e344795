// Test factory: a directory slice with every optional field Rumbo models filled in, in all five locales, with one
// location of each address visibility — to check that the HSDS output of a "maximal" record still validates.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.js';
import type { AddressVisibility } from '../../db/schema.js';

const all = (text: string) =>
  JSON.stringify({
    es: `${text} (es)`,
    en: `${text} (en)`,
    fr: `${text} (fr)`,
    ht: `${text} (ht)`,
    pt: `${text} (pt)`,
  });

export interface FullRecord {
  organizationId: string;
  serviceId: string;
  locations: Record<AddressVisibility, { id: string; street: string; latitude: number; longitude: number }>;
  placeIds: Record<AddressVisibility, string>;
}

export async function buildFullService(db: Db): Promise<FullRecord> {
  const q = db.query;
  const organization = await q
    .insertInto('organizations')
    .values({
      id: randomUUID(),
      name: 'Red completa de prueba',
      alternate_name: 'RCP',
      description: all('Organización con todos los campos'),
      kind: 'diaspora',
      email: 'contacto@example.org',
      website: 'https://example.org/red',
      original_locale: 'es',
      last_verified_at: new Date(Date.now() - 54 * 86_400_000),
      verified_by: 'Moderadora',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q
    .insertInto('organization_countries')
    .values({ organization_id: organization.id, relation: 'origin', country_code: 'HT' })
    .execute();
  await q
    .insertInto('phones')
    .values({
      organization_id: organization.id,
      number: '+52 55 5555 0000',
      extension: '12',
      type: 'voice',
      description: all('Oficina'),
    })
    .execute();
  const service = await q
    .insertInto('services')
    .values({
      id: randomUUID(),
      organization_id: organization.id,
      name: all('Servicio completo'),
      description: all('Descripción'),
      original_locale: 'fr',
      url: 'https://example.org/servicio',
      email: 'servicio@example.org',
      cost: 'low_cost',
      fees_description: all('Cuota'),
      eligibility_description: all('Elegibilidad'),
      application_process: all('Proceso'),
      schedule_notes: all('Horario'),
      last_verified_at: new Date(Date.now() - 40 * 86_400_000),
      verified_by: 'Moderadora',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const locations = {} as FullRecord['locations'];
  const placeIds = {} as FullRecord['placeIds'];
  const visibilities: AddressVisibility[] = ['full', 'city', 'hidden'];
  for (const [i, visibility] of visibilities.entries()) {
    const latitude = 14.123456 + i;
    const longitude = -92.654321 - i;
    const location = await q
      .insertInto('locations')
      .values({
        id: randomUUID(),
        organization_id: organization.id,
        name: all(`Sede ${visibility}`),
        description: all('Sede'),
        transportation: all('Autobús 7'),
        latitude,
        longitude,
        country_code: 'MX',
        admin_area: 'Chiapas',
        city: 'Tapachula',
        address_visibility: visibility,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const street = `Calle ${visibility} 123`;
    await q
      .insertInto('addresses')
      .values({
        location_id: location.id,
        address_1: street,
        address_2: 'Int. 4',
        postal_code: '30700',
        state_province: 'Chiapas',
        city: 'Tapachula',
        country_code: 'MX',
      })
      .execute();
    const place = await q
      .insertInto('service_at_locations')
      .values({ service_id: service.id, location_id: location.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    locations[visibility] = { id: location.id, street, latitude, longitude };
    placeIds[visibility] = place.id;
  }
  await q
    .insertInto('phones')
    .values({
      service_id: service.id,
      number: '+52 962 555 0101',
      extension: 'ext. 4',
      type: 'text',
      whatsapp: true,
      description: all('WhatsApp'),
    })
    .execute();
  await q
    .insertInto('schedules')
    .values([1, 6].map((weekday) => ({ service_id: service.id, weekday, opens_at: '08:30', closes_at: '14:00' })))
    .execute();
  await q
    .insertInto('service_languages')
    .values(['es', 'ht', 'mam'].map((language_code) => ({ service_id: service.id, language_code })))
    .execute();
  await q
    .insertInto('service_populations')
    .values({ service_id: service.id, population: 'unaccompanied_minors' })
    .execute();
  await q
    .insertInto('required_documents')
    .values({ service_id: service.id, document: all('Pasaporte') })
    .execute();
  const terms = await q
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('code', 'in', ['shelter', 'legal-aid-asylum'])
    .execute();
  await q
    .insertInto('service_taxonomy_terms')
    .values(terms.map((t) => ({ service_id: service.id, taxonomy_term_id: t.id })))
    .execute();
  return { organizationId: organization.id, serviceId: service.id, locations, placeIds };
}
