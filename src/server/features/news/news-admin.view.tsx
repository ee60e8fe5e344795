// Pages of the publisher admin: every news item (drafts too), and the create/edit form with its preview.
import { LOCALES, type Locale } from '../../db/schema.js';
import { formatDate, pickText, type Translate } from '../../i18n/i18n.js';
import { CsrfField, errorId } from '../../ui/form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import type { AdminNewsRow, TagKind } from './news-admin.repository.js';
import type { NewsFormValues } from './news-admin.schema.js';
import { ALT_MAX, BODY_MAX, SUMMARY_MAX, TITLE_MAX } from './news-admin.schema.js';
import type { NewsFieldErrors, TagOptions } from './news-admin.service.js';
import type { NewsItem } from './news.service.js';
import { newsCountryName, topicName } from './news.view.js';

export const ADMIN_NEWS_PER_PAGE = 25;
const OWN_ERRORS = new Set(['slugTaken', 'duplicateTitle', 'date', 'https', 'emptyBody', 'unknownTag']);

function errorText(t: Translate, key: string): string {
  return OWN_ERRORS.has(key) ? t(`newsadmin.errors.${key}`) : t(`form.errors.${key}`);
}

const fieldId = (name: string) => `field-${name.replaceAll('.', '-')}`;

function NewsDate({ date, locale }: { date: string; locale: Locale }) {
  return <time datetime={date}>{formatDate(new Date(`${date}T00:00:00Z`), locale)}</time>;
}

export function AdminNewsListPage(props: {
  ctx: PageContext;
  rows: AdminNewsRow[];
  total: number;
  drafts: number;
  page: number;
  query: { status?: string | undefined; q?: string | undefined };
  notice?: string | undefined;
}) {
  const { ctx, rows, total, drafts, page, query, notice } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('newsadmin.list.title')}>
      <h1>{t('newsadmin.list.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`/${locale}/admin/news/new`}>
          {t('newsadmin.list.new')}
        </a>
      </p>
      <p class="counts">{t('newsadmin.list.counts', { total, drafts })}</p>
      <form class="filters" method="get" action={`/${locale}/admin/news`} role="search">
        <div class="field-row">
          <div class="field">
            <label for="filter-q">{t('newsadmin.list.search')}</label>
            <input id="filter-q" type="search" name="q" value={query.q ?? ''} maxLength={200} />
          </div>
          <div class="field">
            <label for="filter-status">{t('newsadmin.fields.status')}</label>
            <select id="filter-status" name="status">
              <option value="">{t('newsadmin.list.anyStatus')}</option>
              {(['draft', 'published'] as const).map((s) => (
                <option value={s} selected={query.status === s}>
                  {t(`newsadmin.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit">{t('newsadmin.list.apply')}</button>
          <a href={`/${locale}/admin/news`}>{t('newsadmin.list.clear')}</a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p class="empty">{t('newsadmin.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('newsadmin.fields.date')}</th>
                <th scope="col">{t('newsadmin.fields.title')}</th>
                <th scope="col">{t('newsadmin.fields.status')}</th>
                <th scope="col">{t('newsadmin.list.links')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const title = pickText(row.title, locale, row.original_locale);
                return (
                  <tr>
                    <td>
                      <NewsDate date={row.date} locale={locale} />
                    </td>
                    <td lang={title?.locale}>{title?.text}</td>
                    <td>
                      <span class={row.status === 'draft' ? 'badge badge-stale' : 'badge'}>
                        {t(`newsadmin.status.${row.status}`)}
                      </span>{' '}
                      {row.needs_review && <span class="badge">{t('newsadmin.list.needsReview')}</span>}
                    </td>
                    <td>
                      <ul class="actions">
                        <li>
                          <a href={`/${locale}/admin/news/${row.id}/edit`}>{t('newsadmin.list.edit')}</a>
                        </li>
                        <li>
                          <a href={`/${locale}/admin/news/${row.id}/preview`}>{t('newsadmin.list.preview')}</a>
                        </li>
                        {row.status === 'published' && (
                          <li>
                            <a href={`/${locale}/news/${row.slug}`}>{t('newsadmin.list.public')}</a>
                          </li>
                        )}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        t={t}
        path={`/${locale}/admin/news`}
        query={{ status: query.status, q: query.q }}
        page={page}
        perPage={ADMIN_NEWS_PER_PAGE}
        total={total}
      />
    </Layout>
  );
}

function Field(props: {
  t: Translate;
  name: string;
  label: string;
  value: string;
  errors: NewsFieldErrors | undefined;
  hint?: string;
  multiline?: 'short' | 'long';
  maxLength: number;
  type?: 'text' | 'date' | 'url';
  lang?: string;
}) {
  const { t, name, label, value, errors, hint, multiline, maxLength, type = 'text', lang } = props;
  const error = errors?.[name];
  const hintId = hint ? `hint-${name.replaceAll('.', '-')}` : undefined;
  const describedBy = [hintId, error ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id: fieldId(name),
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    lang,
  };
  return (
    <div class="field">
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId(name)}>
          {errorText(t, error)}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={multiline === 'long' ? 14 : 3} maxLength={maxLength}>
          {value}
        </textarea>
      ) : (
        <input {...common} type={type as 'text'} value={value} maxLength={maxLength} />
      )}
    </div>
  );
}

function MarkupHelp({ t }: { t: Translate }) {
  return (
    <details>
      <summary>{t('newsadmin.markup.title')}</summary>
      <ul>
        <li>{t('newsadmin.markup.paragraph')}</li>
        <li>
          {t('newsadmin.markup.list')} <code>- </code> / <code>1. </code>
        </li>
        <li>
          {t('newsadmin.markup.link')} <code>[IOM](https://www.iom.int)</code>
        </li>
        <li>
          {t('newsadmin.markup.emphasis')} <code>**…**</code> / <code>*…*</code>
        </li>
        <li>
          {t('newsadmin.markup.quote')} <code>&gt; </code>
        </li>
        <li>{t('newsadmin.markup.html')}</li>
      </ul>
    </details>
  );
}

function TagChecks(props: {
  t: Translate;
  kind: TagKind;
  options: TagOptions[TagKind];
  label: (code: string) => string;
  errors: NewsFieldErrors | undefined;
}) {
  const { t, kind, options, label, errors } = props;
  const error = errors?.[kind];
  return (
    <fieldset aria-describedby={error ? errorId(kind) : undefined}>
      <legend>{t(`newsadmin.tags.${kind}`)}</legend>
      {error && (
        <p class="field-error" id={errorId(kind)}>
          {errorText(t, error)}
        </p>
      )}
      <ul class="checks">
        {options.map((option) => (
          <li>
            <label>
              <input type="checkbox" name={kind} value={option.code} checked={option.checked} />
              {label(option.code)}
              {option.suggested && <span class="badge">{t('newsadmin.tags.suggested')}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export interface NewsFormState {
  values: NewsFormValues;
  /** The edited item's id and version (null for a new item). */
  item: { id: string; version: string; slug: string; status: string } | null;
  tags: TagOptions;
  offered: string[];
  errors?: NewsFieldErrors | undefined;
  conflict?: boolean;
  preview?: NewsItem | undefined;
  notice?: string | undefined;
}

export function NewsEditPage(props: { ctx: PageContext; csrf: string; state: NewsFormState }) {
  const { ctx, csrf, state } = props;
  const { t, locale } = ctx;
  const { values, errors, item } = state;
  const title = item ? t('newsadmin.form.editTitle') : t('newsadmin.form.newTitle');
  const action = item ? `/${locale}/admin/news/${item.id}/edit` : `/${locale}/admin/news/new`;
  const hasErrors = Boolean(errors && Object.keys(errors).length);
  const languageName = (l: Locale) => t(`languages.${l}`);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/${locale}/admin/news`}>{t('newsadmin.form.back')}</a>
      </p>
      <h1>{title}</h1>
      {state.notice && (
        <p class="notice" role="status">
          {state.notice}
        </p>
      )}
      {item?.status === 'published' && (
        <p>
          <a href={`/${locale}/news/${item.slug}`}>{t('newsadmin.list.public')}</a>
        </p>
      )}
      {state.conflict && (
        <div class="error-summary" role="alert" tabIndex={-1} id="conflict">
          <p>{t('newsadmin.errors.conflict')}</p>
          {item && <a href={`/${locale}/admin/news/${item.id}/edit`}>{t('newsadmin.form.reload')}</a>}
        </div>
      )}
      {hasErrors && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{t('form.errors.summary')}</p>
        </div>
      )}
      {state.preview && <NewsPreview ctx={ctx} item={state.preview} />}
      <form class="form" method="post" action={action}>
        <CsrfField token={csrf} />
        {item && <input type="hidden" name="version" value={item.version} />}
        {state.offered.map((o) => (
          <input type="hidden" name="offered" value={o} />
        ))}
        <fieldset>
          <legend>{t('newsadmin.form.item')}</legend>
          <div class="field-row">
            <Field
              t={t}
              name="date"
              type="date"
              label={t('newsadmin.fields.date')}
              value={values.date}
              errors={errors}
              maxLength={10}
            />
            <div class="field">
              <label for={fieldId('originalLocale')}>{t('newsadmin.fields.originalLocale')}</label>
              {errors?.originalLocale && (
                <p class="field-error" id={errorId('originalLocale')}>
                  {errorText(t, errors.originalLocale)}
                </p>
              )}
              <select
                id={fieldId('originalLocale')}
                name="originalLocale"
                aria-invalid={errors?.originalLocale ? 'true' : undefined}
                aria-describedby={errors?.originalLocale ? errorId('originalLocale') : undefined}
              >
                {LOCALES.map((l) => (
                  <option value={l} selected={values.originalLocale === l}>
                    {languageName(l)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Field
            t={t}
            name="slug"
            label={t('newsadmin.fields.slug')}
            hint={t('newsadmin.form.slugHint')}
            value={values.slug}
            errors={errors}
            maxLength={120}
          />
          <fieldset aria-describedby={errors?.status ? errorId('status') : undefined}>
            <legend>{t('newsadmin.fields.status')}</legend>
            {errors?.status && (
              <p class="field-error" id={errorId('status')}>
                {errorText(t, errors.status)}
              </p>
            )}
            <ul class="checks">
              {(['draft', 'published'] as const).map((s) => (
                <li>
                  <label>
                    <input type="radio" name="status" value={s} checked={values.status === s} />
                    {t(`newsadmin.status.${s}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>{t('newsadmin.form.texts')}</legend>
          <p class="hint">{t('newsadmin.form.textsHint')}</p>
          <MarkupHelp t={t} />
          {LOCALES.map((l) => {
            const filled = values.title[l] || values.summary[l] || values.body[l] || values.imageAlt[l];
            const invalid = Object.keys(errors ?? {}).some((k) => k.endsWith(`.${l}`));
            const original = values.originalLocale === l;
            return (
              <details open={original || Boolean(filled) || invalid}>
                <summary>
                  {languageName(l)}
                  {original && ` (${t('newsadmin.form.original')})`}
                </summary>
                <Field
                  t={t}
                  name={`title.${l}`}
                  lang={l}
                  label={t('newsadmin.fields.title')}
                  value={values.title[l]}
                  errors={errors}
                  maxLength={TITLE_MAX}
                />
                <Field
                  t={t}
                  name={`summary.${l}`}
                  lang={l}
                  label={t('newsadmin.fields.summary')}
                  hint={t('newsadmin.form.summaryHint')}
                  value={values.summary[l]}
                  errors={errors}
                  multiline="short"
                  maxLength={SUMMARY_MAX}
                />
                <Field
                  t={t}
                  name={`body.${l}`}
                  lang={l}
                  label={t('newsadmin.fields.body')}
                  value={values.body[l]}
                  errors={errors}
                  multiline="long"
                  maxLength={BODY_MAX}
                />
                <Field
                  t={t}
                  name={`imageAlt.${l}`}
                  lang={l}
                  label={t('newsadmin.fields.imageAlt')}
                  value={values.imageAlt[l]}
                  errors={errors}
                  maxLength={ALT_MAX}
                />
              </details>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{t('newsadmin.form.image')}</legend>
          <Field
            t={t}
            name="imageUrl"
            type="url"
            label={t('newsadmin.fields.imageUrl')}
            hint={t('newsadmin.form.imageHint')}
            value={values.imageUrl}
            errors={errors}
            maxLength={2000}
          />
        </fieldset>

        <fieldset>
          <legend>{t('newsadmin.tags.title')}</legend>
          <p class="hint">{t('newsadmin.tags.hint')}</p>
          <TagChecks
            t={t}
            kind="countries"
            options={state.tags.countries}
            label={(c) => `${newsCountryName(t, c)} (${c})`}
            errors={errors}
          />
          <TagChecks t={t} kind="topics" options={state.tags.topics} label={(c) => topicName(t, c)} errors={errors} />
          <TagChecks t={t} kind="organizations" options={state.tags.organizations} label={(c) => c} errors={errors} />
        </fieldset>

        <div class="actions">
          <button class="button button-secondary" type="submit" name="action" value="preview">
            {t('newsadmin.form.preview')}
          </button>
          <button class="button" type="submit" name="action" value="save">
            {t('newsadmin.form.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The item as its public page shows it (same markup as NewsItemPage in news.view.tsx, without the page frame). */
export function NewsPreview({ ctx, item }: { ctx: PageContext; item: NewsItem }) {
  const { t, locale } = ctx;
  const title = pickText(item.title, locale, item.original_locale);
  const body = pickText(item.body, title?.locale ?? locale, item.original_locale);
  const alt = pickText(item.image_alt, locale, item.original_locale);
  return (
    <section class="card" aria-labelledby="preview-heading" id="preview">
      <h2 id="preview-heading">{t('newsadmin.form.previewHeading')}</h2>
      <article lang={title?.locale}>
        <header>
          <p class="meta">
            <NewsDate date={item.date} locale={locale} />
          </p>
          <h1>{title?.text}</h1>
        </header>
        {item.image_url && <img src={item.image_url} alt={alt?.text ?? ''} loading="lazy" />}
        {/* Sanitized with the allow-list of news-body.ts (markupToBody) just before this rendering. */}
        {body && <div class="news-body" dangerouslySetInnerHTML={{ __html: body.text }} />}
      </article>
      <dl class="news-tags" lang={locale}>
        {item.countries.length > 0 && (
          <>
            <dt>{t('news.countries')}</dt>
            <dd>{item.countries.map((c) => newsCountryName(t, c)).join(', ')}</dd>
          </>
        )}
        {item.topics.length > 0 && (
          <>
            <dt>{t('news.topicList')}</dt>
            <dd>{item.topics.map((topic) => topicName(t, topic)).join(', ')}</dd>
          </>
        )}
        {item.organizations.length > 0 && (
          <>
            <dt>{t('news.organizations')}</dt>
            <dd>{item.organizations.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
