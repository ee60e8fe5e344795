// The "Share" block of a service page: the page's address in a read-only field (copyable with no script), plain
// WhatsApp and SMS links (nothing leaves the page until one is followed), the printable card and the country's
// printable directory. The share island only adds "Copy link" and the phone's own share sheet.
import type { Locale, Translate } from '../../i18n/i18n.js';
import { islandAssets } from '../../http/assets.js';
import { countryName } from '../../i18n/names.js';
import { cardPath } from './print.view.js';

export interface ShareTarget {
  id: string;
  name: string;
  /** The absolute URL of the service page. */
  url: string;
  /** Countries of the service's places, for links to their printable directories. */
  countries: string[];
}

/** The text a share link carries: the service's name, then its address. */
export function shareText(name: string, url: string): string {
  return name ? `${name} ${url}` : url;
}

export function whatsappLink(name: string, url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(shareText(name, url))}`;
}

export function smsLink(name: string, url: string): string {
  return `sms:?&body=${encodeURIComponent(shareText(name, url))}`;
}

export function ShareBlock(props: { t: Translate; locale: Locale; target: ShareTarget }) {
  const { t, locale, target } = props;
  return (
    <section class="share no-print" aria-labelledby="share-title" data-share>
      <h2 id="share-title">{t('print.share.title')}</h2>
      <p class="share-url">
        <label for="share-url">{t('print.share.urlLabel')}</label>
        <input id="share-url" type="url" readOnly value={target.url} data-share-url />
        <button type="button" class="button" data-share-copy hidden>
          {t('print.share.copy')}
        </button>{' '}
        <button type="button" class="button" data-share-native data-share-title={target.name} hidden>
          {t('print.share.native')}
        </button>
        <span
          class="share-status"
          role="status"
          data-share-status
          data-copied={t('print.share.copied')}
          data-failed={t('print.share.copyFailed')}
        ></span>
      </p>
      <ul class="share-links">
        <li>
          <a href={whatsappLink(target.name, target.url)} rel="noopener noreferrer">
            {t('print.share.whatsapp')}
          </a>
        </li>
        <li>
          <a href={smsLink(target.name, target.url)}>{t('print.share.sms')}</a>
        </li>
        <li>
          <a href={cardPath(locale, target.id)}>{t('print.share.card')}</a>
        </li>
        {target.countries.map((code) => (
          <li>
            <a href={`/${locale}/print/${code}`}>{t('print.share.directory', { country: countryName(t, code) })}</a>
          </li>
        ))}
      </ul>
      <script type="module" src={islandAssets('share').script} />
    </section>
  );
}
