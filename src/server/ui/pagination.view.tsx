// Page links that work without JavaScript.
import { pageNumbers } from '../http/pagination.js';
import type { Translate } from '../i18n/i18n.js';
import { withQuery } from './page.js';

/** The number of the last page of a list (1 for an empty list). */
export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A page past the end of a list that has items (an old link, a hand-typed ?page=9999): there is no such page. */
export function isPastLastPage(page: number, perPage: number, total: number, shown: number): boolean {
  return shown === 0 && total > 0 && page > lastPage(total, perPage);
}

/** Where a page of a list is: the list's address and filters, the page, its size and the list's length. */
interface ListPage {
  t: Translate;
  path: string;
  query: Record<string, string | number | undefined>;
  page: number;
  perPage: number;
  total: number;
}

/** The address of page `n` of the list (page 1 has no page parameter). */
function pageHref(props: ListPage, n: number): string {
  return withQuery(props.path, { ...props.query, page: n === 1 ? undefined : n });
}

/** Says plainly that a page past the end does not exist, and links to the last one. */
export function PastLastPage(props: ListPage) {
  const { t, page, perPage, total } = props;
  const last = lastPage(total, perPage);
  // Page numbers as in the address bar (9999, not 9,999).
  return (
    <p class="empty">
      {t('paging.pastLast', { page: String(page), pages: last })}{' '}
      <a href={pageHref(props, last)}>{t('paging.goToLast', { page: String(last) })}</a>
    </p>
  );
}

export function Pagination(props: ListPage) {
  const { t, page, perPage, total } = props;
  const last = lastPage(total, perPage);
  if (last <= 1) return null;
  const href = (n: number) => pageHref(props, n);
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <ul>
        {/* Past the last page there is no previous one to go back to (the numbers link to the last). */}
        {page > 1 && page <= last && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        )}
        {pageNumbers(page, last).map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              {n === page ? (
                <span aria-current="page" aria-label={t('pagination.current', { page: n })}>
                  {n}
                </span>
              ) : (
                <a href={href(n)} aria-label={t('pagination.page', { page: n })}>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {page < last && (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
