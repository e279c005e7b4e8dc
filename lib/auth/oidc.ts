import * as oauth from 'oauth4webapi';
import { AppError } from '../errors';
import type { FetchFn } from '../platform/ports';
import { OKTA_TIMEOUT_MS } from '../okta/okta-get';
import { isLoopback } from '../policy/org-url';

/** Request options for oauth4webapi: our fetch, and plain http only for a loopback dev org. */
export function oauthOptions(orgUrl: string, fetchFn: FetchFn) {
  return {
    [oauth.customFetch]: fetchFn,
    // oauth4webapi refuses http: unless told; only a loopback test org may use it (e2e-recipe.md).
    [oauth.allowInsecureRequests]: isLoopback(new URL(orgUrl)),
    signal: AbortSignal.timeout(OKTA_TIMEOUT_MS),
  };
}

const discovered = new Map<string, oauth.AuthorizationServer>();

/**
 * Reads the org authorization server's metadata (issuer = the org URL). Passing `client_id` makes
 * Okta answer 400 for an unknown client, which turns a mistyped client id into a clear message
 * before any window opens (okta-api.md §1.2).
 */
export async function discoverOrg(
  orgUrl: string,
  clientId: string,
  fetchFn: FetchFn,
): Promise<oauth.AuthorizationServer> {
  const cacheKey = `${orgUrl} ${clientId}`;
  const cached = discovered.get(cacheKey);
  if (cached) return cached;
  const issuer = new URL(orgUrl);
  let response: Response;
  try {
    const discoveryUrl = new URL('/.well-known/openid-configuration', issuer);
    discoveryUrl.searchParams.set('client_id', clientId);
    response = await fetchFn(discoveryUrl.href, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(OKTA_TIMEOUT_MS),
    });
  } catch {
    throw new AppError('AUTH_PAGE_UNREACHABLE', `Could not reach ${issuer.host}.`, { host: issuer.host });
  }
  if (response.status === 400 || response.status === 404) {
    throw new AppError('CONFIG_INVALID', `${issuer.host} does not know the client id "${clientId}".`, {
      field: 'clientId',
      status: response.status,
    });
  }
  try {
    const as = await oauth.processDiscoveryResponse(issuer, response);
    discovered.set(cacheKey, as);
    return as;
  } catch {
    throw new AppError('CONFIG_INVALID', `${issuer.host} is not an Okta org (no OpenID configuration).`, {
      field: 'oktaDomain',
      status: response.status,
    });
  }
}
