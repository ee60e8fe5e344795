// The offline page (/{locale}/offline): the service worker shows it for any page that is not kept on the device.
// Its island (src/client/islands/offline.client.ts) reads the address the user wanted and answers from the saved
// country packs: a search (with the list's words and filters), a service, or the list of what is saved.
import type { Translate } from '../../i18n/i18n.js';
import { islandAssets } from '../../http/assets.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';

/** Strings the island needs, by the name it uses. */
const ISLAND_STRINGS = {
  packOne: 'offline.page.packOne',
  packOther: 'offline.page.packOther',
  noPacks: 'offline.page.noPacks',
  resultsOne: 'offline.page.resultsOne',
  resultsOther: 'offline.page.resultsOther',
  none: 'offline.page.none',
  didYouMean: 'offline.page.didYouMean',
  firstShown: 'offline.page.firstShown',
  notSaved: 'offline.page.notSaved',
  serviceNotSaved: 'offline.page.serviceNotSaved',
  savedCopy: 'offline.page.savedCopy',
  all: 'offline.page.all',
  organization: 'offline.service.organization',
  address: 'offline.service.address',
  phones: 'offline.service.phones',
  email: 'offline.service.email',
  website: 'offline.service.website',
  hours: 'offline.service.hours',
  fees: 'offline.service.fees',
  languages: 'offline.service.languages',
  categories: 'offline.service.categories',
  verified: 'offline.service.verified',
  onMap: 'offline.service.onMap',
  back: 'offline.service.back',
} as const;

export type OfflineStrings = Record<keyof typeof ISLAND_STRINGS, string>;

/** A message with its placeholders left as "{name}", for an island to fill in ("{count}" → "12"). */
export function template(t: Translate, key: string): string {
  const keepNames = new Proxy({}, { has: () => true, get: (_target, name) => `{${String(name)}}` });
  return t(key, keepNames as Record<string, string>);
}

export function offlineStrings(t: Translate): OfflineStrings {
  const entries = Object.entries(ISLAND_STRINGS).map(([name, key]) => [name, template(t, key)]);
  return Object.fromEntries(entries) as OfflineStrings;
}

/** JSON for a <script type="application/json"> block: "<" escaped so no text can close the element. */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function OfflinePage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const island = islandAssets('offline');
  return (
    <Layout ctx={ctx} title={t('offline.page.title')}>
      <div class="offline-app" data-offline-app data-locale={locale}>
        <h1 data-offline-heading>{t('offline.page.title')}</h1>
        <p class="lead">{t('offline.page.intro')}</p>
        <noscript>
          <p>{t('offline.page.noScript')}</p>
        </noscript>
        <p class="notice" data-offline-notice role="status" hidden></p>
        <section aria-labelledby="offline-saved" data-offline-saved hidden>
          <h2 id="offline-saved">{t('offline.page.savedHeading')}</h2>
          <ul data-offline-packs></ul>
        </section>
        <form class="filters" role="search" action={`/${locale}/services`} method="get" data-offline-search hidden>
          <fieldset>
            <legend>{t('offline.page.searchHeading')}</legend>
            <label>
              {t('offline.page.searchLabel')}
              <input name="q" type="search" maxLength={200} autocomplete="off" />
            </label>
            <label>
              {t('offline.page.countryLabel')}
              <select name="country"></select>
            </label>
            <label>
              {t('offline.page.categoryLabel')}
              <select name="category"></select>
            </label>
            <label>
              {t('offline.page.cityLabel')}
              <select name="city"></select>
            </label>
          </fieldset>
          <p>
            <button type="submit">{t('offline.page.searchButton')}</button>
          </p>
        </form>
        <p data-offline-count role="status" aria-live="polite"></p>
        <ol class="cards" data-offline-results></ol>
        <article class="service" data-offline-service hidden></article>
        <section aria-labelledby="offline-pages" data-offline-pages hidden>
          <h2 id="offline-pages">{t('offline.page.visitedHeading')}</h2>
          <ul></ul>
        </section>
      </div>
      <script
        type="application/json"
        id="offline-strings"
        dangerouslySetInnerHTML={{ __html: jsonBlock(offlineStrings(t)) }}
      />
      <script type="module" src={island.script} />
    </Layout>
  );
}
