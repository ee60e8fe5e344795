// The map page's URL with the list's filters, so a link from the services list opens the same services on the map.
import { withQuery } from '../../ui/page.js';

export function mapHref(
  locale: string,
  filters: {
    country?: string | undefined;
    category?: string | undefined;
    population?: string | undefined;
    language?: string | undefined;
  },
): string {
  const { country, category, population, language } = filters;
  return withQuery(`/${locale}/map`, { country, category, population, language });
}
