import * as oauth from 'oauth4webapi';
import { AppError, toAppError } from '../errors';

/**
 * Maps what `launchWebAuthFlow` and Okta's OAuth endpoints report into distinct, actionable codes.
 * Chrome's flow errors carry no code, only these fixed sentences (auth0-chrome #15; e2e-recipe.md),
 * so they are the one place this product compares browser text.
 */
export function classifyFlowError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve access|user cancelled|canceled/i.test(message)) {
    return new AppError('AUTH_CANCELLED', 'Sign-in was cancelled.');
  }
  if (/could not be loaded/i.test(message)) {
    return new AppError('AUTH_PAGE_UNREACHABLE', 'The Okta sign-in page could not be loaded.');
  }
  if (/interaction required/i.test(message)) {
    return new AppError('AUTH_EXPIRED', 'Okta needs you to sign in again.');
  }
  return new AppError('AUTH_FAILED', message);
}

/** Maps OAuth error codes from the redirect or the token endpoint (okta-api.md §3.3, §3.4). */
export function classifyOAuthError(error: unknown): AppError {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    const detail = { error: error.error, description: error.error_description ?? undefined };
    const status = error instanceof oauth.ResponseBodyError ? error.status : 0;
    // A 5xx or 429 from the token endpoint says nothing about the tokens: keep them and try again.
    if (status === 429)
      return new AppError('OKTA_RATE_LIMITED', 'Okta asked Workstation to slow down.', detail);
    if (status >= 500) return new AppError('OKTA_SERVER', `Okta answered ${status}.`, detail);
    switch (error.error) {
      case 'access_denied':
        return new AppError('AUTH_NOT_ASSIGNED', 'Okta refused the sign-in for this account.', detail);
      case 'invalid_dpop_proof':
      case 'use_dpop_nonce':
        return new AppError('AUTH_DPOP_REQUIRED', 'The Okta app demands DPoP proofs.', detail);
      case 'invalid_grant':
        return new AppError('AUTH_EXPIRED', 'The Okta session has ended.', detail);
      case 'invalid_client':
        return new AppError('CONFIG_INVALID', 'Okta does not accept this client id.', {
          ...detail,
          field: 'clientId',
        });
      case 'invalid_request':
        return new AppError('AUTH_ORIGIN_REFUSED', 'Okta refused the token request.', detail);
      default:
        return new AppError('AUTH_FAILED', `Okta answered "${error.error}".`, detail);
    }
  }
  if (error instanceof TypeError) return new AppError('NETWORK', 'The network failed during sign-in.');
  // A non-JSON 5xx reaches oauth4webapi's response checks instead of its error-body path.
  if (
    error instanceof oauth.OperationProcessingError &&
    error.cause instanceof Response &&
    error.cause.status >= 500
  ) {
    return new AppError('OKTA_SERVER', `Okta answered ${error.cause.status}.`);
  }
  return toAppError(error, 'AUTH_FAILED');
}
