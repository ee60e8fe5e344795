// One service: what, for whom, when, cost, documents, where, how to reach them, and who checked it.
import type { Translated } from '../../db/schema.js';
import { pickText, type LocalizedText } from '../../i18n/i18n.js';
import { countryName, languageName, weekdayName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { presentLocation } from '../locations/locations.presenter.js';
import type { SiteFacts } from '../site/site.service.js';
import type { ServiceRecord } from './services.service.js';
import { VerifiedLine } from './services.view.js';
import { ShareBlock } from '../print/share.view.js';

export function ServiceDetailPage(props: {
  ctx: PageContext;
  facts: SiteFacts;
  service: ServiceRecord;
  /** The public origin (public-origin.ts), for the share block's absolute link; no share block without it. */
  origin?: string;
}) {
  const { ctx, facts, service, origin } = props;
  const { t, locale } = ctx;
  const original = service.original_locale;
  const text = (field: Translated): LocalizedText | null => pickText(field, locale, original);
  const name = text(service.name);
  const description = text(service.description);
  const eligibility = text(service.eligibility_description);
  const fees = text(service.fees_description);
  const apply = text(service.application_process);
  const scheduleNotes = text(service.schedule_notes);
  const categories = service.categories.map((code) => facts.categories.find((c) => c.code === code)).filter((c) => !!c);
  return (
    <Layout ctx={ctx} title={name?.text ?? ''}>
      <article class="service">
        <header>
          <h1 lang={name?.locale}>{name?.text}</h1>
          <p class="meta">
            <a href={`/${locale}/organizations/${service.organization_id}`}>{service.organization_name}</a>
            {service.is_demo && <span class="tag demo">{t('services.demoBadge')}</span>}
          </p>
          <VerifiedLine
            t={t}
            locale={locale}
            at={service.last_verified_at}
            by={service.verified_by}
            freshness={service.freshness}
          />
          {service.freshness === 'hidden' && (
            <p class="notice notice-warn" role="note">
              {!service.last_verified_at && <span class="badge badge-stale">{t('freshness.staleNever')}</span>}{' '}
              {t('freshness.hiddenNotice')}
            </p>
          )}
        </header>
        {description && <Prose text={description} />}

        <section>
          <h2>{t('service.offers')}</h2>
          <ul class="tags">
            {categories.map((term) => (
              <li class="tag">
                <a href={`/${locale}/services?category=${term.code}`}>{pickText(term.name, locale, 'en')?.text}</a>
              </li>
            ))}
          </ul>
        </section>

        <section>
          <h2>{t('service.forWhom')}</h2>
          {service.populations.length ? (
            <ul>
              {service.populations.map((p) => (
                <li>{t(`population.${p}`)}</li>
              ))}
            </ul>
          ) : (
            !eligibility && <p>{t('service.everyone')}</p>
          )}
          {eligibility && <Prose text={eligibility} />}
        </section>

        <section>
          <h2>{t('service.cost')}</h2>
          <p>{t(`cost.${service.cost}`)}</p>
          {fees && <Prose text={fees} />}
        </section>

        <section>
          <h2>{t('service.documents')}</h2>
          {service.documents.length ? (
            <ul>
              {service.documents.map((d) => {
                const doc = text(d.document);
                return <li lang={doc?.locale}>{doc?.text}</li>;
              })}
            </ul>
          ) : (
            <p>{t('service.noDocuments')}</p>
          )}
        </section>

        {apply && (
          <section>
            <h2>{t('service.howToApply')}</h2>
            <Prose text={apply} />
          </section>
        )}

        <section>
          <h2>{t('service.hours')}</h2>
          {service.schedules.length ? (
            <table class="hours">
              <tbody>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => {
                  const openings = service.schedules.filter((s) => s.weekday === day);
                  return (
                    <tr>
                      <th scope="row">{weekdayName(t, day)}</th>
                      <td>
                        {openings.length
                          ? openings.map((o) => `${o.opens_at}–${o.closes_at}`).join(', ')
                          : t('service.closed')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p>{t('service.noHours')}</p>
          )}
          {scheduleNotes && <Prose text={scheduleNotes} />}
        </section>

        {service.languages.length > 0 && (
          <section>
            <h2>{t('service.languages')}</h2>
            <p>{service.languages.map((code) => languageName(t, code)).join(', ')}</p>
          </section>
        )}

        <section>
          <h2>{t('service.where')}</h2>
          {service.locations.map((row) => {
            const place = presentLocation(row, locale, original);
            return (
              <div class="location">
                {place.name && <h3>{place.name}</h3>}
                <address>
                  {place.address && (
                    <>
                      {place.address.address_1}
                      {place.address.address_2 && `, ${place.address.address_2}`}
                      <br />
                    </>
                  )}
                  {[place.city, place.admin_area, place.address?.postal_code].filter(Boolean).join(', ')}
                  <br />
                  {countryName(t, place.country)}
                </address>
                {place.address_visibility === 'hidden' && <p class="note">{t('service.hiddenAddress')}</p>}
                {place.address_visibility === 'city' && <p class="note">{t('service.cityOnlyAddress')}</p>}
                {place.transportation && (
                  <p>
                    <strong>{t('service.howToGetThere')}:</strong> {place.transportation}
                  </p>
                )}
                {place.latitude !== null && place.longitude !== null && place.address_visibility === 'full' && (
                  <p class="no-print">
                    <a href={`geo:${place.latitude},${place.longitude}`}>{t('service.openInMaps')}</a>
                  </p>
                )}
              </div>
            );
          })}
        </section>

        <section>
          <h2>{t('service.contact')}</h2>
          <ul class="contacts">
            {service.phones.map((phone) => {
              const digits = phone.number.replace(/[^0-9+]/g, '');
              return (
                <li>
                  {t(`phoneType.${phone.type}`)}: <a href={`tel:${digits}`}>{phone.number}</a>
                  {phone.extension && ` ext. ${phone.extension}`}
                  {phone.whatsapp && (
                    <>
                      {' · '}
                      <a href={`https://wa.me/${digits.replace('+', '')}`}>{t('service.whatsapp')}</a>
                    </>
                  )}
                  {phone.type === 'text' && (
                    <>
                      {' · '}
                      <a href={`sms:${digits}`}>{t('service.sms')}</a>
                    </>
                  )}
                </li>
              );
            })}
            {service.email && (
              <li>
                {t('service.email')}: <a href={`mailto:${service.email}`}>{service.email}</a>
              </li>
            )}
            {service.url && (
              <li>
                {t('service.website')}: <a href={service.url}>{service.url}</a>
              </li>
            )}
          </ul>
        </section>
        <p class="muted no-print">{t('service.print')}</p>
        {origin !== undefined && (
          <ShareBlock
            t={t}
            locale={locale}
            target={{
              id: service.id,
              name: name?.text ?? '',
              url: `${origin}/${locale}/services/${service.id}`,
              countries: [...new Set(service.locations.map((l) => l.country_code.trim().toUpperCase()))],
            }}
          />
        )}
      </article>
    </Layout>
  );
}

function Prose(props: { text: LocalizedText }) {
  return (
    <div lang={props.text.locale}>
      {props.text.text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => (
          <p>{p}</p>
        ))}
    </div>
  );
}
