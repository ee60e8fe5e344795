// Turns anything thrown in a request into the catalogue's shape: JSON for the API, a page for the site.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorBody, type ErrorCode } from './errors.js';
import { isLocale, negotiateLocale, translator, type Locale, type Translate } from '../i18n/i18n.js';
import { renderErrorPage } from '../ui/error-page.view.js';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('NOT_FOUND')));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = requestLocale(request);
  const t = translator(locale);
  const message =
    error.code === 'VALIDATION_FAILED' ? validationMessage(t, error.details) : t(`errors.${error.code}`, error.details);
  if (wantsHtml(request)) {
    return reply
      .status(error.status)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage({ locale, status: error.status, code: error.code, message, path: request.url }));
  }
  const body: ErrorBody = { error: { code: error.code, message } };
  if (Object.keys(error.details).length) body.error.details = error.details;
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError('CSRF_INVALID');
  }
  if (error.validation) {
    const first = error.validation[0];
    const where = error.validationContext ?? 'request';
    const field = first?.instancePath?.replace(/^\//, '') || first?.params?.missingProperty || where;
    return new AppError('VALIDATION_FAILED', {
      field: String(field),
      reason: first?.message ?? 'invalid',
      ...(first ? ruleOf(first) : {}),
    });
  }
  const status = error.statusCode ?? 500;
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: 'BAD_REQUEST',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  const code = byStatus[status] ?? (status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  // A 429 from elsewhere than the rate limiter (which says how long) does not know the wait: a minute.
  if (code === 'RATE_LIMITED') return new AppError(code, { minutes: 1 });
  return new AppError(code in ERRORS ? code : 'INTERNAL');
}

/** The locale of the page the request is for (/xx/...), else ?locale=, else Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  const fromPath = request.url.split('/')[1];
  if (isLocale(fromPath)) return fromPath;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.locale;
  if (isLocale(fromQuery)) return fromQuery;
  return negotiateLocale(request.headers['accept-language']);
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url.startsWith('/healthz') || request.url.startsWith('/readyz')) {
    return false;
  }
  return (request.headers.accept ?? '').includes('text/html') || isLocale(request.url.split('/')[1]);
}

/**
 * A VALIDATION_FAILED message in the reader's language: the field by its name on the page when it has one, and the
 * rule it broke (`rule`, with `limit`, `count` or `value`); the English `reason` stays in the API's details for
 * developers, never in the message.
 */
function validationMessage(t: Translate, details: Record<string, unknown>): string {
  const field = String(details.field ?? '');
  const labelKey = `validation.fields.${field}`;
  const named = t(labelKey);
  const label = named === labelKey ? field : named;
  const rule = typeof details.rule === 'string' ? `validation.rules.${details.rule}` : null;
  const reason = rule ? t(rule, details as Record<string, string | number>) : null;
  return reason && reason !== rule
    ? t('validation.withReason', { field: label, reason })
    : t('errors.VALIDATION_FAILED', { field: label });
}

/** Rules of the schema checks that take a limit, by the validator's keyword (see `validationMessage`). */
const LIMIT_RULES: Record<string, string> = {
  maxLength: 'too_long',
  minLength: 'too_short',
  maximum: 'too_large',
  minimum: 'too_small',
  exclusiveMaximum: 'below',
  exclusiveMinimum: 'above',
};
/** Rules without a limit, by keyword. */
const PLAIN_RULES: Record<string, string> = {
  enum: 'choice',
  const: 'choice',
  anyOf: 'choice',
  oneOf: 'choice',
  required: 'required',
  format: 'format',
  pattern: 'format',
};

/** The rule a schema check broke, as `validationMessage` names it (none when it is not one of these). */
function ruleOf(error: { keyword: string; params?: Record<string, unknown> }): Record<string, string | number> {
  const limit = error.params?.limit;
  const limitRule = LIMIT_RULES[error.keyword];
  if (limitRule) return typeof limit === 'number' ? { rule: limitRule, limit } : {};
  if (error.keyword === 'type') {
    const type = error.params?.type;
    return { rule: type === 'integer' || type === 'number' ? type : 'format' };
  }
  const rule = PLAIN_RULES[error.keyword];
  return rule ? { rule } : {};
}
