// Pages: one organization with its services; diaspora organizations by origin and residence.
import { pickText } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import { FilterSelect } from '../../ui/filter-select.view.js';
import type { ServiceSummary } from '../services/services.service.js';
import { ServiceCard, VerifiedLine } from '../services/services.view.js';
import type { SiteFacts } from '../site/site.service.js';
import type { OrganizationRecord, OrganizationSummary } from './organizations.service.js';

export function OrganizationPage(props: {
  ctx: PageContext;
  facts: SiteFacts;
  organization: OrganizationRecord;
  services: ServiceSummary[];
  servicesTotal: number;
  page: number;
  perPage: number;
}) {
  const { ctx, facts, organization: org, services } = props;
  const { t, locale } = ctx;
  const description = pickText(org.description, locale, org.original_locale);
  return (
    <Layout ctx={ctx} title={org.name}>
      <article>
        <header>
          <h1>{org.name}</h1>
          <p class="meta">
            {t(`organizationKind.${org.kind}`)}
            {org.is_demo && <span class="tag demo">{t('services.demoBadge')}</span>}
          </p>
          <VerifiedLine t={t} locale={locale} at={org.last_verified_at} by={org.verified_by} />
        </header>
        {description && <p lang={description.locale}>{description.text}</p>}
        <CountryLines ctx={ctx} organization={org} />
        {(org.phones.length > 0 || org.email || org.website) && (
          <section>
            <h2>{t('organization.contact')}</h2>
            <ul class="contacts">
              {org.phones.map((p) => (
                <li>
                  {t(`phoneType.${p.type}`)}: <a href={`tel:${p.number.replace(/[^0-9+]/g, '')}`}>{p.number}</a>
                </li>
              ))}
              {org.email && (
                <li>
                  {t('service.email')}: <a href={`mailto:${org.email}`}>{org.email}</a>
                </li>
              )}
              {org.website && (
                <li>
                  {t('service.website')}: <a href={org.website}>{org.website}</a>
                </li>
              )}
            </ul>
          </section>
        )}
        <section>
          <h2>{t('organization.services')}</h2>
          {services.length === 0 ? (
            <p>{t('organization.noServices')}</p>
          ) : (
            <ol class="cards">
              {services.map((service) => (
                <li>
                  <ServiceCard service={service} t={t} locale={locale} facts={facts} />
                </li>
              ))}
            </ol>
          )}
          <Pagination
            t={t}
            path={`/${locale}/organizations/${org.id}`}
            query={{}}
            page={props.page}
            perPage={props.perPage}
            total={props.servicesTotal}
          />
        </section>
      </article>
    </Layout>
  );
}

function CountryLines(props: { ctx: PageContext; organization: OrganizationSummary }) {
  const { t } = props.ctx;
  const { origin_countries: origin, residence_countries: residence } = props.organization;
  if (!origin.length && !residence.length) return null;
  return (
    <dl class="countries">
      {origin.length > 0 && (
        <>
          <dt>{t('organization.origin')}</dt>
          <dd>{origin.map((c) => countryName(t, c)).join(', ')}</dd>
        </>
      )}
      {residence.length > 0 && (
        <>
          <dt>{t('organization.residence')}</dt>
          <dd>{residence.map((c) => countryName(t, c)).join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

export function DiasporaPage(props: {
  ctx: PageContext;
  countries: { relation: 'origin' | 'residence'; country_code: string }[];
  filters: { origin?: string | undefined; residence?: string | undefined };
  items: OrganizationSummary[];
  total: number;
  page: number;
  perPage: number;
}) {
  const { ctx, filters, items, total } = props;
  const { t, locale } = ctx;
  const options = (relation: 'origin' | 'residence') =>
    props.countries
      .filter((c) => c.relation === relation)
      .map((c) => ({ code: c.country_code.trim(), name: countryName(t, c.country_code) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <Layout ctx={ctx} title={t('diaspora.title')}>
      <h1>{t('diaspora.title')}</h1>
      <p>{t('diaspora.intro')}</p>
      <form class="filters" method="get" action={`/${locale}/diaspora`}>
        <fieldset>
          <legend>{t('services.filters')}</legend>
          {(['origin', 'residence'] as const).map((relation) => (
            <FilterSelect
              label={t(`diaspora.${relation}`)}
              name={relation}
              anyLabel={t('services.any')}
              selected={filters[relation]}
              options={options(relation).map((c) => ({ value: c.code, label: c.name }))}
            />
          ))}
          <div class="actions">
            <button type="submit">{t('diaspora.apply')}</button>
            <a href={`/${locale}/diaspora`}>{t('services.clear')}</a>
          </div>
        </fieldset>
      </form>
      <p class="result-count" role="status">
        {t('diaspora.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p class="empty">{t('diaspora.empty')}</p>
      ) : (
        <ol class="cards">
          {items.map((org) => {
            const description = pickText(org.description, locale, org.original_locale);
            return (
              <li>
                <article class="card">
                  <h2>
                    <a href={`/${locale}/organizations/${org.id}`}>{org.name}</a>
                  </h2>
                  <CountryLines ctx={ctx} organization={org} />
                  {description && (
                    <p class="excerpt" lang={description.locale}>
                      {description.text}
                    </p>
                  )}
                  {org.is_demo && (
                    <p class="tags">
                      <span class="tag demo">{t('services.demoBadge')}</span>
                    </p>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        t={t}
        path={`/${locale}/diaspora`}
        query={{ ...filters }}
        page={props.page}
        perPage={props.perPage}
        total={total}
      />
    </Layout>
  );
}
