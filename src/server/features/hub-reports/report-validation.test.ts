// The checks on their own: typed figures, the data set's rules, and the outlier rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { CELL, consistentFigures } from './hub-reports.fixtures.js';
import { loadReportMetadata, type ReportMetadata } from './report-metadata.repository.js';
import {
  allCells,
  blockingFailures,
  evaluateRules,
  findOutliers,
  median,
  parseCellValue,
  readCells,
  warningFailures,
} from './report-validation.js';

let testDb: TestDb;
let metadata: ReportMetadata;
beforeAll(async () => {
  testDb = await createTestDb();
  metadata = await loadReportMetadata(testDb.db);
});
afterAll(() => testDb?.drop());

describe('a typed figure', () => {
  it('accepts whole numbers from 0 to a million, and empty', () => {
    expect(parseCellValue('')).toEqual({ ok: true, value: null });
    expect(parseCellValue('   ')).toEqual({ ok: true, value: null });
    expect(parseCellValue('0')).toEqual({ ok: true, value: 0 });
    expect(parseCellValue(' 042 ')).toEqual({ ok: true, value: 42 });
    expect(parseCellValue('+7')).toEqual({ ok: true, value: 7 });
    expect(parseCellValue('1000000')).toEqual({ ok: true, value: 1_000_000 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseCellValue('-3')).toEqual({ ok: false, error: 'negative' });
    expect(parseCellValue('- 3')).toEqual({ ok: false, error: 'negative' });
    expect(parseCellValue('-0.5')).toEqual({ ok: false, error: 'negative' });
    expect(parseCellValue('2.5')).toEqual({ ok: false, error: 'decimal' });
    expect(parseCellValue('1,5')).toEqual({ ok: false, error: 'decimal' });
    expect(parseCellValue('1.000.000')).toEqual({ ok: false, error: 'decimal' });
    expect(parseCellValue('1000001')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseCellValue('99999999999999999999')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseCellValue('doce')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseCellValue('1e3')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseCellValue('0x10')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseCellValue('12 personas')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseCellValue('-')).toEqual({ ok: false, error: 'notNumber' });
    expect(parseCellValue('Infinity')).toEqual({ ok: false, error: 'notNumber' });
  });
});

describe('reading a posted form', () => {
  it('has one cell per option combination, 33 in all, total first', () => {
    const cells = allCells(metadata);
    expect(cells).toHaveLength(1 + 3 + 3 + 12 + 6 + 8);
    expect(cells[0]).toBe(CELL.total);
  });

  it('keeps figures, errors per cell, and names unknown or repeated cells', () => {
    const read = readCells(metadata, {
      _csrf: 'x',
      version: '3',
      [`v.${CELL.total}`]: '10',
      [`v.${CELL.female}`]: '',
      [`v.${CELL.male}`]: 'diez',
      [`v.${CELL.age0}`]: ['1', '2'],
      'v.RbDePplTot1.RbCocSexF01': '5',
      'v.nothing': '1',
    });
    expect([...read.values]).toEqual([[CELL.total, 10]]);
    expect([...read.errors]).toEqual([[CELL.male, 'notNumber']]);
    expect(read.typed.get(CELL.male)).toBe('diez');
    expect(read.unknown.sort()).toEqual([`v.${CELL.age0}`, 'v.RbDePplTot1.RbCocSexF01', 'v.nothing'].sort());
  });
});

describe('validation rules', () => {
  it('pass for figures whose breakdowns add up', () => {
    const results = evaluateRules(metadata, consistentFigures(40));
    expect(results.map((r) => r.rule.code)).toEqual([
      'SEX_SUM_EQUALS_TOTAL',
      'AGE_SUM_EQUALS_TOTAL',
      'NATIONALITY_NOT_ABOVE_TOTAL',
      'REFERRALS_NOT_ABOVE_REFERRAL_SERVICES',
    ]);
    expect(results.every((r) => r.passed)).toBe(true);
  });

  it('block a sex sum that does not match the total, with both sums', () => {
    const values = consistentFigures(40);
    values.set(CELL.female, 25);
    const failed = blockingFailures(evaluateRules(metadata, values));
    expect(failed.map((r) => [r.rule.code, r.left, r.right])).toEqual([['SEX_SUM_EQUALS_TOTAL', 45, 40]]);
  });

  it('block nationalities above the total, count empty cells as 0, and warn on referrals', () => {
    const values = consistentFigures(10);
    values.set(CELL.natHnd, 9);
    values.delete(CELL.age60);
    values.set(CELL.refHealth, 5);
    const results = evaluateRules(metadata, values);
    expect(blockingFailures(results).map((r) => r.rule.code)).toEqual(['NATIONALITY_NOT_ABOVE_TOTAL']);
    expect(warningFailures(results).map((r) => [r.rule.code, r.left, r.right])).toEqual([
      ['REFERRALS_NOT_ABOVE_REFERRAL_SERVICES', 5, 2],
    ]);
  });
});

describe('values far outside the hub’s history', () => {
  const history = new Map([[CELL.total, [100, 90, 110, 400, 95]]]);

  it('uses the median, so one odd month does not move the baseline', () => {
    expect(median([100, 90, 110, 400, 95])).toBe(100);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('flags more than three times or less than a third of the median', () => {
    const flag = (value: number) => findOutliers(new Map([[CELL.total, value]]), history);
    expect(flag(300)).toEqual([]);
    expect(flag(301)).toEqual([{ key: CELL.total, value: 301, median: 100, months: 5 }]);
    expect(flag(34)).toEqual([]);
    expect(flag(33)).toHaveLength(1);
    expect(flag(0)).toHaveLength(1);
  });

  it('needs at least three months, uses at most twelve, and does not judge a median of 0', () => {
    expect(findOutliers(new Map([[CELL.total, 1000]]), new Map([[CELL.total, [10, 10]]]))).toEqual([]);
    const thirteen = [...Array(12).fill(10), 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000];
    expect(findOutliers(new Map([[CELL.total, 100]]), new Map([[CELL.total, thirteen]]))[0]?.median).toBe(10);
    expect(findOutliers(new Map([[CELL.female, 50]]), new Map([[CELL.female, [0, 0, 0, 1]]]))).toEqual([]);
    expect(findOutliers(new Map([[CELL.male, 50]]), history)).toEqual([]);
  });
});
