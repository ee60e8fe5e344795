// The hub dashboards page: filters (a GET form), headline sentences, and one section per chart with its SVG, its
// table and a link to its CSV. Which figures the viewer sees (public or full) is said at the top.
import { intlLocale, type Translate } from '../../i18n/i18n.js';
import { countryName } from '../../i18n/names.js';
import { FilterSelect } from '../../ui/filter-select.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { withQuery } from '../../ui/page.js';
import { parsePeriod, quarterOf } from '../hub-reports/periods.js';
import type { Shown } from '../hub-reports/suppression.js';
import { periodName } from './hub-dashboards.periods.js';
import type { ChartId, ChartRow, Dashboard, Headline } from './hub-dashboards.service.js';
import { BarChart, ColumnChart } from './svg-charts.js';

/** Rows of a chart's table on the page; the CSV has them all. */
const TABLE_ROWS = 100;
/** Bars drawn in the hub comparison. */
const CHART_HUBS = 20;

export function numberFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(intlLocale(locale));
}

/** The text of a figure on the page: the number, "<5", or the withheld mark. */
export function shownText(t: Translate, format: Intl.NumberFormat, shown: Shown): string {
  if (shown.kind === 'value') return format.format(shown.value);
  return shown.kind === 'small' ? t('hubdash.small') : t('hubdash.withheldMark');
}

export function dashboardPath(locale: string, chart?: ChartId) {
  return chart ? `/${locale}/dashboards/hubs/${chart}.csv` : `/${locale}/dashboards/hubs`;
}

export function HubDashboardPage(props: { ctx: PageContext; dashboard: Dashboard }) {
  const { ctx, dashboard } = props;
  const { t, locale } = ctx;
  const { period, countryCode, version } = dashboard;
  const format = numberFormat(locale);
  const query = {
    period: period?.id,
    country: countryCode ?? undefined,
    view: version === 'public' && dashboard.canSeeFull ? 'public' : undefined,
  };
  const place = countryCode ? countryName(t, countryCode) : t('hubdash.region');
  return (
    <Layout ctx={ctx} title={t('hubdash.title')}>
      <h1>{t('hubdash.title')}</h1>
      <p>{t('hubdash.intro')}</p>
      <VersionNote ctx={ctx} dashboard={dashboard} query={query} />
      <Filters ctx={ctx} dashboard={dashboard} />
      {!period || !dashboard.headline ? (
        <p role="status">{t('hubdash.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="hubdash-headline">
            <h2 id="hubdash-headline">{t('hubdash.headlineTitle', { period: periodName(t, period), place })}</h2>
            <Headlines ctx={ctx} headline={dashboard.headline} periodLabel={periodName(t, period)} place={place} />
          </section>
          {CHART_SECTIONS.map(({ id, kind }) => (
            <ChartSection
              ctx={ctx}
              id={id}
              kind={kind}
              rows={dashboard.charts[id]}
              format={format}
              csvHref={withQuery(dashboardPath(locale, id), query)}
              subtitle={id === 'trend' ? period.id.slice(0, 4) : `${periodName(t, period)} · ${place}`}
            />
          ))}
          <p class="muted">{t(version === 'public' ? 'hubdash.publicFootnote' : 'hubdash.fullFootnote')}</p>
        </>
      )}
    </Layout>
  );
}

const CHART_SECTIONS: { id: ChartId; kind: 'columns' | 'bars' }[] = [
  { id: 'trend', kind: 'columns' },
  { id: 'countries', kind: 'bars' },
  { id: 'sex', kind: 'bars' },
  { id: 'age', kind: 'bars' },
  { id: 'nationality', kind: 'bars' },
  { id: 'services', kind: 'bars' },
  { id: 'referrals', kind: 'bars' },
  { id: 'hubs', kind: 'bars' },
];

function VersionNote(props: { ctx: PageContext; dashboard: Dashboard; query: Record<string, string | undefined> }) {
  const { ctx, dashboard, query } = props;
  const { t, locale } = ctx;
  const switchTo =
    dashboard.version === 'full'
      ? withQuery(dashboardPath(locale), { ...query, view: 'public' })
      : withQuery(dashboardPath(locale), { ...query, view: undefined });
  return (
    <p class={`dash-version dash-version-${dashboard.version}`} role="note">
      <strong>{t(dashboard.version === 'public' ? 'hubdash.version.public' : 'hubdash.version.full')}</strong>{' '}
      {t(dashboard.version === 'public' ? 'hubdash.version.publicHelp' : 'hubdash.version.fullHelp')}{' '}
      {dashboard.canSeeFull && (
        <a href={switchTo}>
          {t(dashboard.version === 'public' ? 'hubdash.version.seeFull' : 'hubdash.version.seePublic')}
        </a>
      )}
    </p>
  );
}

function Filters(props: { ctx: PageContext; dashboard: Dashboard }) {
  const { ctx, dashboard } = props;
  const { t, locale } = ctx;
  const selected = dashboard.period?.id;
  // The periods with data, and the one asked for even when it has none (the form must not show another).
  const withSelected = (ids: string[], type: string) =>
    selected && dashboard.period?.type === type && !ids.includes(selected) ? [selected, ...ids] : ids;
  const months = withSelected(dashboard.facets.months, 'Monthly');
  const years = withSelected([...new Set(dashboard.facets.months.map((m) => m.slice(0, 4)))], 'Yearly');
  const quarters = withSelected([...new Set(dashboard.facets.months.map(quarterOf))], 'Quarterly');
  const option = (id: string) => (
    <option value={id} selected={selected === id}>
      {periodName(t, parsePeriod(id)!)}
    </option>
  );
  const countries = dashboard.facets.countries
    .map((code) => ({ value: code, label: countryName(t, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <form class="filters" method="get" action={dashboardPath(locale)}>
      <fieldset>
        <legend>{t('hubdash.filters')}</legend>
        <label>
          {t('hubdash.period.label')}
          <select name="period">
            <optgroup label={t('hubdash.period.years')}>{years.map(option)}</optgroup>
            <optgroup label={t('hubdash.period.quarters')}>{quarters.map(option)}</optgroup>
            <optgroup label={t('hubdash.period.months')}>{months.map(option)}</optgroup>
          </select>
        </label>
        <FilterSelect
          label={t('hubdash.country')}
          name="country"
          anyLabel={t('hubdash.allCountries')}
          selected={dashboard.countryCode ?? undefined}
          options={countries}
        />
        {dashboard.version === 'public' && dashboard.canSeeFull && <input type="hidden" name="view" value="public" />}
        <div class="actions">
          <button type="submit">{t('hubdash.apply')}</button>
        </div>
      </fieldset>
    </form>
  );
}

function Headlines(props: { ctx: PageContext; headline: Headline; periodLabel: string; place: string }) {
  const { ctx, headline, periodLabel, place } = props;
  const { t } = ctx;
  const people = headline.people;
  const sentences = [
    people.kind === 'value'
      ? t('hubdash.headline.people', {
          period: periodLabel,
          countries: headline.countries,
          people: people.value,
        })
      : t(people.kind === 'small' ? 'hubdash.headline.peopleSmall' : 'hubdash.headline.peopleWithheld', {
          period: periodLabel,
          countries: headline.countries,
        }),
    t('hubdash.headline.hubs', { hubs: headline.hubs, place }),
  ];
  if (headline.womenShare !== null) sentences.push(t('hubdash.headline.women', { share: headline.womenShare }));
  if (headline.topService) {
    sentences.push(
      t('hubdash.headline.topService', { service: headline.topService.label, count: headline.topService.value }),
    );
  }
  return (
    <ul class="dash-headlines">
      {sentences.map((sentence) => (
        <li>{sentence}</li>
      ))}
    </ul>
  );
}

function ChartSection(props: {
  ctx: PageContext;
  id: ChartId;
  kind: 'columns' | 'bars';
  rows: ChartRow[];
  format: Intl.NumberFormat;
  csvHref: string;
  subtitle: string;
}) {
  const { ctx, id, kind, rows, format, csvHref, subtitle } = props;
  const { t } = ctx;
  const title = t(`hubdash.charts.${id}`);
  const text = (shown: Shown) => shownText(t, format, shown);
  const drawn = id === 'hubs' ? rows.slice(0, CHART_HUBS) : rows;
  const Chart = kind === 'columns' ? ColumnChart : BarChart;
  return (
    <section class="dash-chart" aria-labelledby={`chart-${id}`}>
      <h2 id={`chart-${id}`}>{title}</h2>
      <p class="muted">{subtitle}</p>
      {rows.length === 0 ? (
        <p>{t('hubdash.noFigures')}</p>
      ) : (
        <>
          <Chart id={`svg-${id}`} title={`${title} — ${subtitle}`} data={drawn} format={text} />
          {id === 'hubs' && rows.length > CHART_HUBS && (
            <p class="muted">{t('hubdash.hubsDrawn', { shown: CHART_HUBS, total: rows.length })}</p>
          )}
          <details>
            <summary>{t('hubdash.table')}</summary>
            <div class="table-wrap">
              <table class="data-table">
                <caption>{`${title} — ${subtitle}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`hubdash.columns.${id}`)}</th>
                    <th scope="col">{t('hubdash.columns.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, TABLE_ROWS).map((row) => (
                    <tr>
                      <th scope="row">{row.label}</th>
                      <td>{row.shown.kind === 'suppressed' ? t('hubdash.withheld') : text(row.shown)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.length > TABLE_ROWS && <p class="muted">{t('hubdash.tableCut', { shown: TABLE_ROWS })}</p>}
          </details>
        </>
      )}
      <p>
        <a href={csvHref} download>
          {t('hubdash.csv', { chart: title })}
        </a>
      </p>
    </section>
  );
}
