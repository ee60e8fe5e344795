// Route schemas of the moderation pages. Form bodies stay loose so bad input reaches the form checks below and
// comes back as errors next to the fields, not as a 400 page.
import { Type } from 'typebox';
import { CLEAN_TEXT } from '../listings/listing.schema.js';
import { QUEUE_STATUSES } from './moderation.repository.js';

export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
export const LocaleParams = Type.Object({ locale: Type.String() });
export const SubmissionParams = Type.Object({ locale: Type.String(), id: Type.String({ maxLength: 100 }) });

export const QueueQuery = Type.Object({
  status: Type.Enum([...QUEUE_STATUSES], { default: 'pending' }),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  kind: Type.Optional(Type.Enum(['new_listing', 'edit'])),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
});

export const SubmissionQuery = Type.Object({
  unchanged: Type.Optional(Type.Enum(['1'])),
  done: Type.Optional(Type.Enum(['approved', 'rejected', 'changes_requested', 'merged'])),
});

export const MESSAGE_MAX = 2000;

/** The moderator's words to the submitter: required, plain text, not a novel. */
export const ReasonForm = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: MESSAGE_MAX, pattern: CLEAN_TEXT }),
});

export const MergeForm = Type.Object({
  organization_id: Type.String({ minLength: 1, pattern: '^[0-9a-f-]{36}$' }),
});
