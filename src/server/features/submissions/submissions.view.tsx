// Pages of the submission flow: the explained form, a draft under its private link with its status, the
// confirmation page, and an editor's list of organizations and their edit page.
import type { SubmissionStatus } from '../../db/schema.js';
import { CsrfField } from '../../ui/form.view.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { ListingFormView, type ListingFormProps } from './submission-form.view.js';

type FormProps = Omit<ListingFormProps, 't'>;

export function SubmitPage(props: { ctx: PageContext; formProps: FormProps; notice?: string | undefined }) {
  const { ctx, formProps, notice } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.submit.title')}>
      <h1>{t('submissions.submit.title')}</h1>
      <p>{t('submissions.submit.intro')}</p>
      <ul>
        <li>{t('submissions.submit.published')}</li>
        <li>{t('submissions.submit.confirmation')}</li>
        <li>{t('submissions.submit.shelters')}</li>
        <li>{t('submissions.submit.drafts')}</li>
      </ul>
      {notice && (
        <p class="notice notice-warn" role="alert">
          {notice}
        </p>
      )}
      <ListingFormView t={t} {...formProps} />
    </Layout>
  );
}

export interface DraftStatus {
  status: SubmissionStatus;
  decisionReason: string | null;
  organizationId: string | null;
}

/** A submission under its private link: the link to keep, where it stands, and the form while it can change. */
export function DraftPage(props: {
  ctx: PageContext;
  link: string | null;
  state: DraftStatus;
  formProps: FormProps | null;
  saved?: boolean;
}) {
  const { ctx, link, state, formProps, saved } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.draft.title')}>
      <h1>{t('submissions.draft.title')}</h1>
      <StatusNotice ctx={ctx} state={state} />
      {saved && (
        <p class="notice" role="status">
          {t('submissions.draft.saved')}
        </p>
      )}
      {link && formProps && (
        <div class="notice">
          <p>
            <strong>{t('submissions.draft.keepLink')}</strong>
          </p>
          <p>
            <a href={link}>{link}</a>
          </p>
        </div>
      )}
      {formProps && <ListingFormView t={t} {...formProps} />}
      {state.status === 'approved' && state.organizationId && (
        <p>
          <a href={`/${locale}/organizations/${state.organizationId}`}>{t('submissions.draft.seePublished')}</a>
        </p>
      )}
    </Layout>
  );
}

function StatusNotice({ ctx, state }: { ctx: PageContext; state: DraftStatus }) {
  const { t } = ctx;
  const warn = state.status === 'changes_requested' || state.status === 'rejected';
  return (
    <div class={warn ? 'notice notice-warn' : 'notice'} role="status">
      <p>
        <strong>{t(`submissions.status.${state.status}`)}</strong>
      </p>
      <p>{t(`submissions.statusHelp.${state.status}`)}</p>
      {warn && state.decisionReason && (
        <blockquote>
          <p>{state.decisionReason}</p>
        </blockquote>
      )}
    </div>
  );
}

export function ConfirmPage(props: { ctx: PageContext; csrf: string; action: string }) {
  const { ctx, csrf, action } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.confirm.title')}>
      <h1>{t('submissions.confirm.title')}</h1>
      <p>{t('submissions.confirm.intro')}</p>
      <form method="post" action={action} class="form">
        <CsrfField token={csrf} />
        <div class="actions">
          <button type="submit" class="button">
            {t('submissions.confirm.button')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function ConfirmedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.confirm.doneTitle')}>
      <h1>{t('submissions.confirm.doneTitle')}</h1>
      <p class="notice" role="status">
        {t('submissions.confirm.done')}
      </p>
    </Layout>
  );
}

export interface EditableOrganization {
  id: string;
  name: string;
  openStatus: SubmissionStatus | null;
}

export function EditorOrganizationsPage(props: { ctx: PageContext; organizations: EditableOrganization[] }) {
  const { ctx, organizations } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.editor.title')}>
      <h1>{t('submissions.editor.title')}</h1>
      <p>{t('submissions.editor.intro')}</p>
      {organizations.length === 0 ? (
        <p>{t('submissions.editor.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('submissions.editor.organization')}</th>
                <th scope="col">{t('submissions.editor.openEdit')}</th>
                <th scope="col">{t('submissions.editor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr>
                  <td>
                    <a href={`/${locale}/organizations/${o.id}`}>{o.name}</a>
                  </td>
                  <td>{o.openStatus ? t(`submissions.status.${o.openStatus}`) : t('submissions.editor.noEdit')}</td>
                  <td>
                    <a href={`/${locale}/account/organizations/${o.id}/edit`}>{t('submissions.editor.edit')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function EditorEditPage(props: {
  ctx: PageContext;
  organizationName: string;
  state: DraftStatus | null;
  formProps: FormProps | null;
  saved?: boolean;
}) {
  const { ctx, organizationName, state, formProps, saved } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submissions.editor.editTitle', { organization: organizationName })}>
      <h1>{t('submissions.editor.editTitle', { organization: organizationName })}</h1>
      <p>{t('submissions.editor.editIntro')}</p>
      {state && <StatusNotice ctx={ctx} state={state} />}
      {saved && (
        <p class="notice" role="status">
          {t('submissions.draft.saved')}
        </p>
      )}
      {formProps && <ListingFormView t={t} {...formProps} signedIn />}
    </Layout>
  );
}
