// The page frame every public page shares: language links, navigation, the demo-data notice, footer.
import type { ComponentChildren } from 'preact';
import { LOCALES, type Locale, type Translate } from '../i18n/i18n.js';
import { assetUrl, islandAssets } from '../http/assets.js';

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The path after the locale, with its query string, so the language links keep the user where they are. */
  pathInLocale: string;
  /** Whether the directory holds demo data (shows the notice). */
  demo: boolean;
  /** Lite mode (features/settings: the visitor's choice or `Save-Data: on`): no images, no map. */
  lite?: boolean;
}

const LANGUAGE_NAMES: Record<Locale, string> = {
  es: 'Español',
  en: 'English',
  fr: 'Français',
  ht: 'Kreyòl ayisyen',
  pt: 'Português',
};

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx, title, children } = props;
  const { locale, t } = ctx;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Rumbo`}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="manifest" href={`/${locale}/manifest.webmanifest`} />
        <meta name="theme-color" content="#0b5d4b" />
        <script type="module" src={islandAssets('sw-register').script} />
        {LOCALES.map((l) => (
          <link rel="alternate" hrefLang={l} href={`/${l}${ctx.pathInLocale}`} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href={`/${locale}`}>
            Rumbo
          </a>
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <a href={`/${locale}/services`}>{t('nav.services')}</a>
              </li>
              {!ctx.lite && (
                <li>
                  <a href={`/${locale}/map`}>{t('map.nav')}</a>
                </li>
              )}
              <li>
                <a href={`/${locale}/diaspora`}>{t('nav.diaspora')}</a>
              </li>
              <li>
                <a href={`/${locale}/news`}>{t('news.nav')}</a>
              </li>
              <li>
                <a href={`/${locale}/dashboards/hubs`}>{t('hubdash.nav')}</a>
              </li>
              <li>
                <a href="/api/docs">{t('nav.api')}</a>
              </li>
              <li>
                <a href={`/${locale}/submit`}>{t('accounts.nav.submit')}</a>
              </li>
              <li>
                <a href={`/${locale}/login`}>{t('accounts.nav.signIn')}</a>
              </li>
            </ul>
          </nav>
          <nav aria-label={t('nav.languages')} class="languages">
            <ul>
              {LOCALES.map((l) => (
                <li>
                  <a
                    href={`/${l}${ctx.pathInLocale}`}
                    hrefLang={l}
                    lang={l}
                    aria-current={l === locale ? 'true' : undefined}
                  >
                    {LANGUAGE_NAMES[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {ctx.demo && (
          // A landmark of its own (complementary), so that no text of the page sits outside one.
          <aside class="demo-notice">
            <p>{t('site.demoNotice')}</p>
          </aside>
        )}
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>{t('site.footer')}</p>
          <p>
            <a href={`/${locale}/settings`}>{t(ctx.lite ? 'settings.footerOn' : 'settings.footer')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
