// Okta's exact token-endpoint texts (okta-api.md §3.4, from okta-developer-docs data/oauth2-error-codes.json);
// clients such as okta-auth-js compare some of them, so the dev org sends them verbatim.

/** Okta's description for an expired, revoked or reused refresh token. */
export const REFRESH_TOKEN_INVALID = 'The refresh token is invalid or expired.';
/** Okta's description for a bad, used or expired authorization code. */
export const AUTHORIZATION_CODE_INVALID = 'The authorization code is invalid or has expired.';
/** Okta's description when the code verifier does not match the challenge. */
export const PKCE_FAILED = 'PKCE verification failed.';
/** Okta's description when the redirect_uri differs from the authorize request's. */
export const REDIRECT_URI_MISMATCH =
  "The 'redirect_uri' does not match the redirection URI used in the authorization request.";
/** Okta's description when the code belongs to another client. */
export const CLIENT_MISMATCH =
  "The grant was issued to another client. Please make sure the 'client_id' matches the one used at the authorize request.";
/** Okta's description for a token or revoke request from an origin that is not a Trusted Origin (okta-api.md §10). */
export const UNTRUSTED_ORIGIN =
  'Browser requests to the token endpoint must be made from one of the registered Trusted Origins.';
/** Okta's description for an unknown client id (token endpoint and discovery with `client_id`). */
export const INVALID_CLIENT_ID = "Invalid value for 'client_id' parameter.";
/** Okta's description when the signed-in user is not assigned to the client app (okta-api.md §2.3). */
export const USER_NOT_ASSIGNED = 'User is not assigned to the client application.';

/** Maps oidc-provider's `error_detail` of an authorization-code `invalid_grant` to Okta's text. */
export function oktaCodeGrantText(detail: string | undefined): string {
  if (detail?.includes('PKCE')) return PKCE_FAILED;
  if (detail?.includes('redirect_uri')) return REDIRECT_URI_MISMATCH;
  if (detail?.includes('client mismatch')) return CLIENT_MISMATCH;
  return AUTHORIZATION_CODE_INVALID;
}
