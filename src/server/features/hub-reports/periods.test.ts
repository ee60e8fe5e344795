import { describe, expect, it } from 'vitest';
import { monthsBetween, parseMonth, parsePeriod, periodLabel, previousMonth, quarterOf } from './periods.js';

describe('periods', () => {
  it('reads monthly, quarterly and yearly DHIS2 ids', () => {
    expect(parsePeriod('2021-03')).toMatchObject({
      id: '202103',
      type: 'Monthly',
      start: '2021-03-01',
      end: '2021-03-31',
    });
    expect(parsePeriod('202102')).toMatchObject({ id: '202102', end: '2021-02-28' });
    expect(parsePeriod('2020-02')?.end).toBe('2020-02-29');
    expect(parsePeriod('2021q1')).toMatchObject({
      id: '2021Q1',
      months: ['202101', '202102', '202103'],
      end: '2021-03-31',
    });
    expect(parsePeriod('2021')?.months).toHaveLength(12);
  });

  it('refuses what is not a period', () => {
    for (const bad of ['', '2021-13', '2021-00', '21-03', '2021Q5', '1999', '2021-3', '2021W10', '202103x']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(parseMonth('2021Q1')).toBeNull();
    expect(parseMonth('2021-03')).toBe('202103');
  });

  it('steps and groups months', () => {
    expect(previousMonth('202101')).toBe('202012');
    expect(quarterOf('202111')).toBe('2021Q4');
    expect(monthsBetween('202011', '202102')).toEqual(['202011', '202012', '202101', '202102']);
    expect(periodLabel(parsePeriod('2021-03')!, 'es')).toBe('marzo de 2021');
    expect(periodLabel(parsePeriod('2026-11')!, 'ht')).toBe('novanm 2026');
  });
});
