import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildLocation, buildOrganization, buildService } from '../../../../tests/support/factories.js';
import { sampleListing } from './listing.fixtures.js';
import { findLikelyDuplicates, phoneDigits } from './listing-duplicates.repository.js';
import type { ListingDocument } from './listing.schema.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

/** A proposal far from everything built below, with no phone, so each test adds one reason at a time. */
function proposal(name: string, change: (listing: ListingDocument) => void = () => undefined): ListingDocument {
  const listing = sampleListing({ name });
  for (const location of listing.locations) {
    location.latitude = -33.45;
    location.longitude = -70.66;
  }
  for (const service of listing.services) service.phones = [];
  change(listing);
  return listing;
}

describe('findLikelyDuplicates', () => {
  it('flags a similar name, accents and case aside', async () => {
    const org = await buildOrganization(t.db, { name: 'Casa del Migrante San José' });
    const found = await findLikelyDuplicates(t.db, proposal('casa del migrante san jose'));
    expect(found).toContainEqual({ organizationId: org.id, name: org.name, reasons: ['name'] });
  });

  it('flags the same phone written differently', async () => {
    const { service } = await buildService(t.db, { location: { latitude: 10, longitude: 10 } });
    const found = await findLikelyDuplicates(
      t.db,
      proposal('Nombre sin parecido alguno', (l) => {
        l.services[0]?.phones.push({ number: '(962) 555-0100', whatsapp: false });
      }),
    );
    expect(found.find((c) => c.organizationId === service.organization_id)?.reasons).toEqual(['phone']);
  });

  it('flags a location within 200 m and not one 2 km away', async () => {
    const near = await buildOrganization(t.db, { name: 'Comedor Vecino' });
    await buildLocation(t.db, near.id, { latitude: 19.4326, longitude: -99.1332 });
    const far = await buildOrganization(t.db, { name: 'Clínica Lejana' });
    await buildLocation(t.db, far.id, { latitude: 19.4506, longitude: -99.1332 });
    const found = await findLikelyDuplicates(
      t.db,
      proposal('Algo completamente distinto', (l) => {
        const first = l.locations[0];
        if (first) Object.assign(first, { latitude: 19.4336, longitude: -99.1335 });
      }),
    );
    expect(found.find((c) => c.organizationId === near.id)?.reasons).toEqual(['nearby']);
    expect(found.some((c) => c.organizationId === far.id)).toBe(false);
  });

  it('does not flag a far organization with a different name and phone, nor the excluded one', async () => {
    const other = await buildOrganization(t.db, { name: 'Red Jesuita con Migrantes' });
    await buildLocation(t.db, other.id, { latitude: 13.7, longitude: -89.2 });
    const found = await findLikelyDuplicates(t.db, proposal('Biblioteca Comunitaria Quetzal'));
    expect(found.some((c) => c.organizationId === other.id)).toBe(false);
    const self = await findLikelyDuplicates(t.db, proposal('Red Jesuita con Migrantes'), other.id);
    expect(self.some((c) => c.organizationId === other.id)).toBe(false);
  });

  it('compares the last 8 digits only', () => {
    expect(phoneDigits('+52 962 555 0100')).toBe('25550100');
    expect(phoneDigits('962-555-0100')).toBe('25550100');
  });
});
