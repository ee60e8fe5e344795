// Reporting periods in DHIS2's ISO forms: monthly '202103' (also typed '2021-03'), quarterly '2021Q1', yearly
// '2021'. Data values are monthly; quarters and years are sets of months for dashboards and exports.

import { creoleDateTimeFormat, intlLocale } from '../../i18n/i18n.js';

export type PeriodType = 'Monthly' | 'Quarterly' | 'Yearly';

export interface Period {
  /** DHIS2 id: '202103', '2021Q1', '2021'. */
  id: string;
  type: PeriodType;
  /** The months it covers, as DHIS2 monthly ids, in order. */
  months: string[];
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
}

const MONTHLY = /^(\d{4})-?(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})Q([1-4])$/;
const YEARLY = /^(\d{4})$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');
const monthId = (year: number, month: number) => `${year}${pad(month)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, lastMonth: number): Pick<Period, 'months' | 'start' | 'end'> {
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(monthId(year, m));
  return {
    months,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
  };
}

/** Parses any of the three forms; null when it is none of them or out of range. */
export function parsePeriod(text: string): Period | null {
  const value = text.trim().toUpperCase();
  let match = MONTHLY.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return { id: monthId(year, month), type: 'Monthly', ...span(year, month, month) };
  }
  match = QUARTERLY.exec(value);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return { id: `${year}Q${quarter}`, type: 'Quarterly', ...span(year, quarter * 3 - 2, quarter * 3) };
  }
  match = YEARLY.exec(value);
  if (match) {
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return { id: String(year), type: 'Yearly', ...span(year, 1, 12) };
  }
  return null;
}

/** A monthly period only ('202103' or '2021-03'), as its DHIS2 id; null otherwise. */
export function parseMonth(text: string): string | null {
  const period = parsePeriod(text);
  return period?.type === 'Monthly' ? period.id : null;
}

/** '202103' → '2021-03' (the form used in URLs and forms). */
export function monthToIso(month: string): string {
  return `${month.slice(0, 4)}-${month.slice(4, 6)}`;
}

/** '202103' → '2021Q1'. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}Q${Math.ceil(Number(month.slice(4, 6)) / 3)}`;
}

/** The month before, e.g. '202101' → '202012'. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  return m === 1 ? monthId(year - 1, 12) : monthId(year, m - 1);
}

/** The month of a date (UTC), e.g. the current month. */
export function monthOf(date: Date): string {
  return monthId(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** Months from `first` to `last`, inclusive, in order. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let year = Number(first.slice(0, 4)), m = Number(first.slice(4, 6)); monthId(year, m) <= last;) {
    months.push(monthId(year, m));
    m++;
    if (m > 12) {
      m = 1;
      year++;
    }
  }
  return months;
}

/** A period's name in a locale: "marzo de 2021", "T1 2021" style for quarters, the year for years. */
export function periodLabel(period: Period, locale: string): string {
  const year = Number(period.id.slice(0, 4));
  if (period.type === 'Yearly') return String(year);
  if (period.type === 'Quarterly') return period.id;
  const month = Number(period.id.slice(4, 6));
  const options = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  // ICU has no Creole: Intl would answer in English ("November 2026").
  const format = locale === 'ht' ? creoleDateTimeFormat(options) : new Intl.DateTimeFormat(intlLocale(locale), options);
  return format.format(new Date(Date.UTC(year, month - 1, 1)));
}
