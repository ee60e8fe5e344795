// Small text helpers for the offline islands: strings come from the page (JSON block, already in the user's
// language) with "{name}" placeholders; ages and dates use the browser's Intl, so no locale data is shipped.

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function readStrings<T>(selector: string, root: ParentNode = document): T {
  const block = root.querySelector(selector);
  return JSON.parse(block?.textContent ?? '{}') as T;
}

/** "3 days ago", "yesterday", "now" in the page's language. */
export function age(since: number | string, locale: string, now = Date.now()): string {
  const then = typeof since === 'number' ? since : Date.parse(since);
  const format = new Intl.RelativeTimeFormat(locale === 'ht' ? 'fr' : locale, { numeric: 'auto' });
  const minutes = Math.round((then - now) / 60000);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

export function formatDay(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale === 'ht' ? 'fr' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
