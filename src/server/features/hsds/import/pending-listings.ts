// An unverified import goes to moderation, not live: each organization it touches becomes one pending submission
// (a new listing, or an edit of the live listing when the organization is already in Rumbo) in the queue that
// moderators already work through per country. Approving it applies the listing like any other submission, and
// verifies it; new rows take their HSDS ids (remembered per submission), so importing the same source again finds
// them live. Importing the same organization again brings its still-pending submission up to date.
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../../accounts/secrets.js';
import type { Executor } from '../../listings/listing.repository.js';
import { loadListingWith } from '../../listings/listing.service.js';
import type { ListingDocument } from '../../listings/listing.schema.js';
import { diffListings } from '../../listings/listing-diff.js';
import type { ImportTrx } from './hsds-import.repository.js';
import { idOf, reportLine, type ImportPlan } from './import-plan.js';
import type { ReportLine } from './import-report.js';
import {
  importSubmissionLinks,
  insertQueuedListings,
  linkImportSubmissions,
  liveOwners,
  refreshQueuedListings,
  type ImportSubmissionLinkRow,
  type QueuedListing,
} from './import-submissions.repository.js';
import { buildListings, type ListingDraft } from './listing-documents.js';
import type { SourceRecord } from './source-record.js';

export interface PendingResult {
  lines: ReportLine[];
  kept: SourceRecord[];
  submissions: number;
}

/** Live listings of the live organizations the plan touches, and who owns the live locations and services it names. */
async function liveContext(trx: ImportTrx, plan: ImportPlan) {
  const owners = new Map([
    ...(await liveOwners(trx, 'locations', [...plan.existing.location])),
    ...(await liveOwners(trx, 'services', [...plan.existing.service])),
  ]);
  const touched = new Set(owners.values());
  for (const { resource, rows } of plan.tables) {
    if (resource === 'organization') for (const r of rows) touched.add(idOf(r.source));
    if (resource === 'location' || resource === 'service')
      for (const r of rows) touched.add(String(r.row.organization_id));
  }
  const listings = new Map<string, ListingDocument>();
  // One organization at a time: a transaction is one connection.
  for (const id of touched) {
    if (!plan.existing.organization.has(id)) continue;
    // The same transaction: listings read only the directory's tables, a subset of the import's.
    const listing = await loadListingWith(trx as unknown as Executor, id);
    if (listing) listings.set(id, listing);
  }
  return { owners, listings, termCodes: plan.termCodes };
}

function queued(draft: ListingDraft, id: string, now: Date): QueuedListing {
  return {
    id,
    kind: draft.live ? 'edit' : 'new_listing',
    organizationId: draft.live ? draft.organizationId : null,
    listing: JSON.stringify(draft.listing),
    locale: draft.listing.organization.original_locale,
    countryCode: draft.listing.locations[0]?.country_code ?? null,
    // Nobody holds the draft link of an imported listing: its token is thrown away.
    draftTokenHash: hashToken(newToken()),
    submittedAt: now,
  };
}

export async function queuePendingListings(trx: ImportTrx, plan: ImportPlan, now: Date): Promise<PendingResult> {
  const context = await liveContext(trx, plan);
  const { drafts: built, kept } = buildListings(plan, context);
  const lines = kept.map((k) => reportLine(k.source, 'kept', `not sent to moderation: ${k.reason}`, k.field));
  const keptSources = kept.map((k) => k.source);
  // Links carrying more than a listing can hold are queued and kept whole too.
  const alsoKeep = new Map<SourceRecord, string>();
  for (const link of [...plan.links.language, ...plan.links.attribute]) {
    if (link.alsoKeep) alsoKeep.set(link.source, link.alsoKeep);
  }

  const earlier = await importSubmissionLinks(
    trx,
    built.map((d) => d.organizationId),
  );
  // A live organization the source describes exactly as it is live needs no moderator (a nightly re-import of an
  // unchanged source queues nothing); one with a pending submission still gets it brought up to date.
  const drafts: ListingDraft[] = [];
  for (const draft of built) {
    const live = draft.live ? context.listings.get(draft.organizationId) : undefined;
    const pending = earlier.get(draft.organizationId)?.status === 'pending';
    if (live && !pending && diffListings(live, draft.listing).every((change) => change.kind === 'same')) {
      for (const source of draft.sources)
        lines.push(reportLine(source, 'skipped', 'unchanged: the live listing already says this'));
      continue;
    }
    drafts.push(draft);
  }
  const fresh: QueuedListing[] = [];
  const refreshed: QueuedListing[] = [];
  const links: ImportSubmissionLinkRow[] = [];
  for (const draft of drafts) {
    const link = earlier.get(draft.organizationId);
    const kind = draft.live ? 'edit' : 'new_listing';
    const reuse = link && link.status === 'pending' && link.kind === kind;
    const entry = queued(draft, reuse ? link.submissionId : randomUUID(), now);
    (reuse ? refreshed : fresh).push(entry);
    // Every link is written, a reused one too: its document's new keys may stand for other HSDS ids now.
    links.push({ organizationId: draft.organizationId, submissionId: entry.id, hsdsIds: draft.hsdsIds });
    const reason = reuse
      ? `awaiting moderation: brought submission ${entry.id} up to date`
      : `awaiting moderation in submission ${entry.id}`;
    for (const source of draft.sources) {
      const more = alsoKeep.get(source);
      if (more) keptSources.push(source);
      lines.push(reportLine(source, 'pending', more ? `${reason}; kept whole too because ${more}` : reason));
    }
  }
  await insertQueuedListings(trx, fresh);
  await refreshQueuedListings(trx, refreshed);
  await linkImportSubmissions(trx, links);
  return { lines, kept: keptSources, submissions: drafts.length };
}
