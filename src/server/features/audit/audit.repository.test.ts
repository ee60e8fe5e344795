import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { listAudit, recordAudit } from './audit.repository.js';
import { toHsdsMetadata } from './audit.presenter.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const entry = (resourceId: string, fieldName: string, previousValue: unknown, replacementValue: unknown) => ({
  resourceId,
  resourceType: 'service' as const,
  action: 'update' as const,
  fieldName,
  previousValue,
  replacementValue,
  updatedBy: 'Moderadora Ana',
  actorUserId: null,
  submissionId: null,
});

describe('audit log', () => {
  it('records entries and lists them newest first', async () => {
    const id = randomUUID();
    await recordAudit(t.db.query, [entry(id, 'name.es', 'Viejo', 'Nuevo')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordAudit(t.db.query, [entry(id, 'cost', 'paid', 'free')]);
    const rows = await listAudit(t.db, 'service', id);
    expect(rows.map((r) => r.field_name)).toEqual(['cost', 'name.es']);
    expect(await listAudit(t.db, 'location', id)).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE: history cannot be rewritten', async () => {
    const id = randomUUID();
    await recordAudit(t.db.query, [entry(id, 'email', null, 'a@example.org')]);
    await expect(
      t.db.query.updateTable('audit_log').set({ updated_by: 'someone else' }).where('resource_id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query.deleteFrom('audit_log').where('resource_id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.withSession((s) => s.exec('TRUNCATE audit_log'))).rejects.toThrow(/append-only/);
    const rows = await listAudit(t.db, 'service', id);
    expect(rows[0]?.updated_by).toBe('Moderadora Ana');
  });

  it('presents a row as HSDS metadata with string values', async () => {
    const id = randomUUID();
    await recordAudit(t.db.query, [entry(id, 'hours', null, { weekday: 1 })]);
    const [row] = await listAudit(t.db, 'service', id);
    if (!row) throw new Error('no row');
    const metadata = toHsdsMetadata(row);
    expect(metadata).toEqual({
      id: row.id,
      resource_id: id,
      resource_type: 'service',
      last_action_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      last_action_type: 'update',
      field_name: 'hours',
      previous_value: '',
      replacement_value: '{"weekday":1}',
      updated_by: 'Moderadora Ana',
    });
  });
});
