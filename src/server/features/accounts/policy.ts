// Who may do what. Every mutating route asks here; nothing else decides. A Viewer is a signed-in user with the
// roles they hold; anonymous visitors have no Viewer.
import type { Role } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

export interface RoleGrant {
  role: Role;
  /** moderator: the country they moderate (ISO 3166-1 alpha-2). */
  countryCode: string | null;
  /** org_editor: the organization they edit. */
  organizationId: string | null;
  /** hub_reporter: the hub (a directory location) they report for. */
  hubLocationId: string | null;
}

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  roles: RoleGrant[];
  totpEnabled: boolean;
  /** The session has passed the second factor (or the account needs none). */
  secondFactorDone: boolean;
  sessionId: string;
}

/** Admins and moderators must use TOTP before they reach anything privileged. */
export function needsTotp(viewer: Pick<Viewer, 'roles'>): boolean {
  return viewer.roles.some((grant) => grant.role === 'admin' || grant.role === 'moderator');
}

export type Action =
  | { kind: 'manage_users' }
  | { kind: 'read_outbox' }
  | { kind: 'moderate'; countryCode: string | null }
  | { kind: 'moderate_any' }
  | { kind: 'edit_organization'; organizationId: string }
  | { kind: 'report_hub'; hubLocationId: string }
  | { kind: 'review_hub_report'; countryCode: string }
  | { kind: 'review_hub_reports_any' }
  | { kind: 'unlock_hub_report' }
  | { kind: 'import_hub_reports' }
  | { kind: 'read_hub_figures' }
  | { kind: 'publish_news' }
  | { kind: 'read_audit' };

export function can(viewer: Viewer | null, action: Action): boolean {
  if (!viewer || !viewer.secondFactorDone) return false;
  const has = (role: Role, matches: (grant: RoleGrant) => boolean = () => true) =>
    viewer.roles.some((grant) => grant.role === role && matches(grant));
  if (has('admin')) return true;
  switch (action.kind) {
    case 'manage_users':
    case 'read_outbox':
    case 'unlock_hub_report':
    case 'import_hub_reports':
      return false;
    case 'moderate':
      // A submission with no country yet goes to admins only.
      return action.countryCode !== null && has('moderator', (g) => g.countryCode === action.countryCode);
    case 'moderate_any':
    case 'read_audit':
      return has('moderator');
    case 'edit_organization':
      return has('org_editor', (g) => g.organizationId === action.organizationId);
    case 'report_hub':
      return has('hub_reporter', (g) => g.hubLocationId === action.hubLocationId);
    case 'review_hub_report':
      return has('moderator', (g) => g.countryCode === action.countryCode);
    case 'review_hub_reports_any':
      return has('moderator');
    case 'read_hub_figures':
      // The unsuppressed figures: people who report, review or publish them.
      return has('moderator') || has('hub_reporter') || has('publisher');
    case 'publish_news':
      return has('publisher');
  }
}

/** Throws UNAUTHENTICATED for anonymous visitors and FORBIDDEN for a viewer without the right. */
export function authorize(viewer: Viewer | null, action: Action): asserts viewer is Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  if (!can(viewer, action)) throw new AppError('FORBIDDEN');
}

/** Countries a viewer moderates; null means every country (admins). */
export function moderatedCountries(viewer: Viewer): string[] | null {
  if (viewer.roles.some((grant) => grant.role === 'admin')) return null;
  return viewer.roles.flatMap((grant) => (grant.role === 'moderator' && grant.countryCode ? [grant.countryCode] : []));
}
