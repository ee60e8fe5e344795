// The text search reads its candidates in several ways (the planner's choice, the text index, a slice of the most
// recently verified services, a walk of the recency index); all must give the same results, the slice and the walk
// whether or not they fill the candidates, and the choice must follow how many services hold the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildService } from '../../../../tests/support/factories.js';
import { refreshStatistics } from '../../db/statistics.js';
import { buildSyntheticDirectory } from '../demo/synthetic-directory.js';
import { insertDirectory } from '../demo/demo.service.js';
import { refreshSearchIndex } from './search.service.js';
import { buildTsQuery, findMatches, MAX_CANDIDATES, planOf, textPlan, type Plan } from './search.repository.js';

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
  await insertDirectory(t.db, buildSyntheticDirectory(3_000));
  await refreshSearchIndex(t.db);
  await refreshStatistics(t.db);
}, 300_000);
afterAll(async () => {
  await t.drop();
});

/** The verification date with `n` services verified at or after it. */
async function dateWithNewer(n: number): Promise<string> {
  const { rows } = await sql<{ at: string }>`
    SELECT verified_at::text AS at FROM service_search ORDER BY verified_at DESC NULLS LAST OFFSET ${n - 1} LIMIT 1`.execute(
    t.db.query,
  );
  return rows[0]!.at;
}

describe('text search plan', () => {
  it('reads rare words through the text index, common ones from a recent slice, the commonest by walking', () => {
    // 100,000 services verified one a minute, the last on 2026-11-01; a histogram of 101 bounds, as ANALYZE makes.
    const last = Date.parse('2026-11-01T00:00:00Z');
    const bounds = Array.from({ length: 101 }, (_, i) => new Date(last - (100 - i) * 1_000 * 60_000).toISOString());
    const stats = { rows: 100_000, recency: bounds, unverified: 0 };
    expect(textPlan(0.01, stats)).toEqual({ kind: 'text-index' });
    expect(textPlan(0.3, stats)).toEqual({ kind: 'recent-walk' });
    // 10 %: 300 candidates should be among the 3,000 most recent; the slice holds twice that, 6 % of the services.
    expect(textPlan(0.1, stats)).toEqual({ kind: 'recent-slice', since: bounds[94] });
    expect(textPlan(0.05, stats)).toEqual({ kind: 'recent-slice', since: bounds[88] });
    expect(textPlan(0.03, stats)).toEqual({ kind: 'recent-slice', since: bounds[80] });
    expect(textPlan(0.02, stats)).toEqual({ kind: 'text-index' });
    // Filters with words keep the planner's choice; so does a directory whose slice would be most of it, or one
    // without statistics of its dates.
    expect(textPlan(0.1, stats, true)).toEqual({ kind: 'default' });
    expect(textPlan(0.1, { ...stats, rows: 10_000 })).toEqual({ kind: 'recent-walk' });
    expect(textPlan(0.1, { ...stats, recency: null })).toEqual({ kind: 'recent-walk' });
    // ... unless the walk would need more rows than it may read (300 / 2.5 % = 12,000): then every match is read.
    expect(textPlan(0.03, { ...stats, rows: 20_000 })).toEqual({ kind: 'recent-walk' });
    expect(textPlan(0.025, { ...stats, rows: 20_000 })).toEqual({ kind: 'text-index' });
    expect(textPlan(0.025, { ...stats, recency: null })).toEqual({ kind: 'text-index' });
    // Never-verified services are not in the slice (they come last): the same slice is a larger part of the rest.
    expect(textPlan(0.1, { ...stats, unverified: 0.4 })).toEqual({ kind: 'recent-slice', since: bounds[90] });
  });

  it('guesses words that go together as common as the rarer of them, and small directories keep the planner', async () => {
    const planFor = async (words: string[][], minServices?: number) =>
      planOf(t.db, { tsquery: (await buildTsQuery(t.db, words))! }, minServices);
    expect(await planFor([['tlacotalpan']], 0)).toEqual({ kind: 'text-index' });
    expect(await planFor([['salud']], 0)).toEqual({ kind: 'recent-walk' });
    expect(await planFor([['familiares'], ['desaparecidos']], 0)).not.toEqual({ kind: 'text-index' });
    expect(await planFor([['tlacotalpan']])).toEqual({ kind: 'default' });
  });

  it('finds the same services whichever way it reads them', async () => {
    const queries = [
      [['tlacotalpan']],
      [['hamacas']],
      [['refugio', 'refugee']],
      [['familiares'], ['desaparecidos']],
      [['salud']],
    ];
    const windows = [
      { limit: 20, offset: 0 },
      { limit: 20, offset: 140 },
    ];
    for (const groups of queries) {
      const tsquery = (await buildTsQuery(t.db, groups))!;
      // A slice that holds every match, one that holds just enough recent services, one that comes up short.
      const slices: Plan[] = [
        { kind: 'recent-slice', since: '1900-01-01' },
        { kind: 'recent-slice', since: await dateWithNewer(1_500) },
        { kind: 'recent-slice', since: await dateWithNewer(5) },
      ];
      const plans: Plan[] = [{ kind: 'default' }, { kind: 'text-index' }, { kind: 'recent-walk' }, ...slices];
      for (const window of windows) {
        const expected = await findMatches(t.db, { tsquery }, window, { plan: { kind: 'default' } });
        for (const plan of plans) {
          const found = await findMatches(t.db, { tsquery }, window, { plan });
          expect({ groups, plan, window, found }).toEqual({ groups, plan, window, found: expected });
        }
      }
    }
  }, 120_000);

  it('fills the candidates from the slice when it holds enough, without the fallback changing the answer', async () => {
    const tsquery = (await buildTsQuery(t.db, [['salud']]))!;
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM service_search WHERE document @@ ${tsquery}::tsquery`.execute(t.db.query);
    // The directory holds more matches than the candidates, so the page is the most recent 300's best.
    expect(rows[0]!.n).toBeGreaterThan(MAX_CANDIDATES);
    const found = await findMatches(t.db, { tsquery }, { limit: 5, offset: 0 });
    expect(found.total).toBe(MAX_CANDIDATES);
  });
});
