// The page shown for a 4xx/5xx on the site: the message in the user's language and a way back.
import { translator, type Locale } from '../i18n/i18n.js';
import { Layout } from './layout.view.js';
import { renderPage } from './render.js';

export function renderErrorPage(props: {
  locale: Locale;
  status: number;
  code: string;
  message: string;
  path: string;
}): string {
  const t = translator(props.locale);
  const ctx = { locale: props.locale, t, pathInLocale: '', demo: false };
  return renderPage(
    <Layout ctx={ctx} title={t('errors.title', { status: props.status })}>
      <h1>{t('errors.title', { status: props.status })}</h1>
      <p>{props.message}</p>
      <p class="muted">
        {t('errors.codeLabel')} <code>{props.code}</code>
      </p>
      <p>
        <a href={`/${props.locale}/services`}>{t('errors.backToServices')}</a>
      </p>
    </Layout>,
  );
}
