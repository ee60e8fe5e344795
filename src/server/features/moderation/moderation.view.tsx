// Moderation pages: the queue (filters, counts, oldest first) and one submission compared field by field with the
// live record, its likely duplicates and the decision forms. Works without JavaScript.
import type { FieldErrors } from '../../http/form.js';
import type { Translate } from '../../i18n/i18n.js';
import { CsrfField, ErrorSummary, FieldError, errorId } from '../../ui/form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { withQuery } from '../../ui/page.js';
import { Pagination } from '../../ui/pagination.view.js';
import type { ListingChange } from '../listings/listing-diff.js';
import type { DuplicateCandidate } from '../listings/listing-duplicates.repository.js';
import {
  QUEUE_STATUSES,
  type QueueCounts,
  type QueueEntry,
  type QueueStatus,
  type SubmissionRow,
} from './moderation.repository.js';
import { MESSAGE_MAX } from './moderation.schema.js';

export const QUEUE_PER_PAGE = 25;

const dateText = (t: Translate, value: Date | string | null) =>
  value ? t('moderation.date', { date: value instanceof Date ? value : new Date(value) }) : '—';

export function QueuePage(props: {
  ctx: PageContext;
  entries: QueueEntry[];
  total: number;
  counts: QueueCounts;
  query: { status: QueueStatus; country?: string | undefined; kind?: 'new_listing' | 'edit' | undefined };
  page: number;
  countries: string[];
}) {
  const { ctx, entries, total, counts, query, page, countries } = props;
  const { locale, t } = ctx;
  const path = `/${locale}/admin/moderation`;
  return (
    <Layout ctx={ctx} title={t('moderation.queue.title')}>
      <h1>{t('moderation.queue.title')}</h1>
      <nav aria-label={t('moderation.queue.byStatus')}>
        <ul class="counts">
          {QUEUE_STATUSES.map((status) => {
            const count = counts.byStatus.find((c) => c.status === status)?.count ?? 0;
            return (
              <li>
                <a href={withQuery(path, { status })} aria-current={status === query.status ? 'page' : undefined}>
                  {t(`moderation.status.${status}`)} ({count})
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <h2>{t('moderation.queue.byCountry')}</h2>
      {counts.byCountry.length === 0 ? (
        <p>{t('moderation.queue.empty')}</p>
      ) : (
        <ul class="counts">
          {counts.byCountry.map((c) => (
            <li>
              <a href={withQuery(path, { status: query.status, country: c.countryCode ?? undefined })}>
                {c.countryCode ?? t('moderation.queue.noCountry')}: {c.count}
              </a>
            </li>
          ))}
        </ul>
      )}
      <form class="filters" method="get" action={path} role="search">
        <div class="field-row">
          <div class="field">
            <label for="status">{t('moderation.queue.status')}</label>
            <select id="status" name="status">
              {QUEUE_STATUSES.map((status) => (
                <option value={status} selected={status === query.status}>
                  {t(`moderation.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="country">{t('moderation.queue.country')}</label>
            <select id="country" name="country">
              <option value="">{t('moderation.queue.allCountries')}</option>
              {countries.map((code) => (
                <option value={code} selected={code === query.country}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="kind">{t('moderation.queue.kind')}</label>
            <select id="kind" name="kind">
              <option value="">{t('moderation.queue.allKinds')}</option>
              {(['new_listing', 'edit'] as const).map((kind) => (
                <option value={kind} selected={kind === query.kind}>
                  {t(`moderation.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="actions">
          <button class="button" type="submit">
            {t('moderation.queue.filter')}
          </button>
        </div>
      </form>
      <p class="counts">{t('moderation.queue.total', { total })}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('moderation.queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('moderation.queue.organization')}</th>
                <th scope="col">{t('moderation.queue.kind')}</th>
                <th scope="col">{t('moderation.queue.country')}</th>
                <th scope="col">{t('moderation.queue.submitted')}</th>
                <th scope="col">{t('moderation.queue.duplicates')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td>
                    <a href={`${path}/${entry.id}`}>{entry.organizationName || entry.id}</a>
                  </td>
                  <td>{t(`moderation.kind.${entry.kind}`)}</td>
                  <td>{entry.countryCode ?? '—'}</td>
                  <td>{dateText(t, entry.submittedAt)}</td>
                  <td>
                    {entry.duplicateCount > 0 && (
                      <span class="badge badge-stale">
                        {t('moderation.queue.duplicateFlag', { count: entry.duplicateCount })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        t={t}
        path={path}
        query={{ status: query.status, country: query.country, kind: query.kind }}
        page={page}
        perPage={QUEUE_PER_PAGE}
        total={total}
      />
    </Layout>
  );
}

export interface SubmissionPageProps {
  ctx: PageContext;
  csrf: string;
  submission: SubmissionRow;
  organizationName: string;
  changes: ListingChange[];
  showUnchanged: boolean;
  hiddenAddressKeys: string[];
  duplicates: DuplicateCandidate[];
  done?: string | undefined;
  errors?: { form: 'reject' | 'changes' | 'merge'; fields: FieldErrors; values: Record<string, string> } | undefined;
}

function resourceTitle(t: Translate, change: ListingChange): string {
  return `${t(`moderation.resource.${change.resourceType}`)}: ${change.label}`;
}

function ChangeTable({ t, changes, locale }: { t: Translate; changes: ListingChange[]; locale: string }) {
  if (changes.length === 0) return <p>{t('moderation.detail.noChanges')}</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('moderation.detail.record')}</th>
            <th scope="col">{t('moderation.detail.field')}</th>
            <th scope="col">{t('moderation.detail.before')}</th>
            <th scope="col">{t('moderation.detail.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const live = change.key !== 'organization' && !change.key.startsWith('new-');
            return (
              <tr class={change.kind === 'same' ? 'diff-unchanged' : undefined}>
                <td>
                  {resourceTitle(t, change)}
                  {live && (
                    <>
                      {' '}
                      <a href={`/${locale}/admin/audit/${change.resourceType}/${change.key}`}>
                        {t('moderation.detail.history')}
                      </a>
                    </>
                  )}
                </td>
                <td>{fieldLabel(t, change.field)}</td>
                <td class={change.kind === 'same' ? undefined : 'diff-before'}>
                  {change.before === null ? (
                    '—'
                  ) : change.kind === 'same' ? (
                    shownValue(t, change.field, change.before)
                  ) : (
                    <del>{shownValue(t, change.field, change.before)}</del>
                  )}
                </td>
                <td class={change.kind === 'same' ? undefined : 'diff-after'}>
                  {change.after === null ? (
                    '—'
                  ) : change.kind === 'same' ? (
                    shownValue(t, change.field, change.after)
                  ) : (
                    <ins>{shownValue(t, change.field, change.after)}</ins>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReasonForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  field: string;
  label: string;
  button: string;
  danger?: boolean;
  errors: FieldErrors | undefined;
  value: string;
}) {
  const { t, csrf, action, field, label, button, errors, value } = props;
  const id = `${field}-${action.split('/').pop() ?? ''}`;
  return (
    <form class="form" method="post" action={action}>
      <CsrfField token={csrf} />
      <div class="field">
        <label for={id}>{label}</label>
        <FieldError errors={errors} field="reason" t={t} />
        <textarea
          id={id}
          name="reason"
          rows={4}
          maxLength={MESSAGE_MAX}
          required
          aria-invalid={errors?.reason ? 'true' : undefined}
          aria-describedby={errors?.reason ? errorId('reason') : undefined}
        >
          {value}
        </textarea>
      </div>
      <button class={props.danger ? 'button button-danger' : 'button button-secondary'} type="submit">
        {button}
      </button>
    </form>
  );
}

export function SubmissionPage(props: SubmissionPageProps) {
  const { ctx, csrf, submission, changes, showUnchanged, duplicates, errors } = props;
  const { locale, t } = ctx;
  const base = `/${locale}/admin/moderation/${submission.id}`;
  const shown = showUnchanged ? changes : changes.filter((c) => c.kind !== 'same');
  const pending = submission.status === 'pending';
  const title = t('moderation.detail.title', { name: props.organizationName });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${locale}/admin/moderation`}>{t('moderation.detail.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.done && (
        <p class="notice" role="status">
          {t(`moderation.done.${props.done}`)}
        </p>
      )}
      {errors && <ErrorSummary errors={errors.fields} t={t} />}
      <dl>
        <dt>{t('moderation.queue.kind')}</dt>
        <dd>{t(`moderation.kind.${submission.kind}`)}</dd>
        <dt>{t('moderation.queue.status')}</dt>
        <dd>{t(`moderation.status.${submission.status}`)}</dd>
        <dt>{t('moderation.queue.country')}</dt>
        <dd>{submission.country_code ?? '—'}</dd>
        <dt>{t('moderation.queue.submitted')}</dt>
        <dd>{dateText(t, submission.submitted_at)}</dd>
        {submission.decision_reason && (
          <>
            <dt>{t('moderation.detail.reason')}</dt>
            <dd>{submission.decision_reason}</dd>
          </>
        )}
        {submission.organization_id && (
          <>
            <dt>{t('moderation.detail.liveRecord')}</dt>
            <dd>
              <a href={`/${locale}/organizations/${submission.organization_id}`}>{t('moderation.detail.publicPage')}</a>{' '}
              <a href={`/${locale}/admin/audit/organization/${submission.organization_id}`}>
                {t('moderation.detail.history')}
              </a>
            </dd>
          </>
        )}
      </dl>
      {props.hiddenAddressKeys.length > 0 && (
        <p class="notice notice-warn">
          {t('moderation.detail.hiddenAddress', { count: props.hiddenAddressKeys.length })}
        </p>
      )}
      <h2>{t('moderation.detail.changes')}</h2>
      <p>
        {showUnchanged ? (
          <a href={base}>{t('moderation.detail.hideUnchanged')}</a>
        ) : (
          <a href={withQuery(base, { unchanged: '1' })}>{t('moderation.detail.showUnchanged')}</a>
        )}
      </p>
      <ChangeTable t={t} changes={shown} locale={locale} />
      <h2>{t('moderation.detail.duplicates')}</h2>
      {duplicates.length === 0 ? (
        <p>{t('moderation.detail.noDuplicates')}</p>
      ) : (
        <ul>
          {duplicates.map((d) => (
            <li>
              <a href={`/${locale}/organizations/${d.organizationId}`}>{d.name}</a>{' '}
              {d.reasons.map((r) => (
                <span class="badge">{t(`moderation.reason.${r}`)}</span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {pending ? (
        <section aria-labelledby="decide">
          <h2 id="decide">{t('moderation.detail.decide')}</h2>
          <form class="form" method="post" action={`${base}/approve`}>
            <CsrfField token={csrf} />
            <button class="button" type="submit">
              {t('moderation.action.approve')}
            </button>
          </form>
          <ReasonForm
            t={t}
            csrf={csrf}
            action={`${base}/request-changes`}
            field="changes"
            label={t('moderation.action.changesLabel')}
            button={t('moderation.action.requestChanges')}
            errors={errors?.form === 'changes' ? errors.fields : undefined}
            value={errors?.form === 'changes' ? (errors.values.reason ?? '') : ''}
          />
          <ReasonForm
            t={t}
            csrf={csrf}
            action={`${base}/reject`}
            field="reject"
            label={t('moderation.action.rejectLabel')}
            button={t('moderation.action.reject')}
            danger
            errors={errors?.form === 'reject' ? errors.fields : undefined}
            value={errors?.form === 'reject' ? (errors.values.reason ?? '') : ''}
          />
          {duplicates.length > 0 && (
            <form class="form" method="post" action={`${base}/merge`}>
              <CsrfField token={csrf} />
              <fieldset>
                <legend>{t('moderation.action.mergeLabel')}</legend>
                <FieldError
                  errors={errors?.form === 'merge' ? errors.fields : undefined}
                  field="organization_id"
                  t={t}
                />
                <ul class="checks">
                  {duplicates.map((d) => (
                    <li>
                      <label>
                        <input
                          type="radio"
                          name="organization_id"
                          value={d.organizationId}
                          aria-describedby={errors?.form === 'merge' ? errorId('organization_id') : undefined}
                        />{' '}
                        {d.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button class="button button-secondary" type="submit">
                {t('moderation.action.merge')}
              </button>
            </form>
          )}
        </section>
      ) : (
        <p class="notice">{t('moderation.detail.decided')}</p>
      )}
    </Layout>
  );
}

const LANGUAGE_NAMES: Record<string, string> = {
  es: 'Español',
  en: 'English',
  fr: 'Français',
  ht: 'Kreyòl',
  pt: 'Português',
};

/** "description.en" → "Description (English)", in the moderator's language. */
function fieldLabel(t: Translate, field: string): string {
  const [base = field, language] = field.split('.');
  const key = `moderation.field.${base}`;
  const label = t(key) === key ? base : t(key);
  return language
    ? t('moderation.field.inLanguage', { field: label, language: LANGUAGE_NAMES[language] ?? language })
    : label;
}

/** Stored codes shown as the words the public pages use (cost, kind, who it is for, address shown). */
const CODE_LABELS: Record<string, (code: string) => string> = {
  cost: (code) => `cost.${code}`,
  kind: (code) => `organizationKind.${code}`,
  populations: (code) => `population.${code}`,
  address_visibility: (code) => `submissions.visibility.${code}`,
};

/** Opening hours are stored as "1 09:00-17:00" (ISO weekday): shown with the day's name. */
function shownValue(t: Translate, field: string, value: string): string {
  const label = CODE_LABELS[field];
  if (label) {
    return value
      .split(', ')
      .map((code) => (t(label(code)) === label(code) ? code : t(label(code))))
      .join(', ');
  }
  if (field !== 'hours') return value;
  const days = t('moderation.field.weekdays').split(' ');
  return value.replace(/(^|, )([1-7]) /g, (_, lead: string, day: string) => `${lead}${days[Number(day) - 1] ?? day} `);
}
