import { toAppError } from '../../lib/errors';
import { introspectToken, judgeIntrospection, tokenHash } from '../okta/introspect-token';
import type { OktaClient } from '../okta/okta-client';
import type { Metrics } from './metrics';

/** Why a request was refused: the status, an error code, and a sentence for whoever reads it. */
export interface AuthFailure {
  status: 401 | 403 | 503;
  error: string;
  message: string;
}

/** Checks an `Authorization` header; resolves to the employee's user id, or why not. */
export type EmployeeAuth = (authorization: string | undefined) => Promise<{ userId: string } | AuthFailure>;

/** What {@link createEmployeeAuth} needs. */
export interface EmployeeAuthOptions {
  orgUrl: string;
  clientId: string;
  allowedGroups: readonly string[];
  okta: OktaClient;
  fetch: typeof fetch;
  metrics: Metrics;
  now: () => number;
}

const MAX_ENTRIES = 20_000;

/**
 * Creates the employee check: introspection as the extension's client (okta-api.md §4.5), then, when
 * the admin set allowed groups, the user's groups through the service's own credential
 * (`/api/v1/users/{uid}/groups`, §7.2). Answers are cached by the token's hash until it expires.
 */
export function createEmployeeAuth(options: EmployeeAuthOptions): EmployeeAuth {
  const cache = new Map<string, { until: number; result: { userId: string } | AuthFailure }>();
  const allowed = new Set(options.allowedGroups);

  const remember = (key: string, until: number, result: { userId: string } | AuthFailure) => {
    if (cache.size >= MAX_ENTRIES) {
      const now = options.now();
      for (const [k, entry] of cache) if (entry.until <= now) cache.delete(k);
      if (cache.size >= MAX_ENTRIES) cache.clear();
    }
    cache.set(key, { until, result });
    return result;
  };

  const inGroups = async (userId: string): Promise<boolean> => {
    const answer = await options.okta.get(
      `${options.orgUrl}/api/v1/users/${encodeURIComponent(userId)}/groups`,
      'user_groups',
    );
    const groups = Array.isArray(answer.json) ? (answer.json as unknown[]) : [];
    return groups.some((group) => {
      const name = (group as { profile?: { name?: unknown } } | null)?.profile?.name;
      return typeof name === 'string' && allowed.has(name);
    });
  };

  return async (authorization) => {
    const token = /^Bearer\s+([^\s]+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token)
      return {
        status: 401,
        error: 'missing_token',
        message: "Send the employee's Okta access token as 'Authorization: Bearer <token>'.",
      };
    const key = tokenHash(token);
    const hit = cache.get(key);
    if (hit && hit.until > options.now()) return hit.result;

    let check;
    try {
      const json = await introspectToken(
        options.orgUrl,
        options.clientId,
        token,
        options.fetch,
        options.metrics,
      );
      check = judgeIntrospection(json, options.clientId, options.now());
    } catch (error) {
      return unavailable('check the access token', error);
    }
    options.metrics.count('directory_introspections_total', { result: check.ok ? 'active' : check.reason });
    if (!check.ok) {
      return remember(key, check.expiresAt, {
        status: 401,
        error: check.reason === 'inactive' ? 'inactive_token' : 'wrong_client',
        message:
          check.reason === 'inactive'
            ? 'Okta says this access token is not active: it expired, was revoked, or is not from this org. Sign in again.'
            : "This access token was issued to another app of the org; only the Workstation extension's tokens are accepted.",
      });
    }
    if (allowed.size > 0) {
      let member: boolean;
      try {
        member = await inGroups(check.userId);
      } catch (error) {
        return unavailable("read the employee's groups", error);
      }
      if (!member)
        return remember(key, check.expiresAt, {
          status: 403,
          error: 'not_in_allowed_groups',
          message: `The directory is open only to members of ${[...allowed].join(', ')}; ask your Okta admin to add you.`,
        });
    }
    return remember(key, check.expiresAt, { userId: check.userId });
  };
}

function unavailable(what: string, error: unknown): AuthFailure {
  const appError = toAppError(error);
  return {
    status: 503,
    error: 'okta_unavailable',
    message: `The directory could not ${what} with Okta (${appError.code}); try again shortly.`,
  };
}
