import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildService } from '../../../../tests/support/factories.js';
import { listAudit } from '../audit/audit.repository.js';
import { sampleListing, withoutKeys } from './listing.fixtures.js';
import { applyListing, diffListings, loadListing } from './listing.service.js';
import type { ListingDocument } from './listing.schema.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const actor = { userId: null, label: 'Moderadora Ana' };

async function auditRows(organizationId: string) {
  return t.db.query
    .selectFrom('audit_log')
    .selectAll()
    .where('resource_id', 'in', [organizationId, ...(await serviceAndLocationIds(organizationId))])
    .execute();
}

async function serviceAndLocationIds(organizationId: string): Promise<string[]> {
  const services = await t.db.query
    .selectFrom('services')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  const locations = await t.db.query
    .selectFrom('locations')
    .select('id')
    .where('organization_id', '=', organizationId)
    .execute();
  return [...services, ...locations].map((r) => r.id);
}

describe('loadListing ∘ applyListing', () => {
  it('loads back what was applied, hidden address included, keys aside', async () => {
    const listing = sampleListing();
    const { organizationId } = await applyListing(t.db, { listing, organizationId: null, submissionId: null, actor });
    const loaded = await loadListing(t.db, organizationId);
    expect(loaded).toBeDefined();
    expect(withoutKeys(loaded as ListingDocument)).toEqual(withoutKeys(listing));
    expect(loaded?.locations[0]?.address_1).toBe('Calle 5 Norte 12');
    const org = await t.db.query
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    expect(org.verified_by).toBe('Moderadora Ana');
    expect(org.last_verified_at).not.toBeNull();
    const creates = await auditRows(organizationId);
    expect(creates.length).toBeGreaterThan(10);
    expect(creates.every((r) => r.last_action_type === 'create' && r.updated_by === 'Moderadora Ana')).toBe(true);
  });

  it('returns undefined for an unknown organization', async () => {
    expect(await loadListing(t.db, '6cd71e9f-1013-49d9-8370-26b8f59d3e5a')).toBeUndefined();
  });

  it('loads a directory record built without the form (factories)', async () => {
    const { service } = await buildService(t.db);
    const loaded = await loadListing(t.db, service.organization_id);
    expect(loaded?.services[0]?.key).toBe(service.id);
    expect(loaded?.services[0]?.hours).toHaveLength(5);
    expect(loaded?.services[0]?.phones[0]).toEqual({ number: '+52 962 555 0100', whatsapp: true });
    expect(loaded?.services[0]?.location_keys).toEqual([loaded?.locations[0]?.key]);
  });
});

describe('applyListing on a live listing', () => {
  it('writes exactly the changed fields to the audit log and updates the record', async () => {
    const { organizationId } = await applyListing(t.db, {
      listing: sampleListing(),
      organizationId: null,
      submissionId: null,
      actor,
    });
    const live = (await loadListing(t.db, organizationId)) as ListingDocument;
    const before = (await auditRows(organizationId)).length;
    const edited: ListingDocument = structuredClone(live);
    edited.organization.description = { ...edited.organization.description, en: 'We walk with migrants.' };
    const service = edited.services[0];
    if (!service) throw new Error('no service');
    service.phones = [{ number: '+52 962 999 0000', whatsapp: false }];
    await applyListing(t.db, {
      listing: edited,
      organizationId,
      submissionId: null,
      actor: { userId: null, label: 'Luis' },
    });
    const rows = (await auditRows(organizationId)).filter((r) => r.updated_by === 'Luis');
    expect((await auditRows(organizationId)).length).toBe(before + 2);
    expect(rows.map((r) => [r.resource_type, r.field_name, r.last_action_type]).sort()).toEqual([
      ['organization', 'description.en', 'update'],
      ['service', 'phones', 'update'],
    ]);
    const desc = rows.find((r) => r.field_name === 'description.en');
    expect(desc?.previous_value).toBe('We support migrants.');
    expect(desc?.replacement_value).toBe('We walk with migrants.');
    const reloaded = await loadListing(t.db, organizationId);
    expect(reloaded?.services[0]?.phones).toEqual([{ number: '+52 962 999 0000', whatsapp: false }]);
    expect(reloaded?.organization.description.en).toBe('We walk with migrants.');
  });

  it('deletes a service the document no longer has, and audits the deletion', async () => {
    const { organizationId } = await applyListing(t.db, {
      listing: sampleListing(),
      organizationId: null,
      submissionId: null,
      actor,
    });
    const live = (await loadListing(t.db, organizationId)) as ListingDocument;
    const removed = live.services[1]?.key as string;
    const edited = { ...live, services: live.services.slice(0, 1) };
    await applyListing(t.db, { listing: edited, organizationId, submissionId: null, actor });
    expect(
      await t.db.query.selectFrom('services').select('id').where('id', '=', removed).executeTakeFirst(),
    ).toBeUndefined();
    const history = await listAudit(t.db, 'service', removed);
    expect(history[0]?.last_action_type).toBe('delete');
    expect(history[0]?.previous_value).toMatchObject({ name: { es: 'Asesoría legal' } });
  });

  it('refuses ids of another organization and writes nothing', async () => {
    const { service: other } = await buildService(t.db);
    const { organizationId } = await applyListing(t.db, {
      listing: sampleListing(),
      organizationId: null,
      submissionId: null,
      actor,
    });
    const live = (await loadListing(t.db, organizationId)) as ListingDocument;
    const hijack = structuredClone(live);
    hijack.organization.name = 'Nombre cambiado';
    const first = hijack.services[0];
    if (!first) throw new Error('no service');
    first.key = other.id;
    await expect(
      applyListing(t.db, { listing: hijack, organizationId, submissionId: null, actor }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const org = await t.db.query
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    expect(org.name).toBe('Casa Refugio Esperanza');
    const stolen = await t.db.query
      .selectFrom('services')
      .select('name')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(stolen.name).not.toEqual(first.name);
  });

  it('refuses unknown categories without a half-written record', async () => {
    const count = async () => (await t.db.query.selectFrom('organizations').select('id').execute()).length;
    const before = await count();
    const listing = sampleListing({ name: 'Nunca escrita' });
    listing.services[0]?.categories.push('no-such-need');
    await expect(
      applyListing(t.db, { listing, organizationId: null, submissionId: null, actor }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await count()).toBe(before);
  });

  it('keeps the search index current: every service written is queued for re-indexing', async () => {
    const { organizationId } = await applyListing(t.db, {
      listing: sampleListing({ name: 'Colectivo Xochiquetzal' }),
      organizationId: null,
      submissionId: null,
      actor,
    });
    const stale = await t.db.query
      .withTables<{ service_search_stale: { service_id: string } }>()
      .selectFrom('service_search_stale')
      .select('service_id')
      .execute();
    const ids = await t.db.query
      .selectFrom('services')
      .select('id')
      .where('organization_id', '=', organizationId)
      .execute();
    for (const { id } of ids) expect(stale.map((s) => s.service_id)).toContain(id);
  });
});

describe('diffListings', () => {
  it('compares field by field, one row per translation', () => {
    const before = sampleListing();
    const after = structuredClone(before);
    after.organization.description.en = 'Changed';
    after.organization.description.fr = 'Nouveau';
    delete after.organization.description.es;
    const rows = diffListings(before, after).filter(
      (r) => r.resourceType === 'organization' && r.field.startsWith('description'),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        field: 'description.es',
        kind: 'removed',
        before: 'Acompañamos a personas migrantes.',
        after: null,
      }),
      expect.objectContaining({
        field: 'description.en',
        kind: 'changed',
        before: 'We support migrants.',
        after: 'Changed',
      }),
      expect.objectContaining({ field: 'description.fr', kind: 'added', before: null, after: 'Nouveau' }),
    ]);
  });

  it('marks everything added for a new listing and nothing changed for the same one', () => {
    const listing = sampleListing();
    expect(diffListings(undefined, listing).every((r) => r.kind === 'added')).toBe(true);
    expect(diffListings(listing, listing).every((r) => r.kind === 'same')).toBe(true);
  });

  it('lists removed services and locations as removed', () => {
    const before = sampleListing();
    const after = { ...before, services: before.services.slice(0, 1) };
    const removed = diffListings(before, after).filter((r) => r.kind === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.resourceType === 'service' && r.key === 'new-2')).toBe(true);
  });
});
