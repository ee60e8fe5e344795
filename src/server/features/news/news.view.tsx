// Pages: the news listing (filters, search, page links) and one news item.
import type { NEWS_TOPICS } from '../../db/schema.js';
import { formatDate, pickText, type Translate } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { FilterSelect } from '../../ui/filter-select.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import { withQuery } from '../../ui/page.js';
import type { NewsItem, NewsQuery } from './news.service.js';

export const NEWS_PER_PAGE = 10;

/** A country's name, also for countries of the region the directory's name list lacks (e.g. Guyana). */
export function newsCountryName(t: Translate, code: string): string {
  const name = countryName(t, code);
  if (name !== code) return name;
  const extra = t(`news.countryNames.${code}`);
  return extra.startsWith('news.') ? code : extra;
}

export function topicName(t: Translate, topic: (typeof NEWS_TOPICS)[number] | string): string {
  return t(`news.topics.${topic}`);
}

function NewsDate(props: { date: string; ctx: PageContext }) {
  return <time datetime={props.date}>{formatDate(new Date(`${props.date}T00:00:00Z`), props.ctx.locale)}</time>;
}

export function NewsListPage(props: {
  ctx: PageContext;
  facets: { countries: string[]; topics: string[] };
  filters: NewsQuery;
  items: NewsItem[];
  total: number;
  page: number;
}) {
  const { ctx, filters, items, total } = props;
  const { t, locale } = ctx;
  const countries = props.facets.countries
    .map((code) => ({ code, name: newsCountryName(t, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const topics = props.facets.topics
    .map((code) => ({ code, name: topicName(t, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const feedQuery = { country: filters.country, topic: filters.topic };
  return (
    <Layout ctx={ctx} title={t('news.title')}>
      <h1>{t('news.title')}</h1>
      <p>{t('news.intro')}</p>
      <form class="filters" method="get" action={`/${locale}/news`} role="search">
        <fieldset>
          <legend>{t('news.filters')}</legend>
          <label>
            {t('news.search')}
            <input type="search" name="q" value={filters.q ?? ''} maxLength={200} />
          </label>
          <FilterSelect
            label={t('news.country')}
            name="country"
            anyLabel={t('news.any')}
            selected={filters.country}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <FilterSelect
            label={t('news.topic')}
            name="topic"
            anyLabel={t('news.any')}
            selected={filters.topic}
            options={topics.map((topic) => ({ value: topic.code, label: topic.name }))}
          />
          <div class="actions">
            <button type="submit">{t('news.apply')}</button>
            <a href={`/${locale}/news`}>{t('news.clear')}</a>
          </div>
        </fieldset>
      </form>
      <p class="result-count" role="status">
        {t('news.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p class="empty">{t('news.empty')}</p>
      ) : (
        <ol class="cards">
          {items.map((item) => (
            <li>
              <NewsCard ctx={ctx} item={item} />
            </li>
          ))}
        </ol>
      )}
      <Pagination
        t={t}
        path={`/${locale}/news`}
        query={{ ...filters }}
        page={props.page}
        perPage={NEWS_PER_PAGE}
        total={total}
      />
      <FeedLinks ctx={ctx} query={feedQuery} />
    </Layout>
  );
}

function NewsCard(props: { ctx: PageContext; item: NewsItem }) {
  const { ctx, item } = props;
  const { t, locale } = ctx;
  const title = pickText(item.title, locale, item.original_locale);
  const summary = pickText(item.summary, locale, title?.locale ?? item.original_locale);
  return (
    <article class="card">
      <p class="meta">
        <NewsDate date={item.date} ctx={ctx} />
        {item.is_demo && <span class="tag demo">{t('services.demoBadge')}</span>}
      </p>
      {/* Only the item's own words carry its language; the date and the tags are the page's. */}
      <h2 lang={title?.locale}>
        <a href={`/${locale}/news/${item.slug}`}>{title?.text}</a>
      </h2>
      {summary && (
        <p class="excerpt" lang={summary.locale}>
          {summary.text}
        </p>
      )}
    </article>
  );
}

export function FeedLinks(props: { ctx: PageContext; query: Record<string, string | undefined> }) {
  const { t, locale } = props.ctx;
  const feeds = [
    ['atom', t('news.feedAtom')],
    ['rss', t('news.feedRss')],
    ['json', t('news.feedJson')],
  ] as const;
  return (
    <p class="feeds">
      {t('news.follow')}{' '}
      {feeds.map(([kind, label], i) => (
        <>
          {i > 0 && ' · '}
          <a href={withQuery(`/${locale}/news/feed.${kind}`, props.query)}>{label}</a>
        </>
      ))}
    </p>
  );
}

export function NewsItemPage(props: { ctx: PageContext; item: NewsItem }) {
  const { ctx, item } = props;
  const { t, locale } = ctx;
  const title = pickText(item.title, locale, item.original_locale);
  const body = pickText(item.body, title?.locale ?? locale, item.original_locale);
  const alt = pickText(item.image_alt, locale, item.original_locale);
  return (
    <Layout ctx={ctx} title={title?.text ?? t('news.title')}>
      <article lang={title?.locale}>
        <header>
          <p class="meta">
            <NewsDate date={item.date} ctx={ctx} />
            {item.is_demo && <span class="tag demo">{t('services.demoBadge')}</span>}
          </p>
          <h1>{title?.text}</h1>
          {title && title.locale !== locale && (
            <p class="muted" lang={locale}>
              {t('news.otherLanguage', { language: t(`languages.${title.locale}`) })}
            </p>
          )}
        </header>
        {item.image_url && !ctx.lite && <img src={item.image_url} alt={alt?.text ?? ''} loading="lazy" />}
        {/* The body was sanitized with an allow-list before it was stored (news-body.ts). */}
        {body && <div class="news-body" dangerouslySetInnerHTML={{ __html: body.text }} />}
      </article>
      <dl class="news-tags" lang={locale}>
        {item.countries.length > 0 && (
          <>
            <dt>{t('news.countries')}</dt>
            <dd>
              <ul class="tags">
                {item.countries.map((code) => (
                  <li>
                    <a href={`/${locale}/services?country=${code}`}>{newsCountryName(t, code)}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {item.topics.length > 0 && (
          <>
            <dt>{t('news.topicList')}</dt>
            <dd>
              <ul class="tags">
                {item.topics.map((topic) => (
                  <li>
                    <a href={`/${locale}/news?topic=${topic}`}>{topicName(t, topic)}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {item.organizations.length > 0 && (
          <>
            <dt>{t('news.organizations')}</dt>
            <dd>{item.organizations.join(', ')}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/${locale}/news`}>{t('news.back')}</a>
      </p>
    </Layout>
  );
}
