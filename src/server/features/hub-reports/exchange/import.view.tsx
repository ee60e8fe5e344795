// The admin's import page: a form (file or pasted text, status, dry run) and, after a post, the report of every
// value: created, updated, unchanged or rejected with the reason.
import { CsrfField } from '../../../ui/form.view.js';
import { Layout, type PageContext } from '../../../ui/layout.view.js';
import { countsText, orderedLines, reasonText, resultText, SHOWN_LINES } from './import-report.js';
import { IMPORT_STATUSES, type HubImportReport, type ImportStatus } from './import.service.js';

export interface ImportFormState {
  status: ImportStatus;
  dryRun: boolean;
  /** The form was posted with neither a file nor text. */
  missingInput?: boolean;
  /** Pasted text to show again (so a dry run can be followed by the import without pasting twice). */
  text?: string;
}

function ImportReportSection(props: { ctx: PageContext; report: HubImportReport; ruleName: (code: string) => string }) {
  const { ctx, report, ruleName } = props;
  const { t } = ctx;
  const lines = orderedLines(report);
  const failed = report.error || report.counts.rejected > 0;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('hubexchange.import.result.title')}</h2>
      <p class={failed ? 'error-summary' : 'notice'} role={failed ? 'alert' : 'status'}>
        {resultText(t, report)}
      </p>
      {!report.error && (
        <>
          <p>
            {t('hubexchange.import.format')}: {t(`hubexchange.formats.${report.format}`)}
          </p>
          <p class="counts">{countsText(t, report)}</p>
          <p>{t('hubexchange.import.reports', { ...report.reports })}</p>
          {lines.length > 0 && (
            <div class="table-wrap">
              <table class="data-table">
                <caption>{t('hubexchange.import.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hubexchange.import.table.line')}</th>
                    <th scope="col">{t('hubexchange.import.table.dataElement')}</th>
                    <th scope="col">{t('hubexchange.import.table.period')}</th>
                    <th scope="col">{t('hubexchange.import.table.orgUnit')}</th>
                    <th scope="col">{t('hubexchange.import.table.cell')}</th>
                    <th scope="col">{t('hubexchange.import.table.value')}</th>
                    <th scope="col">{t('hubexchange.import.table.outcome')}</th>
                    <th scope="col">{t('hubexchange.import.table.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.slice(0, SHOWN_LINES).map((line) => (
                    <tr>
                      <td>{line.column ? `${line.line} (${line.column})` : line.line}</td>
                      <td>{line.dataElement}</td>
                      <td>{line.period}</td>
                      <td>{line.orgUnit}</td>
                      <td>{line.categoryOptionCombo}</td>
                      <td>{line.value}</td>
                      <td>{t(`hubexchange.outcomes.${line.outcome}`)}</td>
                      <td>{reasonText(t, line, ruleName)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {lines.length > SHOWN_LINES && <p>{t('hubexchange.import.more', { count: lines.length - SHOWN_LINES })}</p>}
        </>
      )}
    </section>
  );
}

export function HubImportPage(props: {
  ctx: PageContext;
  csrf: string;
  state: ImportFormState;
  report?: HubImportReport | undefined;
  ruleName: (code: string) => string;
}) {
  const { ctx, csrf, state, report, ruleName } = props;
  const { t, locale } = ctx;
  const action = `/${locale}/admin/hub-reports/import`;
  return (
    <Layout ctx={ctx} title={t('hubexchange.import.title')}>
      <h1>{t('hubexchange.import.title')}</h1>
      <p>{t('hubexchange.import.intro')}</p>
      {report && <ImportReportSection ctx={ctx} report={report} ruleName={ruleName} />}
      <h2 id="import-form">{t('hubexchange.import.formTitle')}</h2>
      <form method="post" action={action} enctype="multipart/form-data" class="form" aria-labelledby="import-form">
        <CsrfField token={csrf} />
        {state.missingInput && (
          <p class="error-summary" role="alert" id="error-file">
            {t('hubexchange.import.noInput')}
          </p>
        )}
        <div class="field">
          <label for="import-file">{t('hubexchange.import.file')}</label>
          <p class="hint" id="import-file-hint">
            {t('hubexchange.import.fileHint')}
          </p>
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".json,.csv,.txt,application/json,text/csv"
            aria-describedby={state.missingInput ? 'import-file-hint error-file' : 'import-file-hint'}
          />
        </div>
        <div class="field">
          <label for="import-text">{t('hubexchange.import.text')}</label>
          <p class="hint" id="import-text-hint">
            {t('hubexchange.import.textHint')}
          </p>
          <textarea id="import-text" name="text" rows={8} aria-describedby="import-text-hint">
            {state.text ?? ''}
          </textarea>
        </div>
        <fieldset>
          <legend>{t('hubexchange.import.status')}</legend>
          <div class="checks">
            {IMPORT_STATUSES.map((status) => (
              <label>
                <input type="radio" name="status" value={status} checked={state.status === status} />
                {t(`hubexchange.import.statuses.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="checks">
          <label>
            <input type="checkbox" name="dry_run" value="1" checked={state.dryRun} aria-describedby="dry-run-hint" />
            {t('hubexchange.import.dryRun')}
          </label>
        </div>
        <p class="hint" id="dry-run-hint">
          {t('hubexchange.import.dryRunHint')}
        </p>
        <div class="actions">
          <button type="submit">{t('hubexchange.import.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}
