// Moderation decisions: approve (the listing goes live and a new listing's submitter becomes its editor), reject
// with a reason, request changes (a new draft link), or merge into a live duplicate. Each decision and what it
// writes commit in one transaction; mail goes out after, in the submitter's language.
import { Value } from 'typebox/value';
import { inTransaction, type Db } from '../../db/db.js';
import { AppError, notFound } from '../../http/errors.js';
import { isUuid } from '../../http/common-schema.js';
import { translator } from '../../i18n/i18n.js';
import type { Viewer } from '../accounts/policy.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import { findUserByEmail, findUserById, grantRole, insertUser } from '../accounts/users.repository.js';
import type { Mailer } from '../mail/mail.service.js';
import { importedListingIds } from '../hsds/import/import-submissions.repository.js';
import { ListingDocument } from '../listings/listing.schema.js';
import { applyListingWith, loadListingWith } from '../listings/listing.service.js';
import type { Executor } from '../listings/listing.repository.js';
import {
  decideSubmission,
  findSubmissionById,
  linkSubmissionOrganization,
  type SubmissionRow,
} from './moderation.repository.js';

export interface ModerationDeps {
  db: Db;
  mailer: Mailer;
}

export interface Decision {
  submission: SubmissionRow;
  moderator: Viewer;
  /** The site's public origin, for absolute links in mail. */
  origin: string;
}

export async function loadSubmission(db: Db, id: string): Promise<SubmissionRow> {
  const submission = isUuid(id) ? await findSubmissionById(db.query, id) : undefined;
  if (!submission || !['pending', 'changes_requested', 'approved', 'rejected'].includes(submission.status)) {
    throw notFound();
  }
  return submission;
}

/** The proposed listing; a stored document that is not a whole listing cannot be approved. */
export function submittedListing(submission: SubmissionRow): ListingDocument {
  if (!Value.Check(ListingDocument, submission.listing)) throw new AppError('VALIDATION_FAILED', { field: 'listing' });
  return submission.listing;
}

const actorOf = (moderator: Viewer) => ({ userId: moderator.id, label: moderator.displayName });

/** Who hears about the decision: the address given with the submission, or the signed-in editor who sent it. */
async function recipientOf(db: Db, submission: SubmissionRow): Promise<string | null> {
  if (submission.submitter_email) return submission.submitter_email;
  if (!submission.submitter_user_id) return null;
  return (await findUserById(db, submission.submitter_user_id))?.email ?? null;
}

async function decide(
  trx: Executor,
  decision: Decision,
  change: Parameters<typeof decideSubmission>[2],
): Promise<void> {
  if (!(await decideSubmission(trx, decision.submission.id, change))) throw new AppError('CONFLICT');
}

export async function approveSubmission(deps: ModerationDeps, decision: Decision): Promise<{ organizationId: string }> {
  const { submission, moderator } = decision;
  const listing = submittedListing(submission);
  const isNew = submission.kind === 'new_listing' || !submission.organization_id;
  const result = await deps.db.query.transaction().execute(async (trx) => {
    await decide(trx, decision, { status: 'approved', decidedBy: moderator.id, reason: null });
    // A listing an HSDS import queued keeps the source's ids where they are free (decision 009).
    const preferredIds = await importedListingIds(trx, submission.id);
    const applied = await applyListingWith(trx, {
      listing,
      organizationId: isNew ? null : submission.organization_id,
      submissionId: submission.id,
      actor: actorOf(moderator),
      action: isNew ? 'create' : 'update',
      preferredIds,
    });
    await linkSubmissionOrganization(trx, submission.id, applied.organizationId);
    if (isNew) {
      await makeEditor(inTransaction(deps.db, trx), submission, applied.organizationId, listing.organization.name);
    }
    return applied;
  });
  const to = await recipientOf(deps.db, submission);
  if (to) {
    const t = translator(submission.locale);
    const link = `${decision.origin}/${submission.locale}/organizations/${result.organizationId}`;
    const signIn = `${decision.origin}/${submission.locale}/login/link`;
    const name = listing.organization.name;
    await deps.mailer.send(deps.db, {
      to,
      subject: t('moderation.mail.approved.subject', { name }),
      text: isNew
        ? t('moderation.mail.approved.newBody', { name, link, signIn })
        : t('moderation.mail.approved.editBody', { name, link }),
      kind: 'submission_approved',
    });
  }
  return result;
}

/** A new listing's submitter edits it from now on: the account of the address given (created, passwordless, when
 * there is none yet), or else the signed-in user who sent it. */
async function makeEditor(db: Db, submission: SubmissionRow, organizationId: string, name: string): Promise<void> {
  const email = (submission.submitter_email ?? '').trim().toLowerCase();
  let userId = submission.submitter_user_id;
  if (email) {
    const existing = await findUserByEmail(db, email);
    const user =
      existing ??
      (await insertUser(db, {
        email,
        display_name: (email.split('@')[0] || name).slice(0, 120),
        password_hash: null,
        preferred_locale: submission.locale,
      }));
    userId = user.id;
  }
  if (!userId) return;
  await grantRole(db, userId, { role: 'org_editor', countryCode: null, organizationId, hubLocationId: null });
}

export async function rejectSubmission(deps: ModerationDeps, decision: Decision, reason: string): Promise<void> {
  const { submission, moderator } = decision;
  await deps.db.query
    .transaction()
    .execute((trx) => decide(trx, decision, { status: 'rejected', decidedBy: moderator.id, reason }));
  const to = await recipientOf(deps.db, submission);
  if (!to) return;
  const t = translator(submission.locale);
  const name = organizationName(submission);
  await deps.mailer.send(deps.db, {
    to,
    subject: t('moderation.mail.rejected.subject', { name }),
    text: t('moderation.mail.rejected.body', { name, reason }),
    kind: 'submission_rejected',
  });
}

export async function requestChanges(deps: ModerationDeps, decision: Decision, message: string): Promise<void> {
  const { submission, moderator } = decision;
  const token = newToken();
  await deps.db.query.transaction().execute((trx) =>
    decide(trx, decision, {
      status: 'changes_requested',
      decidedBy: moderator.id,
      reason: message,
      draftTokenHash: hashToken(token),
    }),
  );
  const to = await recipientOf(deps.db, submission);
  if (!to) return;
  const t = translator(submission.locale);
  const name = organizationName(submission);
  const link = `${decision.origin}/${submission.locale}/submit/draft/${token}`;
  await deps.mailer.send(deps.db, {
    to,
    subject: t('moderation.mail.changes.subject', { name }),
    text: t('moderation.mail.changes.body', { name, message, link }),
    kind: 'submission_changes_requested',
  });
}

/** The submission's locations and services join a live organization (a flagged duplicate). */
export async function mergeSubmission(
  deps: ModerationDeps,
  decision: Decision,
  targetOrganizationId: string,
): Promise<{ organizationId: string }> {
  const { submission, moderator } = decision;
  const proposed = submittedListing(submission);
  const result = await deps.db.query.transaction().execute(async (trx) => {
    await decide(trx, decision, {
      status: 'approved',
      decidedBy: moderator.id,
      reason: null,
      organizationId: targetOrganizationId,
    });
    const live = await loadListingWith(trx, targetOrganizationId);
    if (!live) throw notFound();
    return applyListingWith(trx, {
      listing: mergedListing(live, proposed),
      organizationId: targetOrganizationId,
      submissionId: submission.id,
      actor: actorOf(moderator),
      action: 'merge',
    });
  });
  const to = await recipientOf(deps.db, submission);
  if (to) {
    const t = translator(submission.locale);
    const name = proposed.organization.name;
    const link = `${decision.origin}/${submission.locale}/organizations/${result.organizationId}`;
    await deps.mailer.send(deps.db, {
      to,
      subject: t('moderation.mail.merged.subject', { name }),
      text: t('moderation.mail.merged.body', { name, link }),
      kind: 'submission_merged',
    });
  }
  return result;
}

/** The live listing plus the proposal's locations and services as new ones; the organization's fields stay. */
export function mergedListing(target: ListingDocument, proposed: ListingDocument): ListingDocument {
  const locationKeys = new Map(proposed.locations.map((l, i) => [l.key, `new-${i + 1}`]));
  return {
    organization: target.organization,
    locations: [
      ...target.locations,
      ...proposed.locations.map((l) => ({ ...l, key: locationKeys.get(l.key) as string })),
    ],
    services: [
      ...target.services,
      ...proposed.services.map((s, i) => ({
        ...s,
        key: `new-${i + 1}`,
        location_keys: s.location_keys.flatMap((k) => {
          const key = locationKeys.get(k);
          return key ? [key] : [];
        }),
      })),
    ],
  };
}

export function organizationName(submission: SubmissionRow): string {
  const listing = submission.listing as { organization?: { name?: unknown } } | null;
  const name = listing?.organization?.name;
  return typeof name === 'string' ? name : '';
}
