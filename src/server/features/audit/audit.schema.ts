// Route schemas of the audit history page and API.
import { Type } from 'typebox';
import { AUDIT_RESOURCE_TYPES } from './audit.repository.js';

export const AuditPageParams = Type.Object({
  locale: Type.String(),
  resourceType: Type.Enum([...AUDIT_RESOURCE_TYPES]),
  id: Type.String({ maxLength: 100 }),
});

export const AuditApiParams = Type.Object({
  resourceType: Type.Enum([...AUDIT_RESOURCE_TYPES], { description: 'organization, service, location or hub_report.' }),
  id: Type.String({ maxLength: 100, description: 'The record id (a UUID).' }),
});

const Metadata = Type.Object({
  id: Type.String(),
  resource_id: Type.String(),
  resource_type: Type.String(),
  last_action_date: Type.String(),
  last_action_type: Type.String(),
  field_name: Type.String(),
  previous_value: Type.String(),
  replacement_value: Type.String(),
  updated_by: Type.String(),
});

export const AuditApiResponse = Type.Object({ items: Type.Array(Metadata) });
