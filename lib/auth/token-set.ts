import type { TokenEndpointResponse } from 'oauth4webapi';

/** The tokens of a session, as a value; the access token's expiry is absolute. */
export interface TokenSet {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms when the access token was issued; with `expiresAt` it gives the token's lifetime. */
  issuedAt: number;
  refreshToken?: string;
  idToken?: string;
  scope: string;
}

/** Refresh this long before the access token expires, so no request leaves with a dying token. */
export const REFRESH_AHEAD_MS = 2 * 60_000;

/**
 * Whether the access token should be refreshed before use: two minutes ahead of expiry, or a quarter
 * of its lifetime for short-lived tokens (a 60-second token is not refreshed on every call). Pure
 * (STYLE.md, rule 5).
 */
export function needsRefresh(tokens: Pick<TokenSet, 'expiresAt' | 'issuedAt'>, now: number): boolean {
  const ahead = Math.min(REFRESH_AHEAD_MS, Math.max(0, tokens.expiresAt - tokens.issuedAt) / 4);
  return tokens.expiresAt - ahead <= now;
}

/**
 * A token set from a token endpoint answer. A refresh answer may omit the refresh token (a static
 * one) or the ID token; the previous ones are kept then (okta-api.md §4.4).
 */
export function tokenSetFrom(response: TokenEndpointResponse, now: number, previous?: TokenSet): TokenSet {
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : 3600;
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const idToken = response.id_token ?? previous?.idToken;
  return {
    accessToken: response.access_token,
    expiresAt: now + expiresIn * 1000,
    issuedAt: now,
    scope: response.scope ?? previous?.scope ?? '',
    ...(refreshToken ? { refreshToken } : {}),
    ...(idToken ? { idToken } : {}),
  };
}
