// The error catalogue: every error a client can see has a stable code, an HTTP status and a message key
// (translated in every locale file under "errors.<code>"). 5xx details never reach a client.

export const ERRORS = {
  BAD_REQUEST: { status: 400 },
  VALIDATION_FAILED: { status: 400 },
  INVALID_LOCALE: { status: 400 },
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  FORBIDDEN: { status: 403 },
  CSRF_INVALID: { status: 403 },
  SECOND_FACTOR_REQUIRED: { status: 403 },
  LINK_INVALID: { status: 410 },
  CONFLICT: { status: 409 },
  ACCOUNT_LOCKED: { status: 423 },
  NOT_FOUND: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  RATE_LIMITED: { status: 429 },
  INTERNAL: { status: 500 },
  NOT_READY: { status: 503 },
  // Hub reports exchange (messages in locales/hubexchange).
  HUB_EXPORT_BAD_PERIOD: { status: 400 },
  HUB_EXPORT_BAD_COUNTRY: { status: 400 },
  // Hub report entry and review (messages in locales/hubentry).
  HUB_REPORT_BAD_PERIOD: { status: 400 },
  HUB_REPORT_UNKNOWN_FIELD: { status: 400 },
  HUB_REPORT_AWAITING_REVIEW: { status: 409 },
  HUB_REPORT_LOCKED: { status: 409 },
  HUB_REPORT_ALREADY_DECIDED: { status: 409 },
  // Hub dashboards (messages in locales/hubdash).
  DASHBOARD_PERIOD_INVALID: { status: 400 },
  DASHBOARD_COUNTRY_INVALID: { status: 400 },
  // Forms' one-time client keys (messages in locales/outbox).
  CLIENT_KEY_INVALID: { status: 400 },
  // Settings: lite mode (messages in locales/settings).
  SETTINGS_LITE_INVALID: { status: 400 },
  // Printable directories (messages in locales/print).
  PRINT_CATEGORY_INVALID: { status: 400 },
  // Country packs (messages in locales/countries).
  PACK_COUNTRY_UNKNOWN: { status: 404 },
  PACK_VERSION_INVALID: { status: 400 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Values for the message, e.g. which parameter was wrong. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, string | number> };
}
