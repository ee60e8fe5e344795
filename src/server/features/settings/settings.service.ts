// Lite mode: one cookie on the visitor's device ("1" on, "0" off, for a year, SameSite=Lax, no personal data).
// The choice wins over the browser's `Save-Data: on`, which turns lite mode on when nothing was chosen.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LITE_COOKIE, liteMode } from '../../ui/page.js';
import type { LiteChoice } from './settings.schema.js';

export const LITE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export interface LiteState {
  /** Lite mode is on for this request. */
  on: boolean;
  /** What the visitor chose on the settings page, if anything. */
  choice: LiteChoice | null;
  /** The browser sent `Save-Data: on`. */
  saveData: boolean;
}

export function liteState(request: FastifyRequest): LiteState {
  const cookie = request.cookies?.[LITE_COOKIE];
  return {
    on: liteMode(request),
    choice: cookie === '1' ? 'on' : cookie === '0' ? 'off' : null,
    saveData:
      String(request.headers['save-data'] ?? '')
        .trim()
        .toLowerCase() === 'on',
  };
}

export function setLiteCookie(reply: FastifyReply, choice: LiteChoice, secure: boolean): void {
  reply.setCookie(LITE_COOKIE, choice === 'on' ? '1' : '0', {
    path: '/',
    maxAge: LITE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
    secure,
  });
}

/** Adds the request headers a page's content depends on to its Vary header (keeping the ones already there). */
export function addVary(current: unknown, names: readonly string[]): string {
  const list = String(current ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const seen = new Set(list.map((name) => name.toLowerCase()));
  for (const name of names) if (!seen.has(name.toLowerCase())) list.push(name);
  return list.join(', ');
}
