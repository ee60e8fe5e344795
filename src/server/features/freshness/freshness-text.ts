// How freshness reads on pages, kept free of other imports so directory views can use it.
import type { Translate } from '../../i18n/i18n.js';

/**
 * What verified_by says after a contact confirmed by mail. Stored as this fixed text (it is open data); pages show
 * it translated (see verifiedByText).
 */
export const VERIFIED_BY_CONTACT = 'Listing contact (email)';

/** verified_by as pages show it: the contact's confirmation in the reader's language, anything else as stored. */
export function verifiedByText(verifiedBy: string | null, t: Translate): string | null {
  if (verifiedBy === VERIFIED_BY_CONTACT) return t('freshness.verifiedByContact');
  return verifiedBy;
}
