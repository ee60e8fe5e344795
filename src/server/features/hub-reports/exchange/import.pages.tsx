// The admin page /{locale}/admin/hub-reports/import: upload (or paste) a DHIS2 dataValueSets JSON, DHIS2 CSV or
// Rumbo export CSV, check it with a dry run, then import it. Admins only; the right is checked before the body is
// read (onRequest), since this route alone accepts bodies up to IMPORT_BODY_LIMIT.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../http/app-context.js';
import { AppError } from '../../../http/errors.js';
import { csrfToken } from '../../../http/security.js';
import type { Locale } from '../../../i18n/i18n.js';
import { pageContext, pageLocale, sendPrivatePage } from '../../../ui/page.js';
import { guardPage } from '../../accounts/page-guard.js';
import { loadReportMetadata } from '../report-metadata.repository.js';
import { ImportFormBody, LocaleParams } from './exchange.schema.js';
import { importHubReports, type HubImportReport } from './import.service.js';
import { HubImportPage, type ImportFormState } from './import.view.js';
import { parseMultipart } from './multipart.js';

const IMPORT = { action: { kind: 'import_hub_reports' } } as const;
const WRITE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };
/** A year of a few hundred hubs in dataValueSets JSON is a few MB. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
/** Pasted text is put back into the form when it is at most this long (a file is chosen again). */
const KEEP_TEXT_CHARS = 100 * 1024;

export function importPageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { db } = ctx;

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    state: ImportFormState,
    report?: HubImportReport,
    status = 200,
  ) {
    const page = pageContext(request, locale, (await ctx.facts()).demo);
    const meta = await loadReportMetadata(db);
    const names = new Map(meta.rules.map((rule) => [rule.code, rule.name[locale] ?? rule.code]));
    const ruleName = (code: string) => names.get(code) ?? code;
    return sendPrivatePage(
      reply,
      <HubImportPage ctx={page} csrf={csrfToken(reply)} state={state} report={report} ruleName={ruleName} />,
      status,
    );
  }

  /** Before the body is read: anonymous visitors go to sign in, others without the right get FORBIDDEN. */
  async function refuseEarly(request: FastifyRequest, reply: FastifyReply) {
    const access = await guardPage(request, pageLocale(request.params as { locale: string }), IMPORT);
    if ('redirect' in access) return reply.redirect(access.redirect, 303);
  }

  return async (app) => {
    // In this plugin's scope only: a file input posts multipart/form-data.
    app.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (request, body, done) => {
        parseMultipart(body as Buffer, request.headers['content-type'] ?? '').then(
          (fields) => done(null, fields),
          () => done(new AppError('BAD_REQUEST'), undefined),
        );
      },
    );

    app.get('/:locale/admin/hub-reports/import', { schema: { params: LocaleParams } }, async (request, reply) => {
      const locale = pageLocale(request.params);
      const access = await guardPage(request, locale, IMPORT);
      if ('redirect' in access) return reply.redirect(access.redirect);
      return sendForm(request, reply, locale, { status: 'approved', dryRun: true });
    });

    app.post(
      '/:locale/admin/hub-reports/import',
      {
        schema: { params: LocaleParams, body: ImportFormBody },
        bodyLimit: IMPORT_BODY_LIMIT,
        config: WRITE_LIMIT,
        onRequest: refuseEarly,
      },
      async (request, reply) => {
        const locale = pageLocale(request.params);
        const access = await guardPage(request, locale, IMPORT);
        if ('redirect' in access) return reply.redirect(access.redirect, 303);
        const body = request.body;
        const fromFile = Boolean(body.file?.trim());
        const text = fromFile ? (body.file ?? '') : (body.text ?? '');
        const state: ImportFormState = {
          status: body.status === 'submitted' ? 'submitted' : 'approved',
          dryRun: body.dry_run !== undefined,
          ...(!fromFile && text.length <= KEEP_TEXT_CHARS ? { text } : {}),
        };
        if (!text.trim()) return sendForm(request, reply, locale, { ...state, missingInput: true }, undefined, 400);
        const report = await importHubReports(db, text, {
          dryRun: state.dryRun,
          status: state.status,
          userId: access.viewer.id,
          updatedBy: access.viewer.displayName,
        });
        const failed = Boolean(report.error) || report.counts.rejected > 0;
        return sendForm(request, reply, locale, state, report, failed ? 400 : 200);
      },
    );
  };
}
