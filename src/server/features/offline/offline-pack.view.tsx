// The "Save for offline" control of a country page: the server renders it with its buttons hidden and a note that
// it needs JavaScript; the pack island (src/client/islands/pack.client.ts) shows the buttons, downloads the
// country's pack into the browser, stores what the map needs, and says how old the saved copy is.
import type { Locale, Translate } from '../../i18n/i18n.js';
import { islandAssets } from '../../http/assets.js';
import { jsonBlock, template } from './offline.view.js';

export interface OfflinePackControlProps {
  t: Translate;
  locale: Locale;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  countryName: string;
  /** Published services in the pack. */
  services: number;
}

const PACK_STRINGS = ['saving', 'savedOne', 'savedOther', 'unchanged', 'failed', 'removed', 'unsupported'] as const;

export function OfflinePackControl(props: OfflinePackControlProps) {
  const { t, locale, country, countryName, services } = props;
  const strings = Object.fromEntries(PACK_STRINGS.map((name) => [name, template(t, `offline.pack.${name}`)]));
  return (
    <section
      class="offline-pack notice"
      aria-labelledby="offline-pack-heading"
      data-offline-pack
      data-country={country}
      data-locale={locale}
      data-state="idle"
    >
      <h2 id="offline-pack-heading">{t('offline.pack.heading')}</h2>
      <p>{t('offline.pack.explain', { count: services, country: countryName })}</p>
      <p data-pack-noscript>{t('offline.pack.noScript')}</p>
      <p class="actions">
        <button type="button" data-pack-save hidden>
          {t('offline.pack.save')}
        </button>{' '}
        <button type="button" class="button-secondary" data-pack-remove hidden>
          {t('offline.pack.remove')}
        </button>{' '}
        <a href={`/${locale}/offline`} data-pack-open hidden>
          {t('offline.pack.open')}
        </a>
      </p>
      <p data-pack-status role="status" aria-live="polite"></p>
      <script type="application/json" data-pack-strings dangerouslySetInnerHTML={{ __html: jsonBlock(strings) }} />
      <script type="module" src={islandAssets('pack').script} />
    </section>
  );
}
