// The life of a submission before moderation: a draft under a private link (saved on every post), sent for
// confirmation by mail (anonymous submitters) or straight to the queue (signed-in editors, or a listing sent back
// for changes), then confirmed into the moderation queue with its country and likely duplicates.
import type { Kysely } from 'kysely';
import { inTransaction, type Db } from '../../db/db.js';
import type { Database, Locale, SubmissionStatus } from '../../db/schema.js';
import type { AppContext } from '../../http/app-context.js';
import { translator } from '../../i18n/i18n.js';
import { hashToken, newToken } from '../accounts/secrets.js';
import { consumeToken, findUsableToken, insertToken } from '../accounts/tokens.repository.js';
import type { ListingDocument } from '../listings/listing.schema.js';
import { findLikelyDuplicates } from '../listings/listing-duplicates.repository.js';
import { loadListing } from '../listings/listing.service.js';
import type { Claim } from './client-keys.service.js';
import { blankForm, formFromListing, type ListingForm } from './submission-form.js';
import {
  advanceSubmission,
  countSubmissionsFrom,
  findOpenEdit,
  findSubmission,
  findSubmissionByTokenHash,
  insertSubmission,
  lockSubmitterEmail,
  lockOrganizationForEdit,
  saveDraftForm,
  type SubmissionRow,
} from './submissions.repository.js';

export const CONFIRM_LINK_HOURS = 48;
export const MAX_SUBMISSIONS_PER_EMAIL_PER_DAY = 5;
/** Statuses in which the submitter may still change the form. */
export const EDITABLE: SubmissionStatus[] = ['draft', 'changes_requested'];

type Ctx = Pick<AppContext, 'db' | 'mailer'>;
/** Who is submitting: signed-in editors skip the confirmation mail. */
export interface Submitter {
  userId: string | null;
}

/** The draft behind a private link, or undefined for an unknown one. */
export function findDraft(db: Db, token: string): Promise<SubmissionRow | undefined> {
  if (token.length > 100) return Promise.resolve(undefined);
  return findSubmissionByTokenHash(db, hashToken(token));
}

/** The form a submission shows: what was last typed, else the document it holds. */
export function formOf(row: SubmissionRow): ListingForm {
  if (row.draft_form) return row.draft_form as ListingForm;
  if (isListing(row.listing)) return formFromListing(row.listing, row.submitter_email ?? '');
  return blankForm(row.locale, row.submitter_email ?? '');
}

export function isListing(value: unknown): value is ListingDocument {
  return typeof value === 'object' && value !== null && 'organization' in value && 'locations' in value;
}

/** Starts a draft of a new listing with what was typed; returns its private token. With a claim, the form's
 *  client key is claimed in the same transaction (see client-keys.service.ts). */
export async function startDraft(db: Db, locale: Locale, form: ListingForm, claim?: Claim): Promise<string> {
  const token = newToken();
  await db.query.transaction().execute(async (trx) => {
    await claim?.(trx, token);
    await insertSubmission(trx, {
      draftTokenHash: hashToken(token),
      kind: 'new_listing',
      organizationId: null,
      status: 'draft',
      listing: {},
      draftForm: form,
      locale,
      submitterEmail: null,
      submitterUserId: null,
    });
  });
  return token;
}

/** Saves the typed form into an existing draft; false when it can no longer be edited. */
export function saveDraft(db: Db, row: SubmissionRow, form: ListingForm): Promise<boolean> {
  return saveDraftForm(db, row.id, form, EDITABLE);
}

/** Whether this address may send another submission today. */
async function underEmailLimit(db: Db, email: string): Promise<boolean> {
  const since = new Date(Date.now() - 24 * 3_600_000);
  return (await countSubmissionsFrom(db, email, since)) < MAX_SUBMISSIONS_PER_EMAIL_PER_DAY;
}

/** Thrown inside a transaction that would send one address more than its day's confirmations (it rolls back). */
export class EmailLimitReached extends Error {
  override name = 'EmailLimitReached';
}

/** In the transaction that mails `email`: waits for other posts from the address, then counts what it sent (so
 *  that posts sent at once cannot pass the limit together). */
async function holdEmailLimit(db: Db, trx: Kysely<Database>, email: string): Promise<void> {
  await lockSubmitterEmail(trx, email);
  if (!(await underEmailLimit(inTransaction(db, trx), email))) throw new EmailLimitReached();
}

/** A whole new listing sent from the fresh form: the draft row, its confirmation link and the mail, at once. */
export async function submitNewListing(
  ctx: Ctx,
  input: { locale: Locale; listing: ListingDocument; email: string; origin: string; claim?: Claim | undefined },
): Promise<string> {
  const token = newToken();
  await ctx.db.query.transaction().execute(async (trx) => {
    await input.claim?.(trx, token);
    await holdEmailLimit(ctx.db, trx, input.email);
    const row = await insertSubmission(trx, {
      draftTokenHash: hashToken(token),
      kind: 'new_listing',
      organizationId: null,
      status: 'awaiting_confirmation',
      listing: input.listing,
      draftForm: null,
      locale: input.locale,
      submitterEmail: input.email,
      submitterUserId: null,
    });
    await sendConfirmation(ctx, trx, row, input.listing, input.email, input.origin, token);
  });
  return token;
}

/** Sends an existing draft on: to the queue (signed-in editor, or after changes were requested), else to mail
 *  confirmation. False when a decision got there first (nothing written). */
export async function submitDraft(
  ctx: Ctx,
  row: SubmissionRow,
  input: {
    listing: ListingDocument;
    email: string;
    origin: string;
    draftToken: string | null;
    claim?: Claim | undefined;
  },
): Promise<boolean> {
  const straightToQueue = row.status === 'changes_requested' || row.submitter_user_id !== null;
  if (straightToQueue) {
    const entry = await queueEntry(ctx.db, input.listing, row.organization_id);
    return ctx.db.query.transaction().execute(async (trx) => {
      const moved = await advanceSubmission(trx, row.id, [row.status], {
        status: 'pending',
        listing: input.listing,
        // The address stays the one confirmed (or the editor's account): a resubmission cannot change it unconfirmed.
        submitterEmail: row.submitter_email ?? input.email,
        ...entry,
      });
      // The key is claimed only when this post moved the row (the status guard decides between concurrent posts).
      if (moved) await input.claim?.(trx, input.draftToken ?? '');
      return moved;
    });
  }
  return ctx.db.query.transaction().execute(async (trx) => {
    await holdEmailLimit(ctx.db, trx, input.email);
    const moved = await advanceSubmission(trx, row.id, ['draft'], {
      status: 'awaiting_confirmation',
      listing: input.listing,
      submitterEmail: input.email,
    });
    if (moved) {
      await input.claim?.(trx, input.draftToken ?? '');
      await sendConfirmation(ctx, trx, row, input.listing, input.email, input.origin, input.draftToken);
    }
    return moved;
  });
}

async function queueEntry(db: Db, listing: ListingDocument, organizationId: string | null) {
  const duplicates = await findLikelyDuplicates(db, listing, organizationId ?? undefined);
  return { countryCode: listing.locations[0]?.country_code ?? null, duplicates, submittedAt: new Date() };
}

async function sendConfirmation(
  ctx: Ctx,
  trx: Kysely<Database>,
  row: SubmissionRow,
  listing: ListingDocument,
  email: string,
  origin: string,
  draftToken: string | null,
): Promise<void> {
  const token = newToken();
  await insertToken(inTransaction(ctx.db, trx), {
    tokenHash: hashToken(token),
    purpose: 'confirm_submission',
    userId: null,
    email,
    payload: { submissionId: row.id },
    expiresAt: new Date(Date.now() + CONFIRM_LINK_HOURS * 3_600_000),
  });
  const t = translator(row.locale);
  const draft = draftToken ? `${origin}/${row.locale}/submit/draft/${draftToken}` : '';
  await ctx.mailer.send(inTransaction(ctx.db, trx), {
    to: email,
    subject: t('submissions.mail.confirm.subject', { organization: listing.organization.name }),
    text: t('submissions.mail.confirm.body', {
      organization: listing.organization.name,
      link: `${origin}/${row.locale}/submit/confirm/${token}`,
      hours: CONFIRM_LINK_HOURS,
      draft: draft || '-',
    }),
    kind: 'confirm_submission',
  });
}

/** Whether a confirmation link can still be used (showing its page does not use it). */
export async function confirmationIsUsable(db: Db, token: string): Promise<boolean> {
  return token.length <= 100 && Boolean(await findUsableToken(db, hashToken(token), 'confirm_submission'));
}

/** Uses a confirmation link: the submission enters the moderation queue. False for an unusable link. */
export async function confirmSubmission(db: Db, token: string): Promise<boolean> {
  if (token.length > 100) return false;
  const usable = await findUsableToken(db, hashToken(token), 'confirm_submission');
  const id = usable?.payload.submissionId;
  if (typeof id !== 'string') return false;
  const row = await findSubmission(db.query, id);
  if (!row || row.status !== 'awaiting_confirmation' || !isListing(row.listing)) return false;
  const entry = await queueEntry(db, row.listing, row.organization_id);
  return db.query.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, hashToken(token), 'confirm_submission'))) return false;
    return advanceSubmission(trx, id, ['awaiting_confirmation'], { status: 'pending', ...entry });
  });
}

/** An edit draft of a live listing, prefilled from it (for a contact asked to re-verify, or an editor). */
export async function createEditDraft(
  db: Db,
  input: { organizationId: string; locale: Locale; email: string | null; userId: string | null },
): Promise<{ token: string }> {
  const listing = await loadListing(db, input.organizationId);
  if (!listing) throw new Error(`no organization ${input.organizationId}`);
  const token = newToken();
  await insertSubmission(db.query, {
    draftTokenHash: hashToken(token),
    kind: 'edit',
    organizationId: input.organizationId,
    status: 'draft',
    listing,
    draftForm: null,
    locale: input.locale,
    submitterEmail: input.email,
    submitterUserId: input.userId,
  });
  return { token };
}

/** The signed-in editor's open edit of an organization, or a new form prefilled from the live listing. */
export async function editorDraft(
  db: Db,
  organizationId: string,
  viewer: { id: string; email: string },
): Promise<{ row: SubmissionRow | undefined; form: ListingForm; base: ListingDocument | undefined } | undefined> {
  const row = await findOpenEdit(db, organizationId, viewer.id);
  if (row) return { row, form: formOf(row), base: isListing(row.listing) ? row.listing : undefined };
  const listing = await loadListing(db, organizationId);
  if (!listing) return undefined;
  return { row: undefined, form: formFromListing(listing, viewer.email), base: listing };
}

export interface EditorInput {
  row: SubmissionRow | undefined;
  organizationId: string;
  locale: Locale;
  viewer: { id: string; email: string };
  /** The listing the edit started from (texts the form does not show are kept from it). */
  base: ListingDocument | undefined;
}

/** Saves an editor's typed edit: into the open edit, or as a new one. */
export async function saveEditorDraft(
  db: Db,
  input: EditorInput,
  form: ListingForm,
): Promise<SubmissionRow | undefined> {
  if (input.row) return (await saveDraft(db, input.row, form)) ? input.row : undefined;
  // None was open when the page read: looked for again under the organization's lock, so the same form saved twice
  // at once makes one edit (the later post saves into it) and never a second.
  return db.query.transaction().execute(async (trx) => {
    await lockOrganizationForEdit(trx, input.organizationId);
    const inTrx = inTransaction(db, trx);
    const open = await findOpenEdit(inTrx, input.organizationId, input.viewer.id);
    if (open) return (await saveDraft(inTrx, open, form)) ? open : undefined;
    return insertSubmission(trx, {
      draftTokenHash: hashToken(newToken()),
      kind: 'edit',
      organizationId: input.organizationId,
      status: 'draft',
      listing: input.base ?? {},
      draftForm: form,
      locale: input.locale,
      submitterEmail: input.viewer.email,
      submitterUserId: input.viewer.id,
    });
  });
}

/** An editor's edit sent to the moderation queue (no mail confirmation: the editor is signed in). */
export async function submitEditorEdit(
  ctx: Ctx,
  input: EditorInput,
  listing: ListingDocument,
  claim?: Claim,
): Promise<boolean> {
  if (input.row)
    return submitDraft(ctx, input.row, { listing, email: input.viewer.email, origin: '', draftToken: null, claim });
  const entry = await queueEntry(ctx.db, listing, input.organizationId);
  return ctx.db.query.transaction().execute(async (trx) => {
    // As for a save: an edit opened meanwhile (by the same form sent at once, with its key or without) is not
    // doubled, and the key is not claimed for nothing (the route then finds the first post's claim, or answers 409).
    await lockOrganizationForEdit(trx, input.organizationId);
    if (await findOpenEdit(inTransaction(ctx.db, trx), input.organizationId, input.viewer.id)) return false;
    await claim?.(trx, '');
    await insertSubmission(trx, {
      draftTokenHash: hashToken(newToken()),
      kind: 'edit',
      organizationId: input.organizationId,
      status: 'pending',
      listing,
      draftForm: null,
      locale: input.locale,
      submitterEmail: input.viewer.email,
      submitterUserId: input.viewer.id,
      ...entry,
    });
    return true;
  });
}
