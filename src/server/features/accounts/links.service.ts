// Sign-in and password-reset links sent by mail. Asking always gets the same answer whether or not the address has
// an account; at most three links per account and purpose an hour, so the form cannot be used to flood a mailbox.
import type { AppContext } from '../../http/app-context.js';
import type { Db } from '../../db/db.js';
import { translator } from '../../i18n/i18n.js';
import { deleteSessionsWith, setPasswordWith } from './password.repository.js';
import { hashPassword, hashToken, newToken } from './secrets.js';
import { consumeToken, countTokensSince, findUsableToken, insertToken } from './tokens.repository.js';
import { findUserByEmail, findUserById, type UserRow } from './users.repository.js';

export const MAGIC_LINK_MINUTES = 20;
export const RESET_LINK_MINUTES = 60;
export const MAX_LINKS_PER_HOUR = 3;

type LinkKind = 'magic_link' | 'password_reset';
const PATHS: Record<LinkKind, string> = { magic_link: 'login/link', password_reset: 'password/reset' };
const MINUTES: Record<LinkKind, number> = { magic_link: MAGIC_LINK_MINUTES, password_reset: RESET_LINK_MINUTES };
const MAIL_KEYS: Record<LinkKind, string> = { magic_link: 'magicLink', password_reset: 'passwordReset' };

/** Mails a link to the account with this email, if there is one (and it has not had too many this hour). */
export async function sendAccountLink(
  ctx: Pick<AppContext, 'db' | 'mailer'>,
  kind: LinkKind,
  email: string,
  origin: string,
): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at) return;
  const hourAgo = new Date(Date.now() - 3_600_000);
  if ((await countTokensSince(ctx.db, kind, user.id, hourAgo)) >= MAX_LINKS_PER_HOUR) return;
  const token = newToken();
  const minutes = MINUTES[kind];
  await insertToken(ctx.db, {
    tokenHash: hashToken(token),
    purpose: kind,
    userId: user.id,
    email: user.email,
    expiresAt: new Date(Date.now() + minutes * 60_000),
  });
  const locale = user.preferred_locale;
  const t = translator(locale);
  const link = `${origin}/${locale}/${PATHS[kind]}/${token}`;
  await ctx.mailer.send(ctx.db, {
    to: user.email,
    subject: t(`accounts.mail.${MAIL_KEYS[kind]}.subject`),
    text: t(`accounts.mail.${MAIL_KEYS[kind]}.body`, { name: user.display_name, link, minutes }),
    kind,
  });
}

/** Whether a link can still be used (to show its form; showing does not use it). */
export async function linkIsUsable(db: Db, kind: LinkKind, token: string): Promise<boolean> {
  return token.length <= 100 && Boolean(await findUsableToken(db, hashToken(token), kind));
}

/** Uses a sign-in link: the account it belongs to, or undefined when the link is unknown, used or expired. */
export async function useMagicLink(db: Db, token: string): Promise<UserRow | undefined> {
  if (token.length > 100) return undefined;
  const row = await consumeToken(db.query, hashToken(token), 'magic_link');
  if (!row?.user_id) return undefined;
  const user = await findUserById(db, row.user_id);
  return user && !user.disabled_at ? user : undefined;
}

/** Sets a new password from a reset link: every session of the account ends and any lock is lifted. */
export async function resetPassword(db: Db, token: string, password: string): Promise<UserRow | undefined> {
  if (token.length > 100) return undefined;
  const passwordHash = await hashPassword(password);
  const userId = await db.query.transaction().execute(async (trx) => {
    const row = await consumeToken(trx, hashToken(token), 'password_reset');
    if (!row?.user_id) return undefined;
    await setPasswordWith(trx, row.user_id, passwordHash);
    await deleteSessionsWith(trx, row.user_id);
    return row.user_id;
  });
  if (!userId) return undefined;
  const user = await findUserById(db, userId);
  return user && !user.disabled_at ? user : undefined;
}
