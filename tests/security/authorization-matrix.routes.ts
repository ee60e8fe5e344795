// The authorization matrix: for each mutating route, who may use it and a plausible request (valid enough that an
// allowed role gets past authorization). Kept beside the test that drives every role against every entry.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/db.js';
import { blankForm } from '../../src/server/features/submissions/submission-form.js';
import { startDraft } from '../../src/server/features/submissions/submissions.service.js';
import { buildSubmission } from '../../src/server/features/moderation/moderation.fixtures.js';
import { sampleListing } from '../../src/server/features/listings/listing.fixtures.js';
import { ensureHubOrgUnit } from '../../src/server/features/hub-reports/org-units.repository.js';
import type { HubReportStatus } from '../../src/server/db/schema.js';

/** A fresh pending submission in Mexico (named like organization A, so A is flagged as its duplicate). */
const pendingMx = async (fx: Fixture) =>
  (await buildSubmission(fx.db, sampleListing({ name: 'Organización A (MX)' }))).id;

/** The org unit of the fixture's hub (created the first time). */
const hubUnit = async (fx: Fixture) => (await ensureHubOrgUnit(fx.db.query, fx.hubLocation))!.id;

/** A fresh report of the Mexican hub in a month no other entry uses, in the given status. */
let reportMonths = 0;
async function hubReportMx(fx: Fixture, status: HubReportStatus) {
  reportMonths++;
  const period = `${2001 + Math.floor(reportMonths / 12)}${String((reportMonths % 12) + 1).padStart(2, '0')}`;
  return fx.db.query
    .insertInto('hub_reports')
    .values({ data_set_id: 'RbDsHubMon1', org_unit_id: await hubUnit(fx), period, country_code: 'MX', status })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export const WHO = [
  'anonymous',
  'plain',
  'admin',
  'adminPending',
  'moderatorMX',
  'moderatorCR',
  'editorA',
  'editorB',
  'hubReporter',
  'publisher',
] as const;
export type Who = (typeof WHO)[number];
type SignedIn = Exclude<Who, 'anonymous'>;

export interface Fixture {
  db: Db;
  app: FastifyInstance;
  /** An organization in Mexico (editorA edits it), one in Costa Rica (editorB). */
  orgA: string;
  orgB: string;
  serviceA: string;
  hubLocation: string;
  users: Record<string, { id: string; email: string }>;
}

export interface MatrixEntry {
  /** "METHOD /url/pattern" as Fastify registered it. */
  route: string;
  allowed: 'everyone' | Who[];
  request(fx: Fixture, who: Who): Promise<{ url: string; body: Record<string, string> }>;
}

const SIGNED_IN: SignedIn[] = [
  'plain',
  'admin',
  'adminPending',
  'moderatorMX',
  'moderatorCR',
  'editorA',
  'editorB',
  'hubReporter',
  'publisher',
];
/** Signed in and past the second factor where the roles need one. */
const SIGNED_IN_DONE = SIGNED_IN.filter((who) => who !== 'adminPending');
const unique = () => randomUUID().slice(0, 8);
const fixed =
  (url: string, body: Record<string, string> = {}) =>
  async () => ({ url, body });

export const MATRIX: MatrixEntry[] = [
  // Signing in and out, links and resets: open to everyone (the link itself is what authorizes).
  {
    route: 'POST /:locale/login',
    allowed: 'everyone',
    request: fixed('/es/login', { email: 'nobody@example.org', password: 'wrong password' }),
  },
  { route: 'POST /:locale/logout', allowed: 'everyone', request: fixed('/es/logout') },
  {
    route: 'POST /:locale/login/link',
    allowed: 'everyone',
    request: fixed('/es/login/link', { email: 'nobody@example.org' }),
  },
  { route: 'POST /:locale/login/link/:token', allowed: 'everyone', request: fixed('/es/login/link/not-a-token') },
  {
    route: 'POST /:locale/password/forgot',
    allowed: 'everyone',
    request: fixed('/es/password/forgot', { email: 'nobody@example.org' }),
  },
  {
    route: 'POST /:locale/password/reset/:token',
    allowed: 'everyone',
    request: fixed('/es/password/reset/not-a-token', {
      password: 'a new long password',
      confirm: 'a new long password',
    }),
  },
  {
    route: 'POST /:locale/invite/:token',
    allowed: 'everyone',
    request: fixed('/es/invite/not-a-token', {
      displayName: 'Ana',
      password: 'a new long password',
      confirm: 'a new long password',
    }),
  },
  // Re-verification links from the freshness mail: the link itself is the credential.
  {
    route: 'POST /:locale/verify/:token',
    allowed: 'everyone',
    request: fixed('/es/verify/not-a-token', { answer: 'ok' }),
  },
  // The second-factor step belongs to a signed-in session (one already past it is sent on to its account page);
  // enrolment to any signed-in account but one whose factor is on and not yet given (sent to give it).
  {
    route: 'POST /:locale/login/totp',
    allowed: SIGNED_IN,
    request: fixed('/es/login/totp', { code: '000000' }),
  },
  {
    route: 'POST /:locale/account/totp',
    allowed: SIGNED_IN_DONE,
    request: fixed('/es/account/totp', { code: '000000' }),
  },
  // Any viewer past the second factor (one without it gets CONFLICT: there are no codes to renew); a wrong current
  // password is a form error, after the check.
  {
    route: 'POST /:locale/account/totp/recovery-codes',
    allowed: SIGNED_IN_DONE,
    request: fixed('/es/account/totp/recovery-codes', { current: 'wrong password' }),
  },
  {
    route: 'POST /:locale/account/password',
    allowed: SIGNED_IN_DONE,
    request: fixed('/es/account/password', {
      current: 'wrong password',
      password: 'a new long password',
      confirm: 'a new long password',
    }),
  },
  // Admin: users and roles.
  {
    route: 'POST /:locale/admin/users/invite',
    allowed: ['admin'],
    request: async () => ({
      url: '/es/admin/users/invite',
      body: { email: `invitee-${unique()}@example.org`, displayName: 'Invitee', role: 'publisher', locale: 'es' },
    }),
  },
  {
    route: 'POST /:locale/admin/users/roles/:roleId/revoke',
    allowed: ['admin'],
    request: async (fx) => {
      // A role of a throw-away user, so that no role of the test's own users changes.
      const user = await fx.db.query
        .insertInto('users')
        .values({ email: `target-${unique()}@example.org`, display_name: 'Target' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const role = await fx.db.query
        .insertInto('user_roles')
        .values({ user_id: user.id, role: 'publisher' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/es/admin/users/roles/${role.id}/revoke`, body: {} };
    },
  },
  // News publishing.
  {
    route: 'POST /:locale/admin/news/new',
    allowed: ['admin', 'publisher'],
    request: async () => ({
      url: '/es/admin/news/new',
      body: {
        action: 'save',
        date: '2026-11-20',
        original_locale: 'es',
        'title.es': `Nota ${unique()}`,
        status: 'draft',
      },
    }),
  },
  {
    route: 'POST /:locale/admin/news/:id/edit',
    allowed: ['admin', 'publisher'],
    request: async (fx) => {
      const item = await fx.db.query.selectFrom('news_items').select(['id', 'updated_at']).executeTakeFirst();
      return { url: `/es/admin/news/${item?.id ?? randomUUID()}/edit`, body: { action: 'preview' } };
    },
  },
  // The public submission form and its private draft links: open to everyone.
  {
    route: 'POST /:locale/submit',
    allowed: 'everyone',
    request: fixed('/es/submit', { action: 'save', 'organization.name': 'Matriz' }),
  },
  {
    route: 'POST /:locale/submit/draft/:token',
    allowed: 'everyone',
    request: async (fx) => ({
      url: `/es/submit/draft/${await startDraft(fx.db, 'es', blankForm('es'))}`,
      body: { action: 'save', 'organization.name': 'Matriz' },
    }),
  },
  {
    route: 'POST /:locale/submit/confirm/:token',
    allowed: 'everyone',
    request: fixed('/es/submit/confirm/not-a-token'),
  },
  // The lite-mode switch: a cookie on the visitor's own device, open to everyone (CSRF still required).
  {
    route: 'POST /:locale/settings',
    allowed: 'everyone',
    request: fixed('/es/settings', { lite: 'on' }),
  },
  // Editing a live listing: its editors and admins.
  {
    route: 'POST /:locale/account/organizations/:id/edit',
    allowed: ['admin', 'editorA'],
    request: async (fx) => ({ url: `/es/account/organizations/${fx.orgA}/edit`, body: { action: 'save' } }),
  },
  // Moderation decisions: admins and the moderators of the submission's country.
  {
    route: 'POST /:locale/admin/moderation/:id/approve',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => ({ url: `/es/admin/moderation/${await pendingMx(fx)}/approve`, body: {} }),
  },
  {
    route: 'POST /:locale/admin/moderation/:id/reject',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => ({
      url: `/es/admin/moderation/${await pendingMx(fx)}/reject`,
      body: { reason: 'Duplicada' },
    }),
  },
  {
    route: 'POST /:locale/admin/moderation/:id/request-changes',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => ({
      url: `/es/admin/moderation/${await pendingMx(fx)}/request-changes`,
      body: { reason: 'Falta el horario' },
    }),
  },
  {
    route: 'POST /:locale/admin/moderation/:id/merge',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => ({
      url: `/es/admin/moderation/${await pendingMx(fx)}/merge`,
      body: { organization_id: fx.orgA },
    }),
  },
  // Hub reports: the hub's reporters (and admins) file; the country's moderators decide; admins unlock.
  {
    route: 'POST /:locale/hub/reports/:orgUnitId/:month',
    allowed: ['admin', 'hubReporter'],
    request: async (fx) => {
      const orgUnitId = await hubUnit(fx);
      const report = await fx.db.query
        .selectFrom('hub_reports')
        .select('version')
        .where('org_unit_id', '=', orgUnitId)
        .where('period', '=', '202405')
        .executeTakeFirst();
      return {
        url: `/es/hub/reports/${orgUnitId}/2024-05`,
        body: { version: String(report?.version ?? 0), action: 'save', 'v.RbDePplTot1.HllvX50cXC0': '12' },
      };
    },
  },
  {
    route: 'POST /:locale/admin/hub-reports/:id/approve',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => {
      const report = await hubReportMx(fx, 'submitted');
      return { url: `/es/admin/hub-reports/${report.id}/approve`, body: { version: String(report.version) } };
    },
  },
  {
    route: 'POST /:locale/admin/hub-reports/:id/return',
    allowed: ['admin', 'moderatorMX'],
    request: async (fx) => {
      const report = await hubReportMx(fx, 'submitted');
      return {
        url: `/es/admin/hub-reports/${report.id}/return`,
        body: { version: String(report.version), comment: 'Faltan las nacionalidades' },
      };
    },
  },
  {
    route: 'POST /:locale/admin/hub-reports/:id/unlock',
    allowed: ['admin'],
    request: async (fx) => {
      const report = await hubReportMx(fx, 'approved');
      return {
        url: `/es/admin/hub-reports/${report.id}/unlock`,
        body: { version: String(report.version), reason: 'Corrección del total', to: 'returned' },
      };
    },
  },
  // Importing hub figures (dataValueSets or CSV) is for admins only; an empty upload is refused with a 400 page.
  {
    route: 'POST /:locale/admin/hub-reports/import',
    allowed: ['admin'],
    request: fixed('/es/admin/hub-reports/import', { text: '', dry_run: '1' }),
  },
];
