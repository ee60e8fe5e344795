// The history of one directory record: every change, newest first, who/when/field/before/after.
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { auditValueText } from './audit.presenter.js';
import type { AuditRow } from './audit.repository.js';

export function AuditPage(props: { ctx: PageContext; resourceType: string; resourceId: string; rows: AuditRow[] }) {
  const { ctx, resourceType, resourceId, rows } = props;
  const { t } = ctx;
  const title = t('moderation.audit.title', { type: t(`moderation.resource.${resourceType}`) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <code>{resourceId}</code>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('moderation.audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('moderation.audit.when')}</th>
                <th scope="col">{t('moderation.audit.who')}</th>
                <th scope="col">{t('moderation.audit.action')}</th>
                <th scope="col">{t('moderation.detail.field')}</th>
                <th scope="col">{t('moderation.detail.before')}</th>
                <th scope="col">{t('moderation.detail.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{t('moderation.dateTime', { date: new Date(row.last_action_date) })}</td>
                  <td>{row.updated_by}</td>
                  <td>{t(`moderation.auditAction.${row.last_action_type}`)}</td>
                  <td>{row.field_name || '—'}</td>
                  <td class="diff-before">{auditValueText(row.previous_value) || '—'}</td>
                  <td class="diff-after">{auditValueText(row.replacement_value) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
