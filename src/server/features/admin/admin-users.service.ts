// Turning the admin's invitation form into an invitation: the role's scope must name something that exists (a
// country code, an organization by id or by an unambiguous name, a hub location id).
import { Type } from 'typebox';
import type { Db } from '../../db/db.js';
import type { Role } from '../../db/schema.js';
import { isUuid } from '../../http/common-schema.js';
import { checkForm, fieldValue } from '../../http/form.js';
import { DisplayName, Email, LocaleField, RoleField } from '../accounts/accounts.schema.js';
import type { AccountFieldErrors } from '../accounts/form-fields.view.js';
import type { Invitation } from '../accounts/invitations.service.js';
import { locationExists, organizationExists, searchOrganizationsByName } from './admin-users.repository.js';
import type { InviteValues } from './admin-users.view.js';

const InviteForm = Type.Object({
  email: Email,
  displayName: DisplayName,
  role: RoleField,
  locale: LocaleField,
  countryCode: Type.String({ maxLength: 2 }),
  organization: Type.String({ maxLength: 200 }),
  hubLocationId: Type.String({ maxLength: 36 }),
});

export type InviteCheck =
  | { ok: true; invitation: Invitation }
  | { ok: false; errors: AccountFieldErrors; matches: { id: string; name: string }[] };

export async function checkInvitation(db: Db, values: InviteValues): Promise<InviteCheck> {
  const form = checkForm(InviteForm, values);
  if (!form.ok) return { ok: false, errors: form.errors, matches: [] };
  const { email, displayName, role, locale, countryCode, organization, hubLocationId } = form.value;
  const errors: AccountFieldErrors = {};
  let matches: { id: string; name: string }[] = [];
  let organizationId: string | null = null;
  const scoped = (r: Role) => role === r;
  if (scoped('moderator') && !/^[A-Z]{2}$/.test(countryCode)) errors.countryCode = 'required';
  if (scoped('org_editor')) {
    if (!organization) errors.organization = 'required';
    else if (isUuid(organization)) {
      if (await organizationExists(db, organization.toLowerCase())) organizationId = organization.toLowerCase();
      else errors.organization = 'noMatch';
    } else {
      matches = await searchOrganizationsByName(db, organization);
      if (matches.length === 1) organizationId = matches[0]!.id;
      else errors.organization = matches.length === 0 ? 'noMatch' : 'ambiguous';
    }
  }
  if (scoped('hub_reporter')) {
    if (!hubLocationId) errors.hubLocationId = 'required';
    else if (!isUuid(hubLocationId) || !(await locationExists(db, hubLocationId.toLowerCase()))) {
      errors.hubLocationId = 'noMatch';
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors, matches };
  return {
    ok: true,
    invitation: {
      email,
      displayName,
      locale,
      grant: {
        role,
        countryCode: scoped('moderator') ? countryCode : null,
        organizationId: scoped('org_editor') ? organizationId : null,
        hubLocationId: scoped('hub_reporter') ? hubLocationId.toLowerCase() : null,
      },
    },
  };
}

/** The invitation form as posted (text fields only; anything else reads as empty and fails its check). */
export function inviteValuesFrom(body: Record<string, unknown>): InviteValues {
  return {
    email: fieldValue(body, 'email').toLowerCase(),
    displayName: fieldValue(body, 'displayName'),
    role: fieldValue(body, 'role'),
    countryCode: fieldValue(body, 'countryCode').toUpperCase(),
    organization: fieldValue(body, 'organization'),
    hubLocationId: fieldValue(body, 'hubLocationId'),
    locale: fieldValue(body, 'locale'),
  };
}

/** What to put back in the form after an error: the input, cut to a size worth showing. */
export function forDisplay(values: InviteValues): InviteValues {
  const clip = (value: string) => value.slice(0, 254);
  return {
    email: clip(values.email),
    displayName: clip(values.displayName),
    role: clip(values.role),
    countryCode: clip(values.countryCode),
    organization: clip(values.organization),
    hubLocationId: clip(values.hubLocationId),
    locale: clip(values.locale),
  };
}
