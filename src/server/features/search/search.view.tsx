// Search pieces of the services list page: the search box, highlighted text, and the notes above the results
// ("did you mean", a place not found, what to widen when nothing matched).
import { Fragment } from 'preact';
import type { Translate } from '../../i18n/i18n.js';
import { withQuery } from '../../ui/page.js';
import { highlightSegments } from './search-text.js';
import type { SearchResult } from './search.service.js';

export interface SearchBoxValues {
  q?: string | undefined;
  place?: string | undefined;
  near?: string | undefined;
  radius_km?: number | undefined;
}

/** The words and place fields; `near` (set by the map's "near me" island or a link) is carried along. */
export function SearchFields(props: { t: Translate; values: SearchBoxValues }) {
  const { t, values } = props;
  return (
    <div class="search-fields">
      <label>
        {t('search.label')}
        <input type="search" name="q" value={values.q ?? ''} maxLength={200} placeholder={t('search.placeholder')} />
      </label>
      <label>
        {t('search.place')}
        <input type="text" name="place" value={values.place ?? ''} maxLength={200} aria-describedby="place-hint" />
        <small id="place-hint">{t('search.placeHint')}</small>
      </label>
      <label>
        {t('search.radius')}
        <input type="number" name="radius_km" min={1} max={2000} step="any" value={values.radius_km ?? ''} />
      </label>
      {values.near && <input type="hidden" name="near" value={values.near} />}
      <button type="submit">{t('search.submit')}</button>
    </div>
  );
}

/** Text with the matched words in <mark>; everything is escaped by the renderer. */
export function Highlighted(props: { text: string; terms: string[] }) {
  return (
    <>
      {highlightSegments(props.text, props.terms).map((segment) =>
        segment.match ? <mark>{segment.text}</mark> : <Fragment>{segment.text}</Fragment>,
      )}
    </>
  );
}

export function SearchNotes(props: {
  t: Translate;
  path: string;
  query: Record<string, string | number | undefined>;
  result: Pick<SearchResult, 'did_you_mean' | 'suggestions' | 'place' | 'placeNotFound' | 'total'>;
  placeText: string | undefined;
}) {
  const { t, path, query, result } = props;
  return (
    <div class="search-notes">
      {result.did_you_mean && (
        <p class="did-you-mean">
          {t('search.didYouMean', { suggestion: '\u0000' })
            .split('\u0000')
            .map((part, i) =>
              i === 0 ? (
                part
              ) : (
                <>
                  <a href={withQuery(path, { ...query, q: result.did_you_mean ?? undefined, page: undefined })}>
                    {result.did_you_mean}
                  </a>
                  {part}
                </>
              ),
            )}
        </p>
      )}
      {result.placeNotFound && (
        <p class="place-not-found">{t('search.placeNotFound', { place: props.placeText ?? '' })}</p>
      )}
      {result.place && <p class="near-place">{t('search.nearPlace', { place: result.place.name })}</p>}
      {result.total === 0 && result.suggestions.length > 0 && (
        <ul class="suggestions">
          {result.suggestions.map((s) =>
            s.kind === 'wider_radius' ? (
              <li>
                <a href={withQuery(path, { ...query, radius_km: s.radius_km, page: undefined })}>
                  {t('search.widerRadius', { km: s.radius_km ?? 0 })}
                </a>
              </li>
            ) : (
              <li>
                <a href={withQuery(path, { ...query, category: undefined, page: undefined })}>
                  {t('search.broaderCategory')}
                </a>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
