// The moderators' pages: the queue of hub reports by status, and one report with its figures, the results of the
// checks, the hub's previous months and the decisions (approve, return with a comment; admins: unlock).
import type { ComponentChildren } from 'preact';
import type { HubReportStatus } from '../../db/schema.js';
import type { FieldErrors } from '../../http/form.js';
import type { Translate } from '../../i18n/i18n.js';
import { CsrfField, FieldError, errorId } from '../../ui/form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { withQuery } from '../../ui/page.js';
import { Pagination } from '../../ui/pagination.view.js';
import type { PastReport, QueueEntry } from './hub-reports.repository.js';
import type { ReportState } from './hub-reports.service.js';
import { UNLOCK_TARGETS } from './hub-reports.service.js';
import { COMMENT_MAX } from './report-entry.schema.js';
import { FiguresTables, formatCount, monthLabel, pick, StatusBadge } from './report-entry.view.js';

export const QUEUE_PER_PAGE = 25;
export const QUEUE_STATUSES = ['submitted', 'returned', 'approved', 'draft'] as const satisfies HubReportStatus[];

const when = (t: Translate, value: Date | string | null) =>
  value ? t('hubentry.review.date', { date: value instanceof Date ? value : new Date(value) }) : '—';

export function ReviewQueuePage(props: {
  ctx: PageContext;
  entries: QueueEntry[];
  total: number;
  status: HubReportStatus;
  page: number;
}) {
  const { ctx, entries, total, status, page } = props;
  const { t, locale } = ctx;
  const path = `/${locale}/admin/hub-reports`;
  return (
    <Layout ctx={ctx} title={t('hubentry.review.title')}>
      <h1>{t('hubentry.review.title')}</h1>
      <nav aria-label={t('hubentry.review.byStatus')}>
        <ul class="counts">
          {QUEUE_STATUSES.map((s) => (
            <li>
              <a href={withQuery(path, { status: s })} aria-current={s === status ? 'page' : undefined}>
                {t(`hubentry.status.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="counts">{t('hubentry.review.total', { total })}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('hubentry.review.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('hubentry.form.hub')}</th>
                <th scope="col">{t('hubentry.list.month')}</th>
                <th scope="col">{t('hubentry.review.country')}</th>
                <th scope="col">{t('hubentry.review.submitted')}</th>
                <th scope="col">{t('hubentry.review.people')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td>
                    <a href={`${path}/${entry.id}`}>{pick(entry.hubName, locale)}</a>
                  </td>
                  <td>{monthLabel(locale, entry.period)}</td>
                  <td>{entry.countryCode}</td>
                  <td>{when(t, entry.submittedAt)}</td>
                  <td>{entry.peopleAssisted === null ? '—' : formatCount(locale, entry.peopleAssisted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination t={t} path={path} query={{ status }} page={page} perPage={QUEUE_PER_PAGE} total={total} />
    </Layout>
  );
}

export interface ReviewErrors {
  form: 'return' | 'unlock';
  fields: FieldErrors;
  values: Record<string, string>;
}

export interface ReviewPageProps {
  ctx: PageContext;
  csrf: string;
  state: ReportState & { report: NonNullable<ReportState['report']> };
  earlier: PastReport[];
  canDecide: boolean;
  canUnlock: boolean;
  done?: 'approved' | 'returned' | 'unlocked' | undefined;
  errors?: ReviewErrors | undefined;
}

function ChecksTable({ ctx, state }: { ctx: PageContext; state: ReviewPageProps['state'] }) {
  const { t, locale } = ctx;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('hubentry.review.rule')}</th>
            <th scope="col">{t('hubentry.review.sums')}</th>
            <th scope="col">{t('hubentry.review.result')}</th>
          </tr>
        </thead>
        <tbody>
          {state.results.map((result) => (
            <tr>
              <td>{pick(result.rule.name, locale)}</td>
              <td>
                {formatCount(locale, result.left)}{' '}
                {result.rule.operator === '==' ? '=' : result.rule.operator === '<=' ? '≤' : '≥'}{' '}
                {formatCount(locale, result.right)}
              </td>
              <td>
                {result.passed ? (
                  <span class="badge">{t('hubentry.review.passed')}</span>
                ) : (
                  <span class="badge badge-stale">
                    {t(result.rule.importance === 'blocking' ? 'hubentry.review.failed' : 'hubentry.review.warning')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TextForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  version: number;
  name: 'comment' | 'reason';
  label: string;
  button: string;
  errors: FieldErrors | undefined;
  value: string;
  children?: ComponentChildren;
}) {
  const { t, name, errors } = props;
  const id = `${name}-field`;
  return (
    <form class="form" method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.children}
      <div class="field">
        <label for={id}>{props.label}</label>
        <FieldError errors={errors} field={name} t={t} />
        <textarea
          id={id}
          name={name}
          rows={4}
          maxLength={COMMENT_MAX}
          required
          aria-invalid={errors?.[name] ? 'true' : undefined}
          aria-describedby={errors?.[name] ? errorId(name) : undefined}
        >
          {props.value}
        </textarea>
      </div>
      <div class="actions">
        <button class="button button-secondary" type="submit">
          {props.button}
        </button>
      </div>
    </form>
  );
}

export function ReviewPage(props: ReviewPageProps) {
  const { ctx, csrf, state, earlier, errors } = props;
  const { t, locale } = ctx;
  const { report, hub, metadata } = state;
  const base = `/${locale}/admin/hub-reports/${report.id}`;
  const title = t('hubentry.review.detailTitle', {
    hub: pick(hub.name, locale),
    month: monthLabel(locale, report.period),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${locale}/admin/hub-reports`}>{t('hubentry.review.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.done && (
        <p class="notice" role="status">
          {t(`hubentry.done.${props.done}`)}
        </p>
      )}
      {errors && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{t('form.errors.summary')}</p>
        </div>
      )}
      <dl>
        <dt>{t('hubentry.list.status')}</dt>
        <dd>
          <StatusBadge t={t} status={report.status} />
        </dd>
        <dt>{t('hubentry.review.country')}</dt>
        <dd>{report.country_code}</dd>
        <dt>{t('hubentry.review.submitted')}</dt>
        <dd>{when(t, report.submitted_at)}</dd>
        {report.review_comment && (
          <>
            <dt>{t('hubentry.review.comment')}</dt>
            <dd>{report.review_comment}</dd>
          </>
        )}
        <dt>{t('hubentry.review.history')}</dt>
        <dd>
          <a href={`/${locale}/admin/audit/hub_report/${report.id}`}>{t('hubentry.review.historyLink')}</a>
        </dd>
      </dl>
      {report.outliers_confirmed && <p class="notice notice-warn">{t('hubentry.review.outliersConfirmed')}</p>}
      <h2>{t('hubentry.review.checks')}</h2>
      <ChecksTable ctx={ctx} state={state} />
      <h2>{t('hubentry.review.figures')}</h2>
      {earlier.length === 0 && <p>{t('hubentry.review.noPrevious')}</p>}
      <FiguresTables ctx={ctx} metadata={metadata} values={state.values} outliers={state.outliers} earlier={earlier} />
      {props.canDecide && report.status === 'submitted' && (
        <section aria-labelledby="decide">
          <h2 id="decide">{t('hubentry.review.decide')}</h2>
          <form class="form" method="post" action={`${base}/approve`}>
            <CsrfField token={csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            <div class="actions">
              <button class="button" type="submit">
                {t('hubentry.review.approve')}
              </button>
            </div>
          </form>
          <TextForm
            t={t}
            csrf={csrf}
            action={`${base}/return`}
            version={report.version}
            name="comment"
            label={t('hubentry.review.returnLabel')}
            button={t('hubentry.review.return')}
            errors={errors?.form === 'return' ? errors.fields : undefined}
            value={errors?.form === 'return' ? (errors.values.comment ?? '') : ''}
          />
        </section>
      )}
      {props.canUnlock && report.status === 'approved' && (
        <section aria-labelledby="unlock">
          <h2 id="unlock">{t('hubentry.review.unlock')}</h2>
          <p class="hint">{t('hubentry.review.unlockHint')}</p>
          <TextForm
            t={t}
            csrf={csrf}
            action={`${base}/unlock`}
            version={report.version}
            name="reason"
            label={t('hubentry.review.unlockLabel')}
            button={t('hubentry.review.unlock')}
            errors={errors?.form === 'unlock' ? errors.fields : undefined}
            value={errors?.form === 'unlock' ? (errors.values.reason ?? '') : ''}
          >
            <fieldset>
              <legend>{t('hubentry.review.unlockTo')}</legend>
              <FieldError errors={errors?.form === 'unlock' ? errors.fields : undefined} field="to" t={t} />
              <p class="checks">
                {UNLOCK_TARGETS.map((target, index) => (
                  <label>
                    <input type="radio" name="to" value={target} checked={index === 0} />
                    {t(`hubentry.status.${target}`)}
                  </label>
                ))}
              </p>
            </fieldset>
          </TextForm>
        </section>
      )}
    </Layout>
  );
}
