// The map page: title and explanation, the filters (shared with the list), the map island's container, then
// the filtered list of services — the whole page without JavaScript. The island is a small loader that offers
// the map (MapLibre is downloaded only when asked for, or when it is already on the device; see map.assets.ts).
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import { withQuery } from '../../ui/page.js';
import type { SiteFacts } from '../site/site.service.js';
import type { ServiceSummary } from '../services/services.service.js';
import { DirectoryFilterSelects, ServiceCard } from '../services/services.view.js';
import type { MapAssets } from './map.assets.js';
import { REGION_BOUNDS } from './map.basemap.js';
import { basemapUrl } from './map.routes.js';

export interface MapFilters {
  country?: string | undefined;
  category?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
}

export function MapPage(props: {
  ctx: PageContext;
  facts: SiteFacts;
  filters: MapFilters;
  items: ServiceSummary[];
  total: number;
  page: number;
  perPage: number;
  /** The map island's assets; null in lite mode (the page is then the list alone, no MapLibre). */
  island: MapAssets | null;
  styleUrl: string | undefined;
}) {
  const { ctx, facts, filters, items, total, island } = props;
  const { t, locale } = ctx;
  const filterQuery = withQuery('', { ...filters }).replace(/^\?/, '');
  return (
    <Layout ctx={ctx} title={t('map.title')}>
      {island?.styles.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <MapFilterForm ctx={ctx} facts={facts} filters={filters} />
      <p>
        <a href={withQuery(`/${locale}/services`, { ...filters })}>{t('map.openList')}</a>
      </p>
      {island && (
        <figure class="map-figure">
          <div
            id="map"
            class="map-island"
            role="region"
            aria-label={t('map.mapLabel')}
            data-clusters-url="/api/v1/map/clusters"
            data-filters={filterQuery}
            data-basemap110={basemapUrl('110m')}
            data-basemap50={basemapUrl('50m')}
            data-style-url={props.styleUrl}
            data-bounds={REGION_BOUNDS.join(',')}
            data-service-path={`/${locale}/services/`}
            data-controls={JSON.stringify({
              'NavigationControl.ZoomIn': t('map.controls.zoomIn'),
              'NavigationControl.ZoomOut': t('map.controls.zoomOut'),
              'AttributionControl.ToggleAttribution': t('map.controls.attribution'),
              'Map.Title': t('map.controls.canvas'),
            })}
            data-map-script={island.viewScript}
            data-map-files={island.viewFiles.join(' ')}
          >
            {/* Shown by the loader (hidden without JavaScript, where the list is the page). */}
            <div class="map-offer" hidden>
              <button type="button">{t('map.show', { kb: island.downloadKb })}</button>
              <p class="map-status" role="status" data-loading={t('map.loading')} data-failed={t('map.loadFailed')} />
            </div>
          </div>
          <figcaption>{t('map.caption')}</figcaption>
        </figure>
      )}
      {!island && (
        <p class="note">
          <a href={`/${locale}/settings`}>{t('settings.mapOff')}</a>
        </p>
      )}
      <p class="note">{t('map.hiddenNote')}</p>
      <h2 id="map-list">{t('map.listHeading')}</h2>
      <p class="result-count" role="status">
        {t('services.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p class="empty">{t('services.empty')}</p>
      ) : (
        <ol class="cards">
          {items.map((service) => (
            <li>
              <ServiceCard service={service} t={t} locale={locale} facts={facts} />
            </li>
          ))}
        </ol>
      )}
      <Pagination
        t={t}
        path={`/${locale}/map`}
        query={{ ...filters }}
        page={props.page}
        perPage={props.perPage}
        total={total}
      />
      {island && <script type="module" src={island.script} />}
    </Layout>
  );
}

function MapFilterForm(props: { ctx: PageContext; facts: SiteFacts; filters: MapFilters }) {
  const { ctx, facts, filters } = props;
  const { t, locale } = ctx;
  const active = Object.values(filters).some((value) => value);
  return (
    <details class="filters-box" open={active}>
      <summary>{t('services.filters')}</summary>
      <form class="filters" method="get" action={`/${locale}/map`}>
        <fieldset>
          <legend>{t('services.filters')}</legend>
          <DirectoryFilterSelects ctx={ctx} facts={facts} filters={filters} />
          <div class="actions">
            <button type="submit">{t('services.apply')}</button>
            <a href={`/${locale}/map`}>{t('services.clear')}</a>
          </div>
        </fieldset>
      </form>
    </details>
  );
}
