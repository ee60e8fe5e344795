// The language of an API response: ?locale=, else Accept-Language, else Spanish.
import type { FastifyRequest } from 'fastify';
import { isLocale, negotiateLocale, type Locale } from '../i18n/i18n.js';

export function apiLocale(request: FastifyRequest): Locale {
  const fromQuery = (request.query as { locale?: unknown } | undefined)?.locale;
  return isLocale(fromQuery) ? fromQuery : negotiateLocale(request.headers['accept-language']);
}
