// Page links that work without JavaScript.
import { pageNumbers } from '../http/pagination.js';
import type { Translate } from '../i18n/i18n.js';
import { withQuery } from './page.js';

export function Pagination(props: {
  t: Translate;
  path: string;
  query: Record<string, string | number | undefined>;
  page: number;
  perPage: number;
  total: number;
}) {
  const { t, path, query, page, perPage, total } = props;
  const last = Math.max(1, Math.ceil(total / perPage));
  if (last <= 1) return null;
  const href = (n: number) => withQuery(path, { ...query, page: n === 1 ? undefined : n });
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <ul>
        {page > 1 && (
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
