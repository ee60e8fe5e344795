// The words step of a search: stems and known words are remembered by the process, an unknown word is asked about
// again (it may have been added since), and remembered answers equal fresh ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { buildService } from '../../../../tests/support/factories.js';
import { refreshSearchIndex, searchServices } from './search.service.js';
import { searchPrelude } from './search.repository.js';
import { foldWord } from './search-text.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await buildService(
    t.db,
    {},
    {
      name: JSON.stringify({ es: 'Albergue Belén', en: 'Belén shelter' }),
      description: JSON.stringify({ es: 'Camas y comida caliente.' }),
    },
  );
  await refreshSearchIndex(t.db);
}, 60_000);
afterAll(async () => {
  await t.drop();
});

const prelude = (words: string[]) => searchPrelude(t.db, words, words.map(foldWord));

describe('search prelude', () => {
  it('gives the same stems and no corrections when the words are remembered', async () => {
    const first = await prelude(['albergue', 'comida', 'de']);
    const again = await prelude(['albergue', 'comida', 'de']);
    expect(again).toEqual(first);
    expect(first.corrections).toEqual([]);
    expect(first.lexemes.get('albergue')).toContain('alberg');
    // "de" is a stop word in some language: its group is dropped from the query.
    expect(first.lexemes.get('de')).toBeNull();
  });

  it('asks again about a word it did not know, which a new listing may have added', async () => {
    const before = await prelude(['tlacuache']);
    expect(before.corrections.every((c) => c.term === 'tlacuache')).toBe(true);
    expect((await searchServices(t.db, { q: 'tlacuache' }, { limit: 20, offset: 0 })).total).toBe(0);
    await buildService(
      t.db,
      {},
      { name: JSON.stringify({ es: 'Casa Tlacuache' }), description: JSON.stringify({ es: 'Ropa.' }) },
    );
    await refreshSearchIndex(t.db);
    const result = await searchServices(t.db, { q: 'tlacuache' }, { limit: 20, offset: 0 });
    expect(result.total).toBe(1);
    expect(result.did_you_mean).toBeNull();
  });

  it('corrects a misspelling every time, not only the first', async () => {
    await prelude(['albergue']);
    for (let i = 0; i < 2; i++) {
      const result = await searchServices(t.db, { q: 'alberge' }, { limit: 20, offset: 0 });
      expect(result.did_you_mean).toBe('albergue');
      expect(result.total).toBe(1);
    }
  });
});
