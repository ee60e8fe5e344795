// Who may open a signed-in page. Anonymous visitors are sent to sign in (and brought back after); a session still
// waiting for its second factor goes to the code page, or to TOTP enrolment when the roles need one and the account
// has none; a viewer without the right gets FORBIDDEN.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import type { Locale } from '../../i18n/i18n.js';
import { can, type Action, type Viewer } from './policy.js';

export type PageAccess = { viewer: Viewer } | { redirect: string };

export interface GuardOptions {
  /** What the page needs the viewer to be allowed to do (none: any signed-in viewer). */
  action?: Action;
  /** Some of these (any one is enough). */
  anyOf?: Action[];
  /** For the TOTP pages themselves: a session before its second factor may pass. */
  allowPendingSecondFactor?: boolean;
}

export function loginPath(locale: Locale, next?: string): string {
  return next ? `/${locale}/login?next=${encodeURIComponent(next)}` : `/${locale}/login`;
}

export async function guardPage(
  request: FastifyRequest,
  locale: Locale,
  options: GuardOptions = {},
): Promise<PageAccess> {
  const viewer = await request.viewer();
  if (!viewer) return { redirect: loginPath(locale, request.url) };
  if (!viewer.secondFactorDone && !options.allowPendingSecondFactor) {
    const next = `?next=${encodeURIComponent(request.url)}`;
    return { redirect: viewer.totpEnabled ? `/${locale}/login/totp${next}` : `/${locale}/account/totp${next}` };
  }
  const actions = options.action ? [options.action] : (options.anyOf ?? []);
  if (actions.length > 0 && !actions.some((action) => can(viewer, action))) throw new AppError('FORBIDDEN');
  return { viewer };
}
