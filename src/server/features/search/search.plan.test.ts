// The text search reads rare words through the text index and common ones by walking the recency index; both
// must give the same results, and the choice must follow how many services hold the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildService } from '../../../../tests/support/factories.js';
import { refreshStatistics } from '../../db/statistics.js';
import { refreshSearchIndex } from './search.service.js';
import { buildTsQuery, findMatches, matchesAreRare } from './search.repository.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const json = (value: object) => JSON.stringify(value);
  for (let i = 0; i < 60; i++) {
    const rare = i < 2;
    await buildService(
      t.db,
      {},
      {
        name: json({ es: rare ? `Casa Tlacotalpan ${i}` : `Hamacas del camino ${i}` }),
        description: json({ es: rare ? 'Junto al río.' : 'Descanso para quien viaja.' }),
      },
    );
  }
  await refreshSearchIndex(t.db);
  await refreshStatistics(t.db);
}, 120_000);
afterAll(async () => {
  await t.drop();
});

describe('text search plan', () => {
  it('calls words in under 4 % of services rare, the others common', async () => {
    const rare = (await buildTsQuery(t.db, [['tlacotalpan']]))!;
    const common = (await buildTsQuery(t.db, [['hamacas']]))!;
    expect(await matchesAreRare(t.db, rare, 0)).toBe(true);
    expect(await matchesAreRare(t.db, common, 0)).toBe(false);
    // Small directories keep the planner's own choice.
    expect(await matchesAreRare(t.db, rare)).toBe(false);
  });

  it('finds the same services whichever way it reads them', async () => {
    const rare = (await buildTsQuery(t.db, [['tlacotalpan']]))!;
    const { rows, total } = await findMatches(t.db, { tsquery: rare }, { limit: 20, offset: 0 });
    expect(total).toBe(2);
    expect(rows).toHaveLength(2);
  });
});
