import { AppError } from '../../lib/errors';
import type { OktaCredentialConfig } from '../config/load-config';
import type { Metrics } from '../http/metrics';
import { signClientAssertion } from './client-assertion';

/** The `Authorization` header value for the service's own `/api/v1` calls. */
export interface ServiceCredential {
  authorization(signal?: AbortSignal): Promise<string>;
  /** Forgets a cached access token after Okta refused it, so the next call gets a new one. */
  invalidate(): void;
}

const SCOPE = 'okta.users.read';

/**
 * An API token becomes `SSWS <token>`; a service app gets an access token by client credentials with
 * `private_key_jwt` (okta-api.md §2.4), reused until a minute before it expires.
 */
export function createServiceCredential(
  orgUrl: string,
  config: OktaCredentialConfig,
  fetchFn: typeof fetch,
  metrics: Metrics,
  now: () => number = Date.now,
): ServiceCredential {
  if (config.kind === 'api-token') {
    const header = `SSWS ${config.apiToken}`;
    return { authorization: async () => header, invalidate: () => undefined };
  }
  const tokenEndpoint = `${orgUrl}/oauth2/v1/token`;
  let cached: { header: string; until: number } | undefined;
  let pending: Promise<string> | undefined;

  const request = async (signal?: AbortSignal): Promise<string> => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: SCOPE,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: signClientAssertion(
        config.clientId,
        tokenEndpoint,
        config.privateKey,
        now(),
        config.keyId,
      ),
    });
    let response: Response;
    try {
      response = await fetchFn(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal,
      });
    } catch (error) {
      throw new AppError('NETWORK', `Could not reach ${new URL(orgUrl).host} for a service token.`, {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
    metrics.count('directory_okta_calls_total', { endpoint: 'token', status: String(response.status) });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof json.access_token !== 'string') {
      const reason = typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
      throw new AppError('OKTA_UNAUTHORIZED', `Okta refused the service app's credentials (${reason}).`, {
        status: response.status,
        oauthError: typeof json.error === 'string' ? json.error : undefined,
      });
    }
    const lifetime = typeof json.expires_in === 'number' ? json.expires_in : 3600;
    const header = `Bearer ${json.access_token}`;
    cached = { header, until: now() + Math.max(0, lifetime - 60) * 1000 };
    return header;
  };

  return {
    async authorization(signal) {
      if (cached && now() < cached.until) return cached.header;
      pending ??= request(signal).finally(() => (pending = undefined));
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
