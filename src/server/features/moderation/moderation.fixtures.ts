// Test helpers for moderation: a submission waiting in the queue, and posting a decision as a browser would.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.js';
import type { SubmissionStatus } from '../../db/schema.js';
import { csrfFor } from '../../../../tests/support/auth.js';
import type { ListingDocument } from '../listings/listing.schema.js';
import { hashToken } from '../accounts/secrets.js';

export async function buildSubmission(
  db: Db,
  listing: ListingDocument,
  options: {
    kind?: 'new_listing' | 'edit';
    organizationId?: string | null;
    status?: SubmissionStatus;
    countryCode?: string | null;
    email?: string | null;
    locale?: 'es' | 'en' | 'fr' | 'ht' | 'pt';
    duplicates?: unknown[];
  } = {},
) {
  return db.query
    .insertInto('submissions')
    .values({
      draft_token_hash: hashToken(randomUUID()),
      kind: options.kind ?? 'new_listing',
      organization_id: options.organizationId ?? null,
      status: options.status ?? 'pending',
      listing: JSON.stringify(listing),
      locale: options.locale ?? 'es',
      country_code:
        options.countryCode === undefined ? (listing.locations[0]?.country_code ?? null) : options.countryCode,
      submitter_email:
        options.email === undefined ? `submitter-${randomUUID().slice(0, 8)}@example.org` : options.email,
      duplicates: JSON.stringify(options.duplicates ?? []),
      submitted_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** POSTs a decision form with a valid CSRF token taken from the submission's own page. */
export async function postDecision(
  app: FastifyInstance,
  cookie: string,
  id: string,
  action: 'approve' | 'reject' | 'request-changes' | 'merge',
  fields: Record<string, string> = {},
  csrfUrl = `/es/admin/moderation/${id}`,
) {
  const csrf = await csrfFor(app, cookie, csrfUrl);
  return app.inject({
    method: 'POST',
    url: `/es/admin/moderation/${id}/${action}`,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: csrf.token }).toString(),
  });
}
