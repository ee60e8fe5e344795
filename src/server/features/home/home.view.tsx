// The home page: find services by need or by country, or diaspora organizations.
import { pickText } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import type { SiteFacts } from '../site/site.service.js';

export function HomePage(props: { ctx: PageContext; facts: SiteFacts }) {
  const { ctx, facts } = props;
  const { t, locale } = ctx;
  const countries = facts.countries
    .map((c) => ({ ...c, name: countryName(t, c.country_code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <section aria-labelledby="by-need">
        <h2 id="by-need">{t('home.byNeed')}</h2>
        <ul class="tiles">
          {facts.categories.map((term) => (
            <li>
              <a href={`/${locale}/services?category=${term.code}`}>{pickText(term.name, locale, 'en')?.text}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-country">
        <h2 id="by-country">{t('home.byCountry')}</h2>
        <ul class="tiles">
          {countries.map((c) => (
            <li>
              <a href={`/${locale}/services?country=${c.country_code}`}>
                {c.name} <span class="count">({c.services})</span>
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={`/${locale}/countries`}>{t('countryPages.homeLink')}</a>
        </p>
      </section>
      <section aria-labelledby="diaspora">
        <h2 id="diaspora">{t('home.diasporaHeading')}</h2>
        <p>{t('home.diasporaIntro')}</p>
        <p>
          <a class="button" href={`/${locale}/diaspora`}>
            {t('home.diasporaLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
