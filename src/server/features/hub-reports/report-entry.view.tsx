// The reporter's pages: the hubs and their recent months, and one month's form — one number field per cell, grouped
// per data element, total first — that works on a phone with JavaScript off. Rule failures and unusual figures show
// next to their fields and in a summary at the top. Submitted and approved reports are shown read-only.
import { intlLocale, type Locale, type Translate } from '../../i18n/i18n.js';
import { CsrfField } from '../../ui/form.view.js';
import { OutboxFields } from '../submissions/outbox-form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import type { HubReportStatus } from '../../db/schema.js';
import type { Hub, ReportState } from './hub-reports.service.js';
import { monthToIso, parsePeriod, periodLabel } from './periods.js';
import type { DataElement, ReportMetadata } from './report-metadata.repository.js';
import {
  cellField,
  cellKey,
  MAX_CELL_VALUE,
  type CellKey,
  type CellValues,
  type OutlierFlag,
  type RuleResult,
  type ValueError,
} from './report-validation.js';

// ---- Pieces shared with the review pages ------------------------------------------------------------------------

export const formatCount = (locale: Locale, value: number) => new Intl.NumberFormat(intlLocale(locale)).format(value);
export const monthLabel = (locale: Locale, month: string) =>
  periodLabel(parsePeriod(month) ?? { id: month, type: 'Monthly', months: [month], start: '', end: '' }, locale);
export const pick = (names: Record<string, string | undefined>, locale: Locale) =>
  names[locale] || names.es || names.en || Object.values(names).find(Boolean) || '';
export const inputId = (key: CellKey) => `v-${key.replace('.', '-')}`;
export const fieldsetId = (elementId: string) => `de-${elementId}`;

export function StatusBadge({ t, status }: { t: Translate; status: HubReportStatus | null }) {
  return (
    <span class={status === 'returned' ? 'badge badge-stale' : 'badge'}>
      {t(`hubentry.status.${status ?? 'none'}`)}
    </span>
  );
}

/** What a cell is called inside its element's fieldset: the option names, or "Total" for the default cell. */
export function cellLabel(t: Translate, locale: Locale, element: DataElement, cocIndex: number): string {
  const coc = element.cocs[cocIndex]!;
  return coc.isDefault ? t('hubentry.form.total') : pick(coc.name, locale);
}

/** Where a rule failure is told: in the fieldsets of both sides, with the sums on each. */
export function ruleMessages(t: Translate, locale: Locale, metadata: ReportMetadata, result: RuleResult) {
  const sides = [
    { elementId: result.rule.left.dataElement, here: result.left, there: result.right, other: result.rule.right },
    { elementId: result.rule.right.dataElement, here: result.right, there: result.left, other: result.rule.left },
  ];
  return sides.map((side) => ({
    elementId: side.elementId,
    text: t('hubentry.rule.detail', {
      rule: pick(result.rule.name, locale),
      here: formatCount(locale, side.here),
      there: formatCount(locale, side.there),
      other: pick(metadata.elementById.get(side.other.dataElement)?.name ?? {}, locale),
    }),
  }));
}

/** The figures of a report as tables, one per data element; optional earlier months as extra columns. */
export function FiguresTables(props: {
  ctx: PageContext;
  metadata: ReportMetadata;
  values: CellValues;
  outliers?: OutlierFlag[];
  earlier?: { period: string; status: HubReportStatus; values: CellValues }[];
}) {
  const { ctx, metadata, values, earlier = [] } = props;
  const { t, locale } = ctx;
  const flagged = new Map((props.outliers ?? []).map((o) => [o.key, o]));
  const shown = (v: number | undefined) => (v === undefined ? '—' : formatCount(locale, v));
  return (
    <>
      {metadata.dataElements.map((element) => (
        <div class="table-wrap">
          <table class="data-table">
            <caption>
              <strong>{pick(element.name, locale)}</strong>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('hubentry.figures.cell')}</th>
                <th scope="col">
                  {earlier.length > 0 ? t('hubentry.figures.thisMonth') : t('hubentry.figures.value')}
                </th>
                {earlier.map((past) => (
                  <th scope="col">
                    {monthLabel(locale, past.period)} <StatusBadge t={t} status={past.status} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {element.cocs.map((coc, index) => {
                const key = cellKey(element.id, coc.id);
                const flag = flagged.get(key);
                return (
                  <tr>
                    <th scope="row">{cellLabel(t, locale, element, index)}</th>
                    <td>
                      {shown(values.get(key))}
                      {flag && (
                        <>
                          {' '}
                          <span class="badge badge-stale">
                            {t('hubentry.outlier.flag', {
                              median: formatCount(locale, flag.median),
                              months: flag.months,
                            })}
                          </span>
                        </>
                      )}
                    </td>
                    {earlier.map((past) => (
                      <td>{shown(past.values.get(key))}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

// ---- The hubs and their months ---------------------------------------------------------------------------------

export interface HubMonths {
  hub: Hub;
  months: { period: string; status: HubReportStatus | null }[];
}

export function HubListPage({ ctx, hubs }: { ctx: PageContext; hubs: HubMonths[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('hubentry.list.title')}>
      <h1>{t('hubentry.list.title')}</h1>
      {hubs.length === 0 ? (
        <p class="notice">{t('hubentry.list.noHubs')}</p>
      ) : (
        <p class="lead">{t('hubentry.list.intro')}</p>
      )}
      {hubs.map(({ hub, months }) => {
        const base = `/${locale}/hub/reports/${hub.id}`;
        return (
          <section aria-labelledby={`hub-${hub.id}`}>
            <h2 id={`hub-${hub.id}`}>{pick(hub.name, locale)}</h2>
            <div class="table-wrap">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('hubentry.list.month')}</th>
                    <th scope="col">{t('hubentry.list.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr>
                      <td>
                        <a href={`${base}/${monthToIso(m.period)}`}>{monthLabel(locale, m.period)}</a>
                      </td>
                      <td>
                        <StatusBadge t={t} status={m.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <form class="filters" method="get" action={base}>
              <div class="field">
                <label for={`month-${hub.id}`}>{t('hubentry.list.otherMonth')}</label>
                <p class="hint" id={`month-hint-${hub.id}`}>
                  {t('hubentry.list.otherMonthHint')}
                </p>
                <input
                  id={`month-${hub.id}`}
                  name="month"
                  inputMode="numeric"
                  maxLength={7}
                  autocomplete="off"
                  aria-describedby={`month-hint-${hub.id}`}
                />
              </div>
              <div class="actions">
                <button class="button button-secondary" type="submit">
                  {t('hubentry.list.go')}
                </button>
              </div>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

// ---- One month's form ------------------------------------------------------------------------------------------

export interface EntryProblems {
  /** What the reporter tried (the summary's wording), when the post was refused. */
  attempt?: 'save' | 'submit' | undefined;
  valueErrors?: Map<CellKey, ValueError> | undefined;
  /** Rule failures to show as errors (a refused submission). */
  blocking?: RuleResult[] | undefined;
  totalMissing?: boolean | undefined;
  confirmRequired?: boolean | undefined;
  /** The post was made from an older version of the report. */
  stale?: boolean | undefined;
}

export interface EntryPageProps {
  ctx: PageContext;
  csrf: string;
  state: ReportState;
  /** Figures as typed (a refused post), else the stored ones are shown. */
  typed?: Map<CellKey, string> | undefined;
  problems?: EntryProblems | undefined;
  /** The rule results and unusual figures to show (of the typed figures after a refused post). */
  results?: RuleResult[] | undefined;
  outliers?: OutlierFlag[] | undefined;
  done?: 'saved' | 'submitted' | undefined;
}

interface SummaryItem {
  href: string;
  text: string;
}

function summaryItems(props: EntryPageProps, totalKey: CellKey): SummaryItem[] {
  const { ctx, state, problems = {} } = props;
  const { t, locale } = ctx;
  const items: SummaryItem[] = [];
  if (problems.totalMissing) items.push({ href: `#${inputId(totalKey)}`, text: t('hubentry.rule.totalRequired') });
  for (const element of state.metadata.dataElements) {
    element.cocs.forEach((coc, index) => {
      const key = cellKey(element.id, coc.id);
      const error = problems.valueErrors?.get(key);
      if (!error) return;
      const label = `${pick(element.name, locale)} — ${cellLabel(t, locale, element, index)}`;
      items.push({ href: `#${inputId(key)}`, text: `${label}: ${valueErrorText(t, locale, error)}` });
    });
  }
  for (const result of problems.blocking ?? []) {
    items.push({ href: `#${fieldsetId(result.rule.left.dataElement)}`, text: pick(result.rule.name, locale) });
  }
  if (problems.confirmRequired)
    items.push({ href: '#outliers_confirmed', text: t('hubentry.outlier.confirmRequired') });
  return items;
}

export function valueErrorText(t: Translate, locale: Locale, error: ValueError): string {
  return t(`hubentry.value.${error}`, { max: formatCount(locale, MAX_CELL_VALUE) });
}

export function EntryPage(props: EntryPageProps) {
  const { ctx, csrf, state, problems = {}, done } = props;
  const { t, locale } = ctx;
  const { metadata, hub, period, report } = state;
  const results = props.results ?? state.results;
  const outliers = props.outliers ?? state.outliers;
  const status = report?.status ?? null;
  const editable = status !== 'submitted' && status !== 'approved';
  const month = monthLabel(locale, period);
  const title = t('hubentry.form.title', { month });
  const action = `/${locale}/hub/reports/${hub.id}/${monthToIso(period)}`;
  const totalElement = metadata.dataElements[0]!;
  const totalKey = cellKey(totalElement.id, totalElement.cocs[0]!.id);
  const items = summaryItems(props, totalKey);
  // Rule messages per fieldset: blocking failures of a refused submission, warnings always.
  const shownRules = [
    ...(problems.blocking ?? []),
    ...results.filter((r) => !r.passed && r.rule.importance === 'warning'),
  ];
  const messagesOf = new Map<string, { id: string; text: string; blocking: boolean }[]>();
  for (const result of shownRules) {
    for (const message of ruleMessages(t, locale, metadata, result)) {
      const list = messagesOf.get(message.elementId) ?? [];
      list.push({
        id: `rule-${result.rule.id}-${message.elementId}`,
        text: message.text,
        blocking: result.rule.importance === 'blocking',
      });
      messagesOf.set(message.elementId, list);
    }
  }
  const flagged = new Map(outliers.map((o) => [o.key, o]));
  const shownValue = (key: CellKey) =>
    props.typed?.get(key) ?? (state.values.has(key) ? String(state.values.get(key)) : '');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${locale}/hub/reports`}>{t('hubentry.form.back')}</a>
      </p>
      <h1>{title}</h1>
      <dl>
        <dt>{t('hubentry.form.hub')}</dt>
        <dd>{pick(hub.name, locale)}</dd>
        <dt>{t('hubentry.list.status')}</dt>
        <dd>
          <StatusBadge t={t} status={status} />
        </dd>
      </dl>
      {(status === 'returned' || status === 'draft') && report?.review_comment && (
        <div class="notice notice-warn" role="note">
          <p>
            <strong>{t('hubentry.form.returned')}</strong>
          </p>
          <p>{report.review_comment}</p>
        </div>
      )}
      {done && (
        <p class="notice" role="status">
          {t(`hubentry.done.${done}`)}
        </p>
      )}
      {problems.stale && (
        <p class="error-summary" role="alert">
          {t('hubentry.form.stale')}
        </p>
      )}
      {items.length > 0 && (
        // Focused on load (autofocus on an element with tabindex=-1), which also scrolls it into view.
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
          <p>
            <strong>
              {t(problems.attempt === 'submit' ? 'hubentry.form.summarySubmit' : 'hubentry.form.summarySave')}
            </strong>
          </p>
          <ul>
            {items.map((item) => (
              <li>
                <a href={item.href}>{item.text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status === 'submitted' && <p class="notice">{t('hubentry.form.submittedNote')}</p>}
      {status === 'approved' && <p class="notice">{t('hubentry.form.approvedNote')}</p>}
      {!editable ? (
        <FiguresTables ctx={ctx} metadata={metadata} values={state.values} />
      ) : (
        <form
          class="form"
          method="post"
          action={action}
          data-offline-outbox
          data-outbox-label={t('outbox.label.hubReport', { hub: pick(hub.name, locale), month })}
        >
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={String(report?.version ?? 0)} />
          <p class="hint">{t('hubentry.form.intro')}</p>
          {outliers.length > 0 && <p class="notice notice-warn">{t('hubentry.outlier.intro')}</p>}
          {metadata.dataElements.map((element) => {
            const messages = messagesOf.get(element.id) ?? [];
            const ruleIds = messages.filter((m) => m.blocking).map((m) => m.id);
            return (
              <fieldset id={fieldsetId(element.id)}>
                <legend>{pick(element.name, locale)}</legend>
                {pick(element.description, locale) && <p class="hint">{pick(element.description, locale)}</p>}
                {messages.map((message) =>
                  message.blocking ? (
                    <p class="field-error" id={message.id}>
                      {message.text}
                    </p>
                  ) : (
                    <p class="notice notice-warn" id={message.id}>
                      {t('hubentry.rule.warning', { text: message.text })}
                    </p>
                  ),
                )}
                <div class="field-row">
                  {element.cocs.map((coc, index) => {
                    const key = cellKey(element.id, coc.id);
                    const id = inputId(key);
                    const error = problems.valueErrors?.get(key);
                    const missing = problems.totalMissing && key === totalKey;
                    const flag = flagged.get(key);
                    const described = [
                      error || missing ? `${id}-error` : null,
                      flag ? `${id}-flag` : null,
                      ...ruleIds,
                    ].filter(Boolean);
                    return (
                      <div class="field">
                        <label for={id}>{cellLabel(t, locale, element, index)}</label>
                        {(error || missing) && (
                          <p class="field-error" id={`${id}-error`}>
                            {error ? valueErrorText(t, locale, error) : t('hubentry.rule.totalRequired')}
                          </p>
                        )}
                        {flag && (
                          <p class="badge badge-stale" id={`${id}-flag`}>
                            {t('hubentry.outlier.flag', {
                              median: formatCount(locale, flag.median),
                              months: flag.months,
                            })}
                          </p>
                        )}
                        <input
                          id={id}
                          name={cellField(key)}
                          type="text"
                          inputMode="numeric"
                          autocomplete="off"
                          maxLength={12}
                          value={shownValue(key)}
                          aria-invalid={error || missing || ruleIds.length > 0 ? 'true' : undefined}
                          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
                        />
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
          {outliers.length > 0 && (
            <div class="field">
              {problems.confirmRequired && (
                <p class="field-error" id="outliers_confirmed-error">
                  {t('hubentry.outlier.confirmRequired')}
                </p>
              )}
              <p class="checks">
                <label>
                  <input
                    type="checkbox"
                    id="outliers_confirmed"
                    name="outliers_confirmed"
                    value="1"
                    aria-invalid={problems.confirmRequired ? 'true' : undefined}
                    aria-describedby={problems.confirmRequired ? 'outliers_confirmed-error' : undefined}
                  />
                  {t('hubentry.outlier.confirm')}
                </label>
              </p>
            </div>
          )}
          <div class="actions">
            <button class="button button-secondary" type="submit" name="action" value="save">
              {t('hubentry.form.save')}
            </button>
            <button class="button" type="submit" name="action" value="submit">
              {t('hubentry.form.submit')}
            </button>
          </div>
          <p class="hint">{t('hubentry.form.saveHint')}</p>
          <OutboxFields t={t} />
        </form>
      )}
    </Layout>
  );
}
