// What feature routes get besides the database: mail, site facts, and the settings that shape their behaviour.
import type { Db } from '../db/db.js';
import type { Mailer } from '../features/mail/mail.service.js';
import type { SiteFacts } from '../features/site/site.service.js';

export interface FreshnessSettings {
  /** Ask a listing's contact to re-verify after this many months. */
  reverifyAfterMonths: number;
  /** Drop a listing from public results after this many months unverified. */
  hideAfterMonths: number;
}

export interface AppContext {
  db: Db;
  mailer: Mailer;
  facts: () => Promise<SiteFacts>;
  /** Cookies only over HTTPS (PUBLIC_URL is https). */
  secureCookies: boolean;
  freshness: FreshnessSettings;
}

export const DEFAULT_FRESHNESS: FreshnessSettings = { reverifyAfterMonths: 6, hideAfterMonths: 12 };
