/** Every failure the product knows how to explain; the UI switches on these, never on message text. */
export type ErrorCode =
  | 'CONFIG_MISSING'
  | 'CONFIG_INVALID'
  | 'POLICY_INVALID'
  | 'AUTH_CANCELLED'
  | 'AUTH_PAGE_UNREACHABLE'
  | 'AUTH_NOT_ASSIGNED'
  | 'AUTH_REDIRECT_URI'
  | 'AUTH_DPOP_REQUIRED'
  | 'AUTH_ORIGIN_REFUSED'
  | 'AUTH_FAILED'
  | 'AUTH_EXPIRED'
  | 'AUTH_NOT_ENABLED'
  | 'ORG_CHANGED'
  | 'HOST_PERMISSION_DENIED'
  | 'OKTA_RATE_LIMITED'
  | 'OKTA_FORBIDDEN'
  | 'DIRECTORY_FORBIDDEN'
  | 'DIRECTORY_UNAVAILABLE'
  | 'DIRECTORY_HOST_DENIED'
  | 'OKTA_UNAUTHORIZED'
  | 'OKTA_SERVER'
  | 'OKTA_BAD_RESPONSE'
  | 'NETWORK'
  | 'STORAGE'
  | 'INTERNAL';

/** The product's one error type: a code to branch on, and detail for diagnostics only. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra, non-secret facts (an HTTP status, an Okta errorCode) shown in diagnostics. */
  readonly detail: Record<string, string | number | undefined>;

  constructor(code: ErrorCode, message: string, detail: Record<string, string | number | undefined> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, fallback: ErrorCode = 'INTERNAL'): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new AppError('STORAGE', 'The browser ran out of storage space for Workstation.');
  }
  return new AppError(fallback, error instanceof Error ? error.message : String(error));
}
