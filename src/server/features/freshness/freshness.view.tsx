// Pages of a re-verification link: the listing with the one button the mail's link chose, and the thank-you page.
import { formatDate } from '../../i18n/i18n.js';
import { CsrfField } from '../../ui/form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import type { ListingSummary } from './freshness.repository.js';
import { serviceNames, type ReverifyAnswer } from './freshness.service.js';

function Summary({ ctx, summary }: { ctx: PageContext; summary: ListingSummary }) {
  const { t, locale } = ctx;
  const services = serviceNames(summary, locale);
  return (
    <dl>
      <dt>{t('freshness.summary.organization')}</dt>
      <dd>{summary.name}</dd>
      <dt>{t('freshness.summary.services')}</dt>
      <dd>
        {services.length ? (
          <ul>
            {services.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('freshness.summary.cities')}</dt>
      <dd>{summary.cities.length ? summary.cities.join(', ') : '—'}</dd>
      <dt>{t('freshness.summary.lastVerified')}</dt>
      <dd>{summary.last_verified_at ? formatDate(summary.last_verified_at, locale) : t('freshness.summary.never')}</dd>
    </dl>
  );
}

export function VerifyPage(props: {
  ctx: PageContext;
  summary: ListingSummary;
  answer: ReverifyAnswer;
  action: string;
  csrf: string;
}) {
  const { ctx, summary, answer, action, csrf } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('freshness.verify.title')}>
      <h1>{t('freshness.verify.title')}</h1>
      <p>{t('freshness.verify.intro')}</p>
      <Summary ctx={ctx} summary={summary} />
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        <input type="hidden" name="answer" value={answer} />
        <p class="hint">{answer === 'ok' ? t('freshness.verify.okHint') : t('freshness.verify.changesHint')}</p>
        <div class="actions">
          <button class="button" type="submit">
            {answer === 'ok' ? t('freshness.verify.okButton') : t('freshness.verify.changesButton')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function VerifiedPage({ ctx, summary }: { ctx: PageContext; summary: ListingSummary }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('freshness.thanks.title')}>
      <h1>{t('freshness.thanks.title')}</h1>
      <p class="notice" role="status">
        {t('freshness.thanks.body', { name: summary.name })}
      </p>
      <Summary ctx={ctx} summary={summary} />
    </Layout>
  );
}
