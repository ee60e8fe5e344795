// Printed pages: the directory of a country or city (a cover, then one page per category, a QR code per service)
// and a service's card (one A6 box). No script is needed to read or print them; the print stylesheet drops the
// site's frame and starts each category on a new sheet.
import type { Locale } from '../../db/schema.js';
import { assetUrl, islandAssets } from '../../http/assets.js';
import { formatDate, pickText, type Translate } from '../../i18n/i18n.js';
import { countryName, weekdayName } from '../../i18n/names.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { withQuery } from '../../ui/page.js';
import { presentLocation, type PublicLocation } from '../locations/locations.presenter.js';
import type { QrShape } from './qr.js';
import type { PrintDirectory, PrintOpening, PrintPhone, PrintService, ServiceCard } from './print.service.js';

/** A QR code as inline SVG: presentation attributes only (no style attribute), with an accessible name. */
export function Qr(props: { qr: QrShape; label: string }) {
  const { size, dark } = props.qr;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="qr"
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={props.label}
    >
      <path fill="#ffffff" d={`M0 0h${size}v${size}H0z`} />
      <path stroke="#000000" d={dark} />
    </svg>
  );
}

/** Opening hours in a few lines: consecutive days with the same hours share one ("Monday–Friday: 08:00–16:00"). */
export function hoursLines(t: Translate, schedules: PrintOpening[]): string[] {
  const byDay = [1, 2, 3, 4, 5, 6, 7].map((day) =>
    schedules
      .filter((s) => s.weekday === day)
      .map((s) => `${s.opens_at}–${s.closes_at}`)
      .join(', '),
  );
  const lines: string[] = [];
  let start = 0;
  for (let day = 1; day <= 7; day++) {
    if (day < 7 && byDay[day] === byDay[start]) continue;
    const hours = byDay[start];
    if (hours) {
      const first = weekdayName(t, start + 1);
      const days = day - 1 > start ? `${first}–${weekdayName(t, day)}` : first;
      lines.push(`${days}: ${hours}`);
    }
    start = day;
  }
  return lines;
}

function Address(props: { t: Translate; place: PublicLocation; withCountry?: boolean }) {
  const { t, place } = props;
  const street = place.address ? [place.address.address_1, place.address.address_2].filter(Boolean).join(', ') : '';
  const town = [place.city, place.admin_area].filter(Boolean).join(', ');
  return (
    <p class="print-address">
      {street && (
        <>
          {street}
          <br />
        </>
      )}
      {town}
      {props.withCountry && `, ${countryName(t, place.country)}`}
      {place.address_visibility === 'hidden' && (
        <>
          <br />
          <em>{t('print.addressHidden')}</em>
        </>
      )}
      {place.address_visibility === 'city' && (
        <>
          <br />
          <em>{t('print.addressCity')}</em>
        </>
      )}
    </p>
  );
}

function Phones(props: { t: Translate; phones: PrintPhone[] }) {
  const { t, phones } = props;
  if (!phones.length) return null;
  return (
    <ul class="print-phones">
      {phones.map((phone) => {
        const digits = phone.number.replace(/[^0-9+]/g, '');
        return (
          <li>
            {t(`phoneType.${phone.type}`)}: <a href={`tel:${digits}`}>{phone.number}</a>
            {phone.extension && ` ext. ${phone.extension}`}
            {phone.whatsapp && ` · ${t('print.whatsapp')}`}
          </li>
        );
      })}
    </ul>
  );
}

function Hours(props: { t: Translate; schedules: PrintOpening[] }) {
  const lines = hoursLines(props.t, props.schedules);
  return (
    <p class="print-hours">
      {lines.length
        ? lines.map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))
        : props.t('service.noHours')}
    </p>
  );
}

function Entry(props: { t: Translate; service: PrintService }) {
  const { t, service } = props;
  const name = service.name?.text ?? '';
  return (
    <article class="print-entry">
      <div class="print-entry-text">
        <h3 lang={service.name?.locale}>{name}</h3>
        <p class="print-org">{service.organization}</p>
        {service.locations.map((place) => (
          <Address t={t} place={place} />
        ))}
        <Phones t={t} phones={service.phones} />
        <Hours t={t} schedules={service.schedules} />
        {service.description && (
          <p class="print-description" lang={service.description.locale}>
            {service.description.text}
          </p>
        )}
      </div>
      <figure class="print-qr">
        <Qr qr={service.qr} label={t('print.qrLabel', { name })} />
        <figcaption>
          <a href={service.url}>{service.url}</a>
        </figcaption>
      </figure>
    </article>
  );
}

export function PrintDirectoryPage(props: { ctx: PageContext; directory: PrintDirectory; printedAt: Date }) {
  const { ctx, directory, printedAt } = props;
  const { t, locale } = ctx;
  const country = countryName(t, directory.country);
  const place = directory.city ? `${directory.city}, ${country}` : country;
  const base = `/${locale}/print/${directory.country}`;
  const partLink = (page: number) =>
    withQuery(base, { city: directory.city ?? undefined, category: directory.category ?? undefined, page });
  const title = t('print.title', { place });
  return (
    <Layout ctx={ctx} title={title}>
      <link rel="stylesheet" href={assetUrl('print.css')} />
      <div class="print-doc">
        <section class="print-cover" aria-labelledby="print-title">
          <p class="print-brand">Rumbo</p>
          <h1 id="print-title">{title}</h1>
          <p>{t('print.printed', { date: formatDate(printedAt, locale) })}</p>
          {directory.parts > 1 && (
            <p>
              <strong>{t('print.part', { part: directory.part, parts: directory.parts })}</strong>{' '}
              {t('print.partNote', { per: directory.perPart, entries: directory.entries })}
            </p>
          )}
          {ctx.demo && (
            <p class="print-demo" role="note">
              {t('print.demo')}
            </p>
          )}
          <p class="print-howto">{t('print.qrHowTo')}</p>
          <p class="no-print">{t('print.hint')}</p>
          {directory.unknownCity !== null && (
            <p class="notice notice-warn" role="note">
              {t('print.unknownCity', { city: directory.unknownCity })}
            </p>
          )}
          <p>{t('print.count', { services: directory.services })}</p>
          {directory.sections.length > 0 ? (
            <nav aria-labelledby="print-contents">
              <h2 id="print-contents">{t('print.contents')}</h2>
              <ul class="print-contents">
                {directory.sections.map((section, i) => (
                  <li>
                    <a href={`#print-section-${i + 1}`}>{section.name || t('print.other')}</a> (
                    {t('print.sectionCount', { count: section.count })})
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            directory.unknownCity === null && <p>{t('print.empty')}</p>
          )}
          {directory.parts > 1 && (
            <nav class="no-print print-parts" aria-label={t('print.partsNav')}>
              <ul>
                {Array.from({ length: directory.parts }, (_, i) => i + 1).map((page) => (
                  <li>
                    <a href={partLink(page)} aria-current={page === directory.part ? 'page' : undefined}>
                      {t('print.part', { part: page, parts: directory.parts })}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {directory.cities.length > 1 && (
            <nav class="no-print print-cities" aria-labelledby="print-cities">
              <h2 id="print-cities">{t('print.cities')}</h2>
              <ul>
                <li>
                  <a href={withQuery(base, { category: directory.category ?? undefined })}>{t('print.allCities')}</a>
                </li>
                {directory.cities.map((city) => (
                  <li>
                    <a
                      href={withQuery(base, { city, category: directory.category ?? undefined })}
                      aria-current={city === directory.city ? 'page' : undefined}
                    >
                      {city}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </section>
        {directory.sections.map((section, i) => {
          const name = section.name || t('print.other');
          return (
            <section class="print-section" id={`print-section-${i + 1}`} aria-labelledby={`print-h-${i + 1}`}>
              <h2 id={`print-h-${i + 1}`}>
                {section.continued ? t('print.continued', { name }) : name}
                <span class="print-place"> · {place}</span>
              </h2>
              {section.services.map((service) => (
                <Entry t={t} service={service} />
              ))}
            </section>
          );
        })}
      </div>
    </Layout>
  );
}

export function ServiceCardPage(props: { ctx: PageContext; card: ServiceCard }) {
  const { ctx, card } = props;
  const { t, locale } = ctx;
  const { service } = card;
  const name = pickText(service.name, locale, service.original_locale);
  const places = service.locations.map((row) => presentLocation(row, locale, service.original_locale));
  const title = t('print.card.title', { name: name?.text ?? '' });
  return (
    <Layout ctx={ctx} title={title}>
      <link rel="stylesheet" href={assetUrl('print.css')} />
      <p class="no-print">
        <a href={`/${locale}/services/${service.id}`}>{t('print.card.back')}</a>
      </p>
      <p class="no-print">{t('print.card.hint')}</p>
      <p class="no-print">
        <button type="button" class="button" data-print hidden>
          {t('print.card.print')}
        </button>
      </p>
      <article class="service-card" aria-labelledby="card-name">
        <h1 id="card-name" lang={name?.locale}>
          {name?.text}
        </h1>
        <p class="print-org">{service.organization_name}</p>
        {service.is_demo && <p class="print-demo">{t('print.demo')}</p>}
        {places.map((place) => (
          <Address t={t} place={place} withCountry />
        ))}
        <Phones t={t} phones={service.phones} />
        <Hours t={t} schedules={service.schedules} />
        <figure class="print-qr">
          <Qr qr={card.qr} label={t('print.qrLabel', { name: name?.text ?? '' })} />
          <figcaption>
            {t('print.card.scan')}
            <br />
            <a href={card.url}>{card.url}</a>
          </figcaption>
        </figure>
      </article>
      <script type="module" src={islandAssets('share').script} />
    </Layout>
  );
}

/** Where a service's printable card lives. */
export function cardPath(locale: Locale, id: string): string {
  return `/${locale}/services/${id}/card`;
}
