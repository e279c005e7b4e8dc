import type Provider from 'oidc-provider';
import type { OrgIndex } from '../org-index';
import type { SeedUser } from '../seed/types';
import { oktaError, type ApiResponse } from './api-response';

/** The user and scopes behind a valid access token. */
export interface Caller {
  user: SeedUser;
  scopes: ReadonlySet<string>;
}

/**
 * Looks the bearer token up in the provider's AccessToken store (org AS access tokens are opaque to
 * clients, okta-api.md §1.1); answers 401 `invalid_token` with E0000011 otherwise (§9.2).
 */
export async function authenticate(
  provider: Provider,
  index: OrgIndex,
  authorization: string | undefined,
  orgUrl: string,
  resource: string,
): Promise<Caller | ApiResponse> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const token = match?.[1]
    ? await provider.AccessToken.find(match[1], { ignoreExpiration: true })
    : undefined;
  let description = 'The access token is invalid.';
  if (token?.isExpired) description = 'The token has expired.';
  else if (token) {
    const user = index.userById.get(token.accountId);
    if (user && user.status === 'ACTIVE') return { user, scopes: new Set((token.scope ?? '').split(' ')) };
  }
  const response = oktaError('E0000011');
  response.headers['WWW-Authenticate'] = bearerChallenge(orgUrl, {
    error: 'invalid_token',
    error_description: description,
    resource,
  });
  return response;
}

/** Answers 403 `insufficient_scope` in the `WWW-Authenticate` header, as Okta does (okta-api.md §9.2). */
export function insufficientScope(orgUrl: string, scope: string, resource: string): ApiResponse {
  const response = oktaError('E0000006');
  response.headers['WWW-Authenticate'] = bearerChallenge(orgUrl, {
    scope,
    error: 'insufficient_scope',
    error_description: 'The access token provided does not contain the required scopes.',
    resource,
  });
  return response;
}

function bearerChallenge(orgUrl: string, fields: Record<string, string>): string {
  const all = { authorization_uri: `${orgUrl}/oauth2/v1/authorize`, realm: orgUrl, ...fields };
  return `Bearer ${Object.entries(all)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`)
    .join(', ')}`;
}

/** Narrows an authentication result to a failure response. */
export function isResponse(value: Caller | ApiResponse): value is ApiResponse {
  return 'status' in value;
}
