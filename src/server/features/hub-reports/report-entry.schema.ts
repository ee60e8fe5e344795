// Route schemas of the hub report pages. Form bodies stay loose so bad figures reach the checks and come back as
// messages next to their fields, not as a 400 page.
import { Type } from 'typebox';
import { CLEAN_TEXT } from '../listings/listing.schema.js';

export const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
export const LocaleParams = Type.Object({ locale: Type.String() });
export const HubParams = Type.Object({ locale: Type.String(), orgUnitId: Type.String({ maxLength: 40 }) });
export const HubMonthParams = Type.Object({
  locale: Type.String(),
  orgUnitId: Type.String({ maxLength: 40 }),
  month: Type.String({ maxLength: 20 }),
});
export const MonthQuery = Type.Object({ month: Type.Optional(Type.String({ maxLength: 20 })) });
export const EntryQuery = Type.Object({ done: Type.Optional(Type.Enum(['saved', 'submitted'])) });

export const ReportParams = Type.Object({ locale: Type.String(), id: Type.String({ maxLength: 100 }) });
export const ReportQuery = Type.Object({ done: Type.Optional(Type.Enum(['approved', 'returned', 'unlocked'])) });
export const QueueQuery = Type.Object({
  status: Type.Enum(['submitted', 'returned', 'approved', 'draft'], { default: 'submitted' }),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
});

export const COMMENT_MAX = 2000;
const comment = Type.String({ minLength: 1, maxLength: COMMENT_MAX, pattern: CLEAN_TEXT });

/** Returning a report: the moderator says what to fix. */
export const ReturnForm = Type.Object({ comment });
/** Unlocking an approved report: why, and whether it goes back as returned (with the reason shown) or a draft. */
export const UnlockForm = Type.Object({ reason: comment, to: Type.Enum(['returned', 'draft']) });
