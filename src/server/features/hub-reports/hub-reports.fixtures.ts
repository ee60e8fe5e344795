// Test helpers for hub reports: a hub (directory location + org unit), well-formed figures, approved months of
// history, and posting a form as a browser would (with the CSRF token of a page).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/db.js';
import { csrfFor } from '../../../../tests/support/auth.js';
import { buildLocation, buildOrganization } from '../../../../tests/support/factories.js';
import type { RoleGrant, Viewer } from '../accounts/policy.js';
import { approveReport, findHub, saveReport, type Hub } from './hub-reports.service.js';
import { ensureHubOrgUnit } from './org-units.repository.js';
import { cellField, type CellKey, type CellValues } from './report-validation.js';

/** Cells of the seeded data set (migrations/0010_hub_reports.sql). */
export const CELL = {
  total: 'RbDePplTot1.HllvX50cXC0',
  female: 'RbDePplSex1.RbCocSexF01',
  male: 'RbDePplSex1.RbCocSexM01',
  sexOther: 'RbDePplSex1.RbCocSexO01',
  age0: 'RbDePplAge1.RbCocAge017',
  age18: 'RbDePplAge1.RbCocAge185',
  age60: 'RbDePplAge1.RbCocAge60p',
  natVen: 'RbDePplNat1.RbCocNatVEN',
  natHnd: 'RbDePplNat1.RbCocNatHND',
  svcInfo: 'RbDeSvcPrv1.RbCocSvcInf',
  svcReferral: 'RbDeSvcPrv1.RbCocSvcRef',
  refHealth: 'RbDeRefDst1.RbCocRefHea',
} as const satisfies Record<string, CellKey>;

export async function buildHub(
  db: Db,
  location: { country_code?: string; admin_area?: string; city?: string } = {},
): Promise<Hub> {
  const organization = await buildOrganization(db, { name: `Centro de información ${location.city ?? 'Tapachula'}` });
  const place = await buildLocation(db, organization.id, location);
  const unit = await ensureHubOrgUnit(db.query, place.id);
  const hub = unit ? await findHub(db, unit.id) : null;
  if (!hub) throw new Error('no hub org unit');
  return hub;
}

/** Figures whose breakdowns add up: total = female + male + other = the three age groups. */
export function consistentFigures(total: number): CellValues {
  const female = Math.floor(total / 2);
  const child = Math.floor(total / 4);
  return new Map<CellKey, number>([
    [CELL.total, total],
    [CELL.female, female],
    [CELL.male, total - female],
    [CELL.sexOther, 0],
    [CELL.age0, child],
    [CELL.age18, total - child],
    [CELL.age60, 0],
    [CELL.natVen, Math.floor(total / 3)],
    [CELL.svcInfo, total],
    [CELL.svcReferral, 2],
    [CELL.refHealth, 2],
  ]);
}

/** Form fields ('v.<cell>') for some figures; strings go as typed. */
export function formFields(values: CellValues | Map<CellKey, string>): Record<string, string> {
  return Object.fromEntries([...values].map(([key, value]) => [cellField(key), String(value)]));
}

export function viewerFor(user: { id: string; email: string }, roles: RoleGrant[]): Viewer {
  return {
    id: user.id,
    email: user.email,
    displayName: `Test ${user.email}`,
    locale: 'es',
    roles,
    totpEnabled: false,
    secondFactorDone: true,
    sessionId: 'test',
  };
}

/** A month filed, submitted and approved (history for outlier checks, figures for rollups). */
export async function approvedMonth(
  db: Db,
  hub: Hub,
  period: string,
  values: CellValues,
  reporter: Viewer,
  moderator: Viewer,
) {
  const saved = await saveReport(db, {
    hub,
    period,
    viewer: reporter,
    version: 0,
    values,
    submit: { outliersConfirmed: false },
  });
  if (saved.kind !== 'saved') throw new Error('could not save');
  return approveReport(db, { report: saved.report, viewer: moderator, version: saved.report.version });
}

/** Posts a form with a fresh CSRF token for the cookie's session. */
export async function postForm(app: FastifyInstance, url: string, cookie: string, fields: Record<string, string>) {
  const csrf = await csrfFor(app, cookie);
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
    payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
  });
}

/** The version a rendered form carries. */
export function versionIn(html: string): string {
  const version = /name="version" value="(\d+)"/.exec(html)?.[1];
  if (version === undefined) throw new Error('no version field in the page');
  return version;
}
