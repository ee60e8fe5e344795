// Names of periods in the page's language, from the locale files (the runtime has no Haitian Creole month names).
import type { Translate } from '../../i18n/i18n.js';
import type { Period } from '../hub-reports/periods.js';

const month = (id: string) => Number(id.slice(4, 6));

/** "marzo de 2021", "T1 de 2021", "2021". */
export function periodName(t: Translate, period: Period): string {
  const year = period.id.slice(0, 4);
  if (period.type === 'Yearly') return year;
  if (period.type === 'Quarterly') return t('hubdash.period.quarter', { quarter: period.id.slice(5), year });
  return t('hubdash.period.month', { month: t(`hubdash.months.m${month(period.id)}`), year });
}

/** "mar", for a chart's axis. */
export function shortMonthName(t: Translate, monthId: string): string {
  return t(`hubdash.monthsShort.m${month(monthId)}`);
}
