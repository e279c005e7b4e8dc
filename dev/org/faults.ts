/** Switches that make the dev org misbehave the way a real Okta org sometimes does. */
export interface Faults {
  /** The next n /api/v1 calls answer 429 E0000047. */
  rateLimitNext: number;
  /** Seconds ahead of now that a forced 429 puts `X-Rate-Limit-Reset`. */
  rateLimitResetSeconds: number;
  /** The next n /api/v1 calls answer a concurrency 429 (limit and remaining 0, okta-api.md §8). */
  concurrencyLimitNext: number;
  /** The next n /api/v1 calls answer 500 E0000009. */
  serverErrorNext: number;
  /** Delay before every /api/v1 response, in milliseconds. */
  slowMs: number;
  /** The next n /oauth2/v1/token calls answer 500 server_error. */
  tokenServerErrorNext: number;
  /** Every refresh-token grant answers invalid_grant, as for a refresh token past its 90 days. */
  expireRefreshTokens: boolean;
  /**
   * Seconds a rotated refresh token stays usable (Okta's "grace period for token rotation", 0–60,
   * default 30; okta-api.md §4.2). With 0, reusing a rotated token revokes the whole family.
   */
  refreshGraceSeconds: number;
  /** Refresh-token lifetime in seconds; 0 = the org authorization server's fixed 90 days (okta-api.md §4.3). */
  refreshTokenLifetimeSeconds: number;
  /** Every token issued before this epoch second is revoked (an admin's "revoke all" or offboarding). */
  revokeTokensIssuedBefore: number;
  /** The next n /oauth2/v1/token calls are processed (a rotation is committed) but the answer is lost. */
  loseTokenResponseNext: number;
  /** /oauth2/v1/token demands a DPoP proof, as an Okta app with "Require DPoP" does (okta-api.md §3.1). */
  requireDpop: boolean;
  /** A non-admin's `okta.users.read` list answers an empty 200 instead of 403 (reported by Okta support). */
  emptyUsersForNonAdmin: boolean;
}

/** The values every fault starts from; adding a fault = a key here, in {@link Faults}, and its check. */
export const FAULT_DEFAULTS: Readonly<Faults> = Object.freeze({
  rateLimitNext: 0,
  rateLimitResetSeconds: 30,
  concurrencyLimitNext: 0,
  serverErrorNext: 0,
  slowMs: 0,
  tokenServerErrorNext: 0,
  expireRefreshTokens: false,
  refreshGraceSeconds: 30,
  refreshTokenLifetimeSeconds: 0,
  revokeTokensIssuedBefore: 0,
  loseTokenResponseNext: 0,
  requireDpop: false,
  emptyUsersForNonAdmin: false,
});

/** Creates a fresh, mutable set of faults, all off. */
export function createFaults(): Faults {
  return { ...FAULT_DEFAULTS };
}

/** Turns every fault off again. */
export function resetFaults(faults: Faults): void {
  Object.assign(faults, FAULT_DEFAULTS);
}

/**
 * Applies a partial update from untrusted JSON; returns the names of rejected keys (unknown names, or a
 * value whose type differs from the default's; counters must be non-negative integers).
 */
export function applyFaults(faults: Faults, update: unknown): string[] {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return ['(body)'];
  const rejected: string[] = [];
  const target = faults as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(update)) {
    const fallback: unknown = (FAULT_DEFAULTS as unknown as Record<string, unknown>)[key];
    const valid =
      Object.hasOwn(FAULT_DEFAULTS, key) &&
      typeof value === typeof fallback &&
      (typeof value !== 'number' || (Number.isInteger(value) && value >= 0));
    if (valid) target[key] = value;
    else rejected.push(key);
  }
  return rejected;
}

/** Consumes one use of a counter fault; true when it fired. */
export function takeFault(
  faults: Faults,
  key:
    | 'rateLimitNext'
    | 'concurrencyLimitNext'
    | 'serverErrorNext'
    | 'tokenServerErrorNext'
    | 'loseTokenResponseNext',
): boolean {
  if (faults[key] <= 0) return false;
  faults[key] -= 1;
  return true;
}
