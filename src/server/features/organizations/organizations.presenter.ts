import type { Static } from 'typebox';
import type { Locale } from '../../db/schema.js';
import { pickText } from '../../i18n/i18n.js';
import type { OrganizationRecord, OrganizationSummary } from './organizations.service.js';
import type { OrganizationDetailSchema, OrganizationSchema } from './organizations.schema.js';

export function presentOrganization(org: OrganizationSummary, locale: Locale): Static<typeof OrganizationSchema> {
  const description = pickText(org.description, locale, org.original_locale);
  return {
    id: org.id,
    name: org.name,
    alternate_name: org.alternate_name,
    description: description?.text ?? '',
    text_locale: description?.locale ?? org.original_locale,
    translations: { description: org.description },
    kind: org.kind,
    email: org.email,
    website: org.website,
    origin_countries: org.origin_countries,
    residence_countries: org.residence_countries,
    last_verified_at: org.last_verified_at ? org.last_verified_at.toISOString() : null,
    verified_by: org.verified_by,
    is_demo: org.is_demo,
  };
}

export function presentOrganizationDetail(
  org: OrganizationRecord,
  locale: Locale,
): Static<typeof OrganizationDetailSchema> {
  return {
    ...presentOrganization(org, locale),
    phones: org.phones.map((p) => ({ number: p.number, extension: p.extension, type: p.type, whatsapp: p.whatsapp })),
  };
}
