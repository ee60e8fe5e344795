// An unverified import publishes nothing: each organization becomes one pending submission in the moderation queue,
// which a moderator approves like any other, giving the listing the source's ids where they are free; importing
// again updates a pending submission, and makes an approved one an edit; `verified` publishes at once; an
// organization already in Rumbo becomes an edit of its live listing, keeping its ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import { buildUser, grant, sessionCookie } from '../../../../../tests/support/auth.js';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app.js';
import { createTestDb, type TestDb } from '../../../../../tests/support/test-db.js';
import { buildOrganization, buildService } from '../../../../../tests/support/factories.js';
import type { Db } from '../../../db/db.js';
import { isUuid } from '../../../http/common-schema.js';
import { buildSyntheticDirectory } from '../../demo/synthetic-directory.js';
import { insertDirectory } from '../../demo/demo.service.js';
import { ListingDocument } from '../../listings/listing.schema.js';
import { diffListings, loadListing } from '../../listings/listing.service.js';
import { postDecision } from '../../moderation/moderation.fixtures.js';
import { exportTabular } from '../export/hsds-export.service.js';
import { importHsds } from './import.service.js';
import { importedListingIds } from './import-submissions.repository.js';
import { describeHsdsImport } from './import-report.js';
import { snapshot, tempRoot } from './import-fixtures.test-support.js';

const count = async (db: Db, table: 'organizations' | 'services' | 'locations' | 'submissions') =>
  Number(
    (
      await db.query
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const pendingSubmissions = (db: Db) =>
  db.query.selectFrom('submissions').selectAll().where('status', '=', 'pending').orderBy('id').execute();

describe('HSDS import and moderation', () => {
  let source: TestDb;
  let t: TestApp;
  let root: string;
  let pkg: string;
  let admin: string;
  let organizations: number;

  beforeAll(async () => {
    [source, t] = await Promise.all([createTestDb(), createTestApp()]);
    root = await tempRoot();
    await insertDirectory(source.db, buildSyntheticDirectory(12));
    pkg = path.join(root, 'package');
    await exportTabular(source.db, pkg);
    organizations = await count(source.db, 'organizations');
    const user = await buildUser(t.db, [grant('admin')]);
    admin = await sessionCookie(t.db, user.id);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([source.drop(), t.close()]);
    await rm(root, { recursive: true, force: true });
  });

  it('queues one pending submission per organization and publishes nothing', async () => {
    const report = await importHsds(t.db, pkg);
    expect(report).toMatchObject({ committed: true, verified: false, submissions: organizations });
    expect(report.counts).toMatchObject({ rejected: 0, updated: 0 });
    expect(report.counts.pending).toBeGreaterThan(organizations * 4);
    // Only the HSDS-only taxonomy record is written directly; no listing is live.
    expect(report.counts.created).toBe(1);
    for (const table of ['organizations', 'services', 'locations'] as const) expect(await count(t.db, table)).toBe(0);
    const queued = await pendingSubmissions(t.db);
    expect(queued).toHaveLength(organizations);
    for (const submission of queued) {
      expect(submission).toMatchObject({ kind: 'new_listing', organization_id: null, submitter_email: null });
      expect(Value.Check(ListingDocument, submission.listing)).toBe(true);
      expect(submission.country_code).toMatch(/^[A-Z]{2}$/);
    }
    const service = report.lines.find((l) => l.resource === 'service');
    expect(service).toMatchObject({ outcome: 'pending', file: 'services.csv' });
    const submissionId = /awaiting moderation in submission ([0-9a-f-]{36})$/.exec(service?.reason ?? '')?.[1];
    expect(queued.map((q) => q.id)).toContain(submissionId);
    expect(describeHsdsImport(report).join('\n')).toContain(`${organizations} listings (one per organization) wait`);

    const queue = await t.app.inject({ url: '/es/admin/moderation', headers: { cookie: admin } });
    expect(queue.statusCode).toBe(200);
    const first = (queued[0]?.listing as ListingDocument).organization.name;
    expect(queue.body).toContain(first.replaceAll('&', '&amp;'));
  }, 60_000);

  it('brings its pending submissions up to date when the same data is imported again', async () => {
    const services = path.join(pkg, 'services.csv');
    const original = await readFile(services, 'utf8');
    const name = (parse(original, { columns: true }) as Record<string, string>[])[0]?.name ?? '';
    expect(name.length).toBeGreaterThan(0);
    await writeFile(services, original.replace(name, `${name} (renamed)`));
    try {
      const report = await importHsds(t.db, pkg);
      expect(report.committed).toBe(true);
      expect(await count(t.db, 'submissions')).toBe(organizations);
      const names = (await pendingSubmissions(t.db)).flatMap((s) =>
        (s.listing as ListingDocument).services.flatMap((service) => Object.values(service.name)),
      );
      expect(names).toContain(`${name} (renamed)`);
      expect(report.lines.find((l) => l.outcome === 'pending')?.reason).toContain('brought submission');
    } finally {
      await writeFile(services, original);
    }
  }, 60_000);

  it('publishes a listing, verified, when a moderator approves it', async () => {
    // The one holding the service renamed above, so the re-import below has something to propose.
    const submission = (await pendingSubmissions(t.db)).find((s) =>
      (s.listing as ListingDocument).services.some((service) =>
        Object.values(service.name).some((name) => name?.endsWith(' (renamed)')),
      ),
    );
    if (!submission) throw new Error('no submission');
    const listing = submission.listing as ListingDocument;
    const page = await t.app.inject({ url: `/es/admin/moderation/${submission.id}`, headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(listing.organization.name.replaceAll('&', '&amp;'));
    const response = await postDecision(t.app, admin, submission.id, 'approve');
    expect(response.statusCode).toBe(303);
    const services = await t.db.query.selectFrom('services').selectAll().execute();
    expect(services).toHaveLength(listing.services.length);
    for (const service of services) {
      expect(service.last_verified_at).toBeInstanceOf(Date);
      expect(service.verified_by).not.toBe('import');
    }
    expect(await count(t.db, 'submissions')).toBe(organizations);
    expect((await pendingSubmissions(t.db)).length).toBe(organizations - 1);
  }, 60_000);

  it('gives the approved listing the ids of the source, so importing it again makes an edit, not a second listing', async () => {
    const approved = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    const listing = approved.listing as ListingDocument;
    const organizationId = approved.organization_id ?? '';
    const ofOrganization = async (db: Db, table: 'locations' | 'services') =>
      (
        await db.query
          .selectFrom(table)
          .select('id')
          .where('organization_id', '=', organizationId)
          .orderBy('id')
          .execute()
      ).map((r) => r.id);
    // The organization, its locations and its services are live with the ids they have in the source.
    const inSource = await source.db.query
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirst();
    expect(inSource?.name).toBe(listing.organization.name);
    const liveServices = await ofOrganization(t.db, 'services');
    const liveLocations = await ofOrganization(t.db, 'locations');
    expect(liveServices).toHaveLength(listing.services.length);
    expect(liveLocations).toHaveLength(listing.locations.length);
    expect(await ofOrganization(source.db, 'services')).toEqual(expect.arrayContaining(liveServices));
    expect(await ofOrganization(source.db, 'locations')).toEqual(expect.arrayContaining(liveLocations));
    // The audit trail names the same ids.
    const audited = await t.db.query
      .selectFrom('audit_log')
      .select('resource_id')
      .distinct()
      .where('submission_id', '=', approved.id)
      .execute();
    expect(audited.map((a) => a.resource_id).sort()).toEqual(
      [organizationId, ...liveServices, ...liveLocations].sort(),
    );

    const live = await loadListing(t.db, organizationId);
    const before = await snapshot(t.db);
    const report = await importHsds(t.db, pkg);
    expect(report).toMatchObject({ committed: true, submissions: organizations });
    // Nothing live changed; the other organizations' submissions were brought up to date; this one is an edit.
    const liveTables = (text: string) => text.slice(0, text.indexOf('hsds_records:'));
    expect(liveTables(await snapshot(t.db))).toBe(liveTables(before));
    expect(await count(t.db, 'submissions')).toBe(organizations + 1);
    const queued = await pendingSubmissions(t.db);
    expect(queued.filter((s) => s.kind === 'new_listing')).toHaveLength(organizations - 1);
    const edits = queued.filter((s) => s.kind === 'edit');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ organization_id: organizationId });
    const edit = edits[0]?.listing as ListingDocument;
    expect(edit.services.map((s) => s.key).sort()).toEqual(liveServices);
    expect(edit.locations.map((l) => l.key).sort()).toEqual(liveLocations);
    // The source proposes nothing but undoing the rename that was approved.
    const changes = diffListings(live, edit).filter((c) => c.kind !== 'same');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change).toMatchObject({
        resourceType: 'service',
        kind: 'changed',
        before: `${String(change.after)} (renamed)`,
      });
    }
    const line = report.lines.find((l) => l.resource === 'service' && l.id === liveServices[0]);
    expect(line?.reason).toBe(`awaiting moderation in submission ${edits[0]?.id}`);
  }, 90_000);

  it('gives a new row a fresh id when its source id is taken, and the others their source ids', async () => {
    const queued = (await pendingSubmissions(t.db)).filter((s) => s.kind === 'new_listing');
    const size = (s: (typeof queued)[number]) => (s.listing as ListingDocument).services.length;
    const submission = queued.sort((a, b) => size(b) - size(a))[0];
    if (!submission) throw new Error('no submission');
    const listing = submission.listing as ListingDocument;
    expect(listing.services.length).toBeGreaterThanOrEqual(2);
    const ids = await importedListingIds(t.db.query, submission.id);
    const sourceIdOf = (kind: 'locations' | 'services', key: string) => ids?.[kind]?.[key] ?? '';
    const takenLocation = sourceIdOf('locations', listing.locations[0]?.key ?? '');
    const takenService = sourceIdOf('services', listing.services[0]?.key ?? '');
    expect([ids?.organization, takenLocation, takenService].every((id) => id && isUuid(id))).toBe(true);
    // Another organization holds the source's organization id, its first location's and its first service's.
    const taker = await buildOrganization(t.db, { id: ids?.organization ?? '' });
    await buildService(t.db, { organizationId: taker.id, location: { id: takenLocation } }, { id: takenService });

    const response = await postDecision(t.app, admin, submission.id, 'approve');
    expect(response.statusCode).toBe(303);
    const decided = await t.db.query
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', submission.id)
      .executeTakeFirstOrThrow();
    expect(decided.status).toBe('approved');
    const organizationId = decided.organization_id ?? '';
    expect(isUuid(organizationId)).toBe(true);
    expect(organizationId).not.toBe(taker.id);
    const live = await loadListing(t.db, organizationId);
    if (!live) throw new Error('not live');
    // Rows list in the document's order: the first of each kind got a fresh id, the rest their source ids.
    expect(live.locations[0]?.key).not.toBe(takenLocation);
    expect(live.services[0]?.key).not.toBe(takenService);
    expect(live.locations.slice(1).map((l) => l.key)).toEqual(
      listing.locations.slice(1).map((l) => sourceIdOf('locations', l.key)),
    );
    expect(live.services.slice(1).map((s) => s.key)).toEqual(
      listing.services.slice(1).map((s) => sourceIdOf('services', s.key)),
    );
    expect(live.services.map((s) => s.name)).toEqual(listing.services.map((s) => s.name));
    // The taker's rows are untouched.
    const takers = await t.db.query
      .selectFrom('services')
      .select(['id', 'organization_id'])
      .where('id', '=', takenService)
      .execute();
    expect(takers).toEqual([{ id: takenService, organization_id: taker.id }]);
    const takerLocations = await t.db.query
      .selectFrom('locations')
      .select('id')
      .where('organization_id', '=', taker.id)
      .execute();
    expect(takerLocations).toEqual([{ id: takenLocation }]);
    const audited = await t.db.query
      .selectFrom('audit_log')
      .select('resource_id')
      .where('submission_id', '=', submission.id)
      .where('last_action_type', '=', 'create')
      .execute();
    const auditedIds = new Set(audited.map((a) => a.resource_id));
    for (const id of [organizationId, ...live.locations.map((l) => l.key), ...live.services.map((s) => s.key)]) {
      expect(auditedIds.has(id)).toBe(true);
    }
  }, 60_000);

  it('publishes at once, verified by "import", with --verified; then an unverified import is an edit', async () => {
    const target = await createTestDb();
    try {
      const live = await importHsds(target.db, pkg, { verified: true });
      expect(live).toMatchObject({ committed: true, submissions: 0 });
      expect(live.counts.pending).toBe(0);
      expect(await count(target.db, 'submissions')).toBe(0);
      const services = await target.db.query.selectFrom('services').selectAll().orderBy('id').execute();
      expect(services.length).toBeGreaterThan(0);
      expect(services.every((s) => s.verified_by === 'import' && s.last_verified_at instanceof Date)).toBe(true);

      const servicesCsv = path.join(pkg, 'services.csv');
      const original = await readFile(servicesCsv, 'utf8');
      const changed = services[0];
      if (!changed) throw new Error('no service');
      const liveName = Object.values(changed.name)[0] ?? '';
      expect(original).toContain(liveName);
      await writeFile(servicesCsv, original.replace(liveName, `${liveName} (edited)`));
      const before = await snapshot(target.db);
      try {
        const edit = await importHsds(target.db, pkg);
        expect(edit.committed).toBe(true);
        // Live rows untouched: the change waits for moderation as an edit of the live listing.
        const after = await snapshot(target.db);
        const liveTables = (text: string) => text.slice(0, text.indexOf('hsds_records:'));
        expect(liveTables(after)).toBe(liveTables(before));
        // Only the organization whose source changed is queued; the others say exactly what is live.
        const queued = await pendingSubmissions(target.db);
        expect(queued).toHaveLength(1);
        expect(edit.counts.skipped).toBeGreaterThan(0);
        expect(edit.lines.some((l) => l.outcome === 'skipped' && l.reason?.startsWith('unchanged'))).toBe(true);
        expect(organizations).toBeGreaterThan(1);
        const mine = queued.find((s) => s.organization_id === changed.organization_id);
        expect(mine).toMatchObject({ kind: 'edit', organization_id: changed.organization_id });
        const service = (mine?.listing as ListingDocument).services.find((s) => s.key === changed.id);
        expect(Object.values(service?.name ?? {}) as string[]).toContain(`${liveName} (edited)`);
      } finally {
        await writeFile(servicesCsv, original);
      }
    } finally {
      await target.drop();
    }
  }, 90_000);

  it('keeps, with the reason, what a listing cannot carry, and queues the rest', async () => {
    const target = await createTestDb();
    const phones = path.join(pkg, 'phones.csv');
    const original = await readFile(phones, 'utf8');
    const [header = '', firstRow = ''] = original.split('\n');
    const typeColumn = header.split(',').indexOf('type');
    const cells = firstRow.split(',');
    cells[typeColumn] = 'fax';
    await writeFile(phones, original.replace(firstRow, cells.join(',')));
    try {
      const report = await importHsds(target.db, pkg);
      expect(report.committed).toBe(true);
      const fax = report.lines.find((l) => l.resource === 'phone' && l.outcome === 'kept');
      expect(fax).toMatchObject({ file: 'phones.csv', row: 2, field: 'type' });
      expect(fax?.reason).toContain('not sent to moderation: a listing holds voice phones only, not "fax"');
      expect(await count(target.db, 'submissions')).toBe(organizations);
    } finally {
      await writeFile(phones, original);
      await target.drop();
    }
  }, 60_000);

  it('queues nothing when a record is rejected', async () => {
    const target = await createTestDb();
    const services = path.join(pkg, 'services.csv');
    const original = await readFile(services, 'utf8');
    await writeFile(services, original.replace(',active,', ',open,'));
    try {
      const before = await snapshot(target.db);
      const report = await importHsds(target.db, pkg);
      expect(report.committed).toBe(false);
      expect(report.counts.rejected).toBe(1);
      expect(await snapshot(target.db)).toBe(before);
      expect(await count(target.db, 'submissions')).toBe(0);
    } finally {
      await writeFile(services, original);
      await target.drop();
    }
  }, 60_000);
});
