// Server-rendered pages for services: the filterable list and one service.
import { verifiedByText } from '../freshness/freshness-text.js';
import type { Locale } from '../../db/schema.js';
import { POPULATIONS } from '../../db/schema.js';
import { formatDate, pickText, type Translate } from '../../i18n/i18n.js';
import { countryName, languageName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { PageQuery } from '../../http/pagination.js';
import { isPastLastPage, Pagination, PastLastPage } from '../../ui/pagination.view.js';
import { FilterSelect } from '../../ui/filter-select.view.js';
import type { SiteFacts } from '../site/site.service.js';
import type { ServiceSummary } from './services.service.js';
import { Highlighted, SearchFields, SearchNotes, type SearchBoxValues } from '../search/search.view.js';
import type { SearchResult } from '../search/search.service.js';
import { mapHref } from '../map/map.links.js';

/** The page size a list has when the address names none. */
const DEFAULT_PER_PAGE = (PageQuery.per_page as { default?: number }).default;

export interface ServiceListFilters extends SearchBoxValues {
  country?: string | undefined;
  city?: string | undefined;
  category?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
}

/** The tab's title: the words searched when there are some (a person with several searches open tells them apart). */
function pageTitle(t: PageContext['t'], q: string | undefined): string {
  const words = q?.trim().replace(/\s+/g, ' ');
  if (!words) return t('services.title');
  return t('services.searchTitle', { q: words.length > 60 ? `${words.slice(0, 59)}…` : words });
}

export function ServiceListPage(props: {
  ctx: PageContext;
  facts: SiteFacts;
  filters: ServiceListFilters;
  items: (ServiceSummary & { distance_km?: number | null })[];
  total: number;
  page: number;
  perPage: number;
  /** Present when the list answers a search (words, place or point). */
  search?: Omit<SearchResult, 'items'> | undefined;
}) {
  const { ctx, facts, filters, items, total, search, page, perPage } = props;
  const { t, locale } = ctx;
  const path = `/${locale}/services`;
  // Page links keep the filters, and a page size other than the default (page 3 of 10 is not page 3 of 20).
  const query = { ...filters, per_page: perPage === DEFAULT_PER_PAGE ? undefined : perPage };
  return (
    <Layout ctx={ctx} title={pageTitle(t, filters.q)}>
      <h1>{t('services.title')}</h1>
      <ServiceFilterForm ctx={ctx} facts={facts} filters={filters} />
      {search && (
        <SearchNotes
          t={t}
          path={`/${locale}/services`}
          query={{ ...filters }}
          result={search}
          placeText={filters.place}
        />
      )}
      <p class="result-count" role="status">
        {search?.totalIsLowerBound
          ? t('services.countAtLeast', { count: total })
          : t('services.count', { count: total })}
      </p>
      <p class="map-link">
        <a href={mapHref(locale, filters)}>{t('map.showOnMap')}</a>
      </p>
      {isPastLastPage(page, perPage, total, items.length) ? (
        <PastLastPage t={t} path={path} query={query} page={page} perPage={perPage} total={total} />
      ) : items.length === 0 ? (
        <p class="empty">{search ? t('search.empty') : t('services.empty')}</p>
      ) : (
        <ol class="cards">
          {items.map((service) => (
            <li>
              <ServiceCard
                service={service}
                t={t}
                locale={locale}
                facts={facts}
                terms={search?.terms}
                distanceKm={service.distance_km}
              />
            </li>
          ))}
        </ol>
      )}
      <Pagination t={t} path={path} query={query} page={page} perPage={perPage} total={total} />
    </Layout>
  );
}

export function ServiceFilterForm(props: { ctx: PageContext; facts: SiteFacts; filters: ServiceListFilters }) {
  const { ctx, facts, filters } = props;
  const { t, locale } = ctx;
  const { q, place, near, radius_km, ...needFilters } = filters;
  const active = Object.values(needFilters).some((value) => value);
  // Folded on a phone so results show first; open when a filter is in use. <details> needs no JavaScript.
  return (
    <form class="filters" method="get" action={`/${locale}/services`}>
      <SearchFields t={t} values={{ q, place, near, radius_km }} />
      <details class="filters-box" open={active}>
        <summary>{t('services.filters')}</summary>
        <fieldset>
          <legend>{t('services.filters')}</legend>
          <DirectoryFilterSelects ctx={ctx} facts={facts} filters={filters} withCity />
          <div class="actions">
            <button type="submit">{t('services.apply')}</button>
            <a href={`/${locale}/services`}>{t('services.clear')}</a>
          </div>
        </fieldset>
      </details>
    </form>
  );
}

/** The directory's filters (country, city, need, population, language), shared by the list and the map. */
export function DirectoryFilterSelects(props: {
  ctx: PageContext;
  facts: SiteFacts;
  filters: Omit<ServiceListFilters, 'city'> & { city?: string | undefined };
  withCity?: boolean;
}) {
  const { ctx, facts, filters } = props;
  const { t, locale } = ctx;
  const any = t('services.any');
  const countries = facts.countries
    .map((c) => ({ value: c.country_code, label: countryName(t, c.country_code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <>
      <FilterSelect
        label={t('services.country')}
        name="country"
        anyLabel={any}
        selected={filters.country}
        options={countries}
      />
      {props.withCity && (
        <label>
          {t('services.city')}
          <input type="text" name="city" value={filters.city ?? ''} maxLength={100} autocomplete="address-level2" />
        </label>
      )}
      <FilterSelect
        label={t('services.category')}
        name="category"
        anyLabel={any}
        selected={filters.category}
        options={facts.categories.map((term) => ({
          value: term.code,
          label: pickText(term.name, locale, 'en')?.text ?? term.code,
        }))}
      />
      <FilterSelect
        label={t('services.population')}
        name="population"
        anyLabel={any}
        selected={filters.population}
        options={POPULATIONS.map((p) => ({ value: p, label: t(`population.${p}`) }))}
      />
      <FilterSelect
        label={t('services.language')}
        name="language"
        anyLabel={any}
        selected={filters.language}
        options={facts.languages.map((code) => ({ value: code, label: languageName(t, code) }))}
      />
    </>
  );
}

export function ServiceCard(props: {
  service: ServiceSummary;
  t: Translate;
  locale: Locale;
  facts: SiteFacts;
  /** Search words to mark in the name and excerpt. */
  terms?: string[] | undefined;
  distanceKm?: number | null | undefined;
}) {
  const { service, t, locale, facts, terms = [], distanceKm } = props;
  const name = pickText(service.name, locale, service.original_locale);
  const description = pickText(service.description, name?.locale ?? locale, service.original_locale);
  const categoryNames = service.categories.map((code) => {
    const term = facts.categories.find((c) => c.code === code);
    return term ? (pickText(term.name, locale, 'en')?.text ?? code) : code;
  });
  return (
    <article class="card">
      <h2 lang={name?.locale}>
        <a href={`/${locale}/services/${service.id}`}>
          <Highlighted text={name?.text ?? ''} terms={terms} />
        </a>
      </h2>
      <p class="meta">
        {distanceKm !== undefined && distanceKm !== null && (
          <span class="distance">{t('search.distance', { km: distanceKm })} · </span>
        )}
        {t('services.by', { organization: service.organization_name })}
        {' · '}
        {service.places.map((p) => `${p.city}, ${countryName(t, p.country_code)}`).join(' · ')}
      </p>
      {description && (
        <p lang={description.locale} class="excerpt">
          <Highlighted text={excerpt(description.text, 180)} terms={terms} />
        </p>
      )}
      <p class="tags">
        {categoryNames.map((n) => (
          <span class="tag">{n}</span>
        ))}
        <span class={`tag cost-${service.cost}`}>{t(`cost.${service.cost}`)}</span>
        {service.is_demo && <span class="tag demo">{t('services.demoBadge')}</span>}
      </p>
      <VerifiedLine t={t} locale={locale} at={service.last_verified_at} by={null} freshness={service.freshness} />
    </article>
  );
}

/** When it was last verified and by whom; past the re-verification age, a "Not verified since …" badge. */
export function VerifiedLine(props: {
  t: Translate;
  locale: Locale;
  at: Date | null;
  by: string | null;
  freshness?: 'fresh' | 'stale' | 'hidden' | undefined;
}) {
  const { t, locale, at, freshness } = props;
  const by = verifiedByText(props.by, t);
  if (!at) return <p class="verified unverified">{t('services.notVerified')}</p>;
  const date = formatDate(at, locale);
  const stale = freshness === 'stale' || freshness === 'hidden';
  return (
    <p class="verified">
      {stale && <span class="badge badge-stale">{t('freshness.stale', { date })}</span>}
      {stale && ' '}
      <time dateTime={at.toISOString()}>
        {by ? t('services.verifiedOnBy', { date, who: by }) : t('services.verifiedOn', { date })}
      </time>
    </p>
  );
}

function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
