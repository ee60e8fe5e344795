// The admin's pages: the index of what the viewer's roles open, and the outbox (where mail stays without SMTP).
import { formatDate } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../ui/layout.view.js';
import { Pagination } from '../../ui/pagination.view.js';
import type { OutboxRow } from '../mail/mail.repository.js';
import type { AccountLink } from '../accounts/account.view.js';

export const OUTBOX_PER_PAGE = 25;

export function AdminIndexPage({ ctx, links }: { ctx: PageContext; links: AccountLink[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.admin.title')}>
      <h1>{t('accounts.admin.title')}</h1>
      <ul class="cards">
        {links.map((link) => (
          <li class="card">
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function when(date: Date | string, locale: PageContext['locale']): string {
  const value = new Date(date);
  return `${formatDate(value, locale)} ${value.toISOString().slice(11, 16)} UTC`;
}

export function OutboxPage(props: {
  ctx: PageContext;
  items: OutboxRow[];
  total: number;
  page: number;
  delivers: boolean;
}) {
  const { ctx, items, total, page, delivers } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.outbox.title')}>
      <h1>{t('accounts.outbox.title')}</h1>
      <p class="notice">{delivers ? t('accounts.outbox.delivers') : t('accounts.outbox.stays')}</p>
      {items.length === 0 ? (
        <p>{t('accounts.outbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.outbox.created')}</th>
                <th scope="col">{t('accounts.outbox.to')}</th>
                <th scope="col">{t('accounts.outbox.subject')}</th>
                <th scope="col">{t('accounts.outbox.kind')}</th>
                <th scope="col">{t('accounts.outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((mail) => (
                <tr>
                  <td>{when(mail.created_at, locale)}</td>
                  <td>{mail.to_address}</td>
                  <td>
                    <a href={`/${locale}/admin/outbox/${mail.id}`}>{mail.subject}</a>
                  </td>
                  <td>{mail.kind}</td>
                  <td>{statusOf(ctx, mail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        t={t}
        path={`/${locale}/admin/outbox`}
        query={{}}
        page={page}
        perPage={OUTBOX_PER_PAGE}
        total={total}
      />
    </Layout>
  );
}

function statusOf(ctx: PageContext, mail: OutboxRow): string {
  if (mail.sent_at) return ctx.t('accounts.outbox.sent');
  if (mail.last_error) return ctx.t('accounts.outbox.failed', { attempts: mail.attempts });
  return ctx.t('accounts.outbox.queued');
}

export function OutboxMessagePage({ ctx, mail }: { ctx: PageContext; mail: OutboxRow }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={mail.subject}>
      <p>
        <a href={`/${locale}/admin/outbox`}>{t('accounts.outbox.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl>
        <dt>{t('accounts.outbox.to')}</dt>
        <dd>{mail.to_address}</dd>
        <dt>{t('accounts.outbox.created')}</dt>
        <dd>{when(mail.created_at, locale)}</dd>
        <dt>{t('accounts.outbox.kind')}</dt>
        <dd>{mail.kind}</dd>
        <dt>{t('accounts.outbox.status')}</dt>
        <dd>{statusOf(ctx, mail)}</dd>
      </dl>
      <pre>{mail.text_body}</pre>
    </Layout>
  );
}
