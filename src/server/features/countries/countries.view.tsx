// Country pages: every country with published services, and one country's overview (needs, cities, links to the
// list, the map and the print directory, and "Save for offline"). Plain links and lists: no images, no script
// beyond the offline pack island the control brings.
import { formatDate, pickText } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { withQuery } from '../../ui/page.js';
import { OfflinePackControl } from '../offline/offline-pack.view.js';
import type { CountryOverview } from './countries.service.js';

export function CountryListPage(props: { ctx: PageContext; countries: { country: string; services: number }[] }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const countries = props.countries
    .map((c) => ({ ...c, name: countryName(t, c.country) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <Layout ctx={ctx} title={t('countryPages.title')}>
      <h1>{t('countryPages.title')}</h1>
      <p class="lead">{t('countryPages.intro')}</p>
      {countries.length ? (
        <ul class="tiles">
          {countries.map((c) => (
            <li>
              <a href={`/${locale}/countries/${c.country}`}>
                {c.name} <span class="count">({t('countryPages.services', { count: c.services })})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('countryPages.empty')}</p>
      )}
    </Layout>
  );
}

export function CountryPage(props: { ctx: PageContext; overview: CountryOverview }) {
  const { ctx, overview } = props;
  const { t, locale } = ctx;
  const { country } = overview;
  const name = countryName(t, country);
  const list = (query: Record<string, string>) => withQuery(`/${locale}/services`, { country, ...query });
  return (
    <Layout ctx={ctx} title={name}>
      <p class="meta">
        <a href={`/${locale}/countries`}>{t('countryPages.allCountries')}</a>
      </p>
      <h1>{name}</h1>
      <p class="lead">
        {t('countryPages.summary', { count: overview.services })}
        {overview.lastVerifiedAt && (
          <>
            {' · '}
            {t('countryPages.lastVerified', { date: formatDate(overview.lastVerifiedAt, locale) })}
          </>
        )}
      </p>
      <nav aria-label={t('countryPages.linksLabel', { country: name })}>
        <ul class="country-links">
          <li>
            <a href={list({})}>{t('countryPages.seeList')}</a>
          </li>
          {!ctx.lite && (
            <li>
              <a href={`/${locale}/map?country=${country}`}>{t('countryPages.seeMap')}</a>
            </li>
          )}
          <li>
            <a href={`/${locale}/print/${country}`}>{t('countryPages.print')}</a>
          </li>
        </ul>
      </nav>
      <OfflinePackControl t={t} locale={locale} country={country} countryName={name} services={overview.services} />
      <section aria-labelledby="by-category">
        <h2 id="by-category">{t('countryPages.byCategory')}</h2>
        <ul class="tiles">
          {overview.categories.map((term) => (
            <li>
              <a href={list({ category: term.code })}>
                {pickText(term.name, locale, 'en')?.text ?? term.code} <span class="count">({term.services})</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-city">
        <h2 id="by-city">{t('countryPages.byCity')}</h2>
        <ul class="tiles">
          {overview.cities.map((c) => (
            <li>
              <a href={list({ city: c.city })}>
                {c.city} <span class="count">({c.services})</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
