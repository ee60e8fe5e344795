// Re-verification of listings: the daily sweep that asks each listing's contact whether it is still correct (one
// mail with two single-use links), and what those links do when the contact confirms or asks to change it.
import type { Db } from '../../db/db.js';
import type { Locale } from '../../db/schema.js';
import type { FreshnessSettings } from '../../http/app-context.js';
import { formatDate, pickText, translator } from '../../i18n/i18n.js';
import { VERIFIED_BY_CONTACT } from './freshness-text.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import { consumeToken, findUsableToken, insertToken } from '../accounts/tokens.repository.js';
import type { Mailer } from '../mail/mail.service.js';
import { recordAudit } from '../audit/audit.repository.js';
import { createEditDraft } from '../submissions/submissions.service.js';
import {
  claimReverification,
  dueForReverification,
  listingSummary,
  markListingVerified,
  releaseReverification,
  type ListingSummary,
} from './freshness.repository.js';

export const REVERIFY_SWEEP = 'reverify_sweep';
export const REVERIFY_LINK_DAYS = 30;
/** How many organizations one sweep mails at most (the next day's sweep takes the rest). */
export const SWEEP_BATCH = 500;

export { VERIFIED_BY_CONTACT, verifiedByText } from './freshness-text.js';

export type ReverifyAnswer = 'ok' | 'changes';

/** Mails every organization due for re-verification; returns how many were mailed. Safe to run twice. */
export async function runReverifySweep(
  db: Db,
  setup: { mailer: Mailer; freshness: FreshnessSettings; baseUrl: string },
): Promise<number> {
  const due = await dueForReverification(db, setup.freshness, SWEEP_BATCH);
  let mailed = 0;
  for (const organization of due) {
    // The claim is one conditional UPDATE: of two sweeps racing, only one mails.
    if (!(await claimReverification(db.query, organization.id, setup.freshness))) continue;
    try {
      const summary = await listingSummary(db, organization.id);
      if (!summary) continue;
      const token = newToken();
      await insertToken(db, {
        tokenHash: hashToken(token),
        purpose: 'reverify',
        userId: null,
        email: organization.email,
        payload: { organizationId: organization.id },
        expiresAt: new Date(Date.now() + REVERIFY_LINK_DAYS * 86_400_000),
      });
      await setup.mailer.send(db, reverifyMail(summary, organization.email, token, setup.baseUrl));
      mailed += 1;
    } catch (error) {
      // Not asked after all: the job fails, is retried, and asks this organization then.
      await releaseReverification(db, organization.id, organization.reverify_requested_at);
      throw error;
    }
  }
  return mailed;
}

function reverifyMail(summary: ListingSummary, to: string, token: string, baseUrl: string) {
  const locale = summary.original_locale;
  const t = translator(locale);
  const link = (answer: ReverifyAnswer) =>
    `${baseUrl.replace(/\/+$/, '')}/${locale}/verify/${encodeURIComponent(token)}?answer=${answer}`;
  const services = serviceNames(summary, locale);
  const lines = [
    t('freshness.mail.greeting'),
    '',
    t('freshness.mail.intro', { name: summary.name }),
    '',
    `${t('freshness.summary.organization')}: ${summary.name}`,
    `${t('freshness.summary.services')}: ${services.length ? services.join('; ') : '—'}`,
    `${t('freshness.summary.cities')}: ${summary.cities.length ? summary.cities.join(', ') : '—'}`,
    `${t('freshness.summary.lastVerified')}: ${
      summary.last_verified_at ? formatDate(summary.last_verified_at, locale) : t('freshness.summary.never')
    }`,
    '',
    t('freshness.mail.okLabel'),
    link('ok'),
    '',
    t('freshness.mail.changesLabel'),
    link('changes'),
    '',
    t('freshness.mail.expiry', { days: REVERIFY_LINK_DAYS }),
    t('freshness.mail.ignore'),
  ];
  return { to, subject: t('freshness.mail.subject', { name: summary.name }), text: lines.join('\n'), kind: 'reverify' };
}

export function serviceNames(summary: ListingSummary, locale: Locale): string[] {
  return summary.services.map((s) => pickText(s.name, locale, s.original_locale as Locale)?.text ?? '');
}

/** The listing a usable re-verification link is about (the GET page: changes nothing), or null. */
export async function reverifyLink(db: Db, token: string): Promise<ListingSummary | null> {
  const row = await findUsableToken(db, hashToken(token), 'reverify');
  const organizationId = row?.payload.organizationId;
  if (typeof organizationId !== 'string') return null;
  return (await listingSummary(db, organizationId)) ?? null;
}

/**
 * Uses a link. "ok": the organization and its services are verified now, with audit rows, all or nothing.
 * "changes": the link is used and an edit draft prefilled from the live listing is returned.
 * Null when the link is unknown, used or expired.
 */
export async function answerReverify(
  db: Db,
  token: string,
  answer: ReverifyAnswer,
  locale: Locale,
): Promise<{ answer: 'ok'; summary: ListingSummary } | { answer: 'changes'; draftToken: string } | null> {
  const tokenHash = hashToken(token);
  if (answer === 'changes') {
    const row = await findUsableToken(db, tokenHash, 'reverify');
    const organizationId = row?.payload.organizationId;
    if (!row || typeof organizationId !== 'string') return null;
    if (!(await listingSummary(db, organizationId))) return null;
    // The draft first, then the link is used: a failure leaves the link usable rather than used for nothing.
    const draft = await createEditDraft(db, { organizationId, locale, email: row.email, userId: null });
    if (!(await consumeToken(db.query, tokenHash, 'reverify'))) return null;
    return { answer: 'changes', draftToken: draft.token };
  }
  const organizationId = await db.query.transaction().execute(async (trx) => {
    const row = await consumeToken(trx, tokenHash, 'reverify');
    const id = row?.payload.organizationId;
    if (!row || typeof id !== 'string') return null;
    const before = await trx
      .selectFrom('organizations')
      .select('last_verified_at')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) return null;
    const previousServices = await trx
      .selectFrom('services')
      .select(['id', 'last_verified_at'])
      .where('organization_id', '=', id)
      .where('status', '=', 'active')
      .execute();
    const { verifiedAt, serviceIds } = await markListingVerified(trx, id, VERIFIED_BY_CONTACT);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    const entry = (resourceType: 'organization' | 'service', resourceId: string, previous: Date | null) => ({
      resourceId,
      resourceType,
      action: 'verify' as const,
      fieldName: 'last_verified_at',
      previousValue: iso(previous),
      replacementValue: iso(verifiedAt),
      updatedBy: VERIFIED_BY_CONTACT,
      actorUserId: null,
      submissionId: null,
    });
    await recordAudit(trx, [
      entry('organization', id, before.last_verified_at),
      ...serviceIds.map((serviceId) =>
        entry('service', serviceId, previousServices.find((s) => s.id === serviceId)?.last_verified_at ?? null),
      ),
    ]);
    return id;
  });
  if (!organizationId) return null;
  const summary = await listingSummary(db, organizationId);
  return summary ? { answer: 'ok', summary } : null;
}
