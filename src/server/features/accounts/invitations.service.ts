// Admins invite people by email to a role; the invitee sets a name and password (or, with an account already,
// just accepts) and is signed in. The invitation travels as a single-use token valid seven days.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/errors.js';
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import { LocaleField, RoleField } from './accounts.schema.js';
import { translator } from '../../i18n/i18n.js';
import { findUserByEmailWith, grantRoleWith, insertUserWith } from './invitations.repository.js';
import type { RoleGrant } from './policy.js';
import { hashPassword, hashToken, newToken } from './secrets.js';
import { consumeToken, findUsableToken, insertToken } from './tokens.repository.js';
import { findUserByEmail, type UserRow } from './users.repository.js';

export const INVITATION_DAYS = 7;

const InvitationPayload = Type.Object({
  displayName: Type.String(),
  locale: LocaleField,
  role: RoleField,
  countryCode: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  hubLocationId: Type.Union([Type.String(), Type.Null()]),
  invitedBy: Type.String(),
});
type InvitationPayload = Static<typeof InvitationPayload>;

export interface Invitation {
  email: string;
  displayName: string;
  locale: Locale;
  grant: RoleGrant;
}

export async function inviteUser(
  ctx: Pick<AppContext, 'db' | 'mailer'>,
  invitation: Invitation,
  invitedBy: { id: string; displayName: string },
  origin: string,
): Promise<void> {
  const existing = await findUserByEmail(ctx.db, invitation.email);
  const token = newToken();
  const payload: InvitationPayload = {
    displayName: invitation.displayName,
    locale: invitation.locale,
    ...invitation.grant,
    invitedBy: invitedBy.id,
  };
  await insertToken(ctx.db, {
    tokenHash: hashToken(token),
    purpose: 'invitation',
    userId: existing?.id ?? null,
    email: invitation.email.trim().toLowerCase(),
    payload,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  const locale = existing?.preferred_locale ?? invitation.locale;
  const t = translator(locale);
  await ctx.mailer.send(ctx.db, {
    to: invitation.email.trim().toLowerCase(),
    subject: t('accounts.mail.invitation.subject'),
    text: t('accounts.mail.invitation.body', {
      name: invitation.displayName,
      inviter: invitedBy.displayName,
      role: t(`accounts.roles.${invitation.grant.role}`),
      link: `${origin}/${locale}/invite/${token}`,
      days: INVITATION_DAYS,
    }),
    kind: 'invitation',
  });
}

export interface PendingInvitation {
  email: string;
  displayName: string;
  grant: RoleGrant;
  /** The invitee already has an account: accepting only adds the role. */
  hasAccount: boolean;
}

function payloadOf(raw: unknown): InvitationPayload | undefined {
  return Value.Check(InvitationPayload, raw) ? raw : undefined;
}

function grantOf(payload: InvitationPayload): RoleGrant {
  return {
    role: payload.role,
    countryCode: payload.countryCode,
    organizationId: payload.organizationId,
    hubLocationId: payload.hubLocationId,
  };
}

export async function findInvitation(db: Db, token: string): Promise<PendingInvitation | undefined> {
  if (token.length > 100) return undefined;
  const row = await findUsableToken(db, hashToken(token), 'invitation');
  const payload = payloadOf(row?.payload);
  if (!row?.email || !payload) return undefined;
  const existing = await findUserByEmail(db, row.email);
  return { email: row.email, displayName: payload.displayName, grant: grantOf(payload), hasAccount: Boolean(existing) };
}

/** Accepts an invitation: creates the account (when there is none) and grants the role, all or nothing. */
export async function acceptInvitation(
  db: Db,
  token: string,
  account: { displayName: string; password: string } | null,
): Promise<UserRow | undefined> {
  if (token.length > 100) return undefined;
  const passwordHash = account ? await hashPassword(account.password) : null;
  return db.query.transaction().execute(async (trx) => {
    const row = await consumeToken(trx, hashToken(token), 'invitation');
    const payload = payloadOf(row?.payload);
    if (!row?.email || !payload) return undefined;
    let user = await findUserByEmailWith(trx, row.email);
    if (!user) {
      // The form asked for a password because no account existed; one that vanished since cannot be recreated here.
      if (!account || !passwordHash) throw new AppError('CONFLICT');
      user = await insertUserWith(trx, {
        email: row.email,
        display_name: account.displayName,
        password_hash: passwordHash,
        preferred_locale: payload.locale,
      });
    }
    if (user.disabled_at) return undefined;
    await grantRoleWith(trx, user.id, grantOf(payload));
    return user;
  });
}
