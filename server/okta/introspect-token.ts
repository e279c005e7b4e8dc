import { createHash } from 'node:crypto';
import { AppError } from '../../lib/errors';
import type { Metrics } from '../http/metrics';

/** What an introspection answer says about an employee's token. */
export type TokenCheck =
  | { ok: true; userId: string; expiresAt: number }
  | { ok: false; reason: 'inactive' | 'wrong_client'; expiresAt: number };

// An inactive answer is remembered briefly, so a client retrying a bad token does not hammer Okta.
const NEGATIVE_CACHE_MS = 60_000;

/**
 * Asks Okta whether an access token is active, as the extension's public client (`client_id` in the
 * body, no secret; okta-api.md §4.5).
 */
export async function introspectToken(
  orgUrl: string,
  clientId: string,
  token: string,
  fetchFn: typeof fetch,
  metrics: Metrics,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(`${orgUrl}/oauth2/v1/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ token, token_type_hint: 'access_token', client_id: clientId }),
    });
  } catch (error) {
    throw new AppError('NETWORK', `Could not reach ${new URL(orgUrl).host} to check a token.`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  metrics.count('directory_okta_calls_total', { endpoint: 'introspect', status: String(response.status) });
  if (response.status === 429) metrics.count('directory_okta_rate_limited_total', { endpoint: 'introspect' });
  if (!response.ok)
    throw new AppError('OKTA_SERVER', `Okta's introspection answered ${response.status}.`, {
      status: response.status,
    });
  return response.json();
}

/**
 * Judges an introspection answer: the token must be active and issued to the extension's client —
 * a token from any other app of the org is refused. The user is Okta's `uid` (the org AS puts the
 * login in `sub`), falling back to `sub`.
 */
export function judgeIntrospection(json: unknown, clientId: string, nowMs: number): TokenCheck {
  const answer = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const negative = nowMs + NEGATIVE_CACHE_MS;
  if (answer.active !== true) return { ok: false, reason: 'inactive', expiresAt: negative };
  const exp = typeof answer.exp === 'number' ? answer.exp * 1000 : nowMs + 60_000;
  if (exp <= nowMs) return { ok: false, reason: 'inactive', expiresAt: negative };
  if (answer.client_id !== clientId)
    return { ok: false, reason: 'wrong_client', expiresAt: Math.min(exp, negative) };
  const userId =
    typeof answer.uid === 'string' ? answer.uid : typeof answer.sub === 'string' ? answer.sub : '';
  if (!userId) return { ok: false, reason: 'inactive', expiresAt: negative };
  return { ok: true, userId, expiresAt: exp };
}

/** The cache key of a token: its SHA-256, so the cache never holds a usable token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
