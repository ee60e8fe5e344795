// Request shapes of the settings page: the lite-mode choice is "on" or "off"; anything else is refused with a 400
// in the visitor's language (SETTINGS_LITE_INVALID), checked in the route so the message is ours, not the validator's.
import { Type } from 'typebox';

export const LocaleParams = Type.Object({ locale: Type.String() });

export const SettingsQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 8 })) });

/** The form body: `lite` plus the CSRF field (checked before validation by http/security.ts). */
export const SettingsBody = Type.Object({ lite: Type.Optional(Type.Unknown()) });

export const LITE_CHOICES = ['on', 'off'] as const;
export type LiteChoice = (typeof LITE_CHOICES)[number];

export function isLiteChoice(value: unknown): value is LiteChoice {
  return typeof value === 'string' && (LITE_CHOICES as readonly string[]).includes(value);
}
