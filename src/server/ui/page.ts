// Helpers every page route uses: the locale from the URL, the page context, and sending HTML.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { isLocale, translator, type Locale } from '../i18n/i18n.js';
import { notFound } from '../http/errors.js';
import type { PageContext } from './layout.view.js';
import { renderPage } from './render.js';

export function pageLocale(params: { locale: string }): Locale {
  if (!isLocale(params.locale)) throw notFound();
  return params.locale;
}

export function pageContext(request: FastifyRequest, locale: Locale, demo: boolean): PageContext {
  const pathInLocale = request.url.slice(locale.length + 1);
  return { locale, t: translator(locale), pathInLocale, demo, lite: liteMode(request) };
}

/** The visitor's "Lite mode" choice (features/settings): "1" on, "0" off; no personal data. */
export const LITE_COOKIE = 'rumbo_lite';

/** Lite mode (no images, no map): the visitor's explicit choice wins, else the browser's `Save-Data: on`. */
export function liteMode(request: FastifyRequest): boolean {
  const choice = request.cookies?.[LITE_COOKIE];
  if (choice === '1') return true;
  if (choice === '0') return false;
  return (
    String(request.headers['save-data'] ?? '')
      .trim()
      .toLowerCase() === 'on'
  );
}

export function sendPage(reply: FastifyReply, page: VNode): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .header('vary', 'accept-encoding')
    .send(renderPage(page));
}

/** Builds a same-page URL with some query values changed (empty values dropped). */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A plain HTML form sends empty fields as "": drop them before validation (use as a preValidation hook). */
export async function dropEmptyQueryValues(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown>;
  request.query = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/** A page that carries a form (CSRF token) or a signed-in view: never stored by shared caches or the browser. */
export function sendPrivatePage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('vary', 'accept-encoding, cookie')
    .send(renderPage(page));
}
