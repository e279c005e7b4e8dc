import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type Provider from 'oidc-provider';
import { takeFault, type Faults } from '../faults';
import type { OrgIndex } from '../org-index';
import { oktaError, type ApiResponse } from './api-response';
import { authenticate, isResponse } from './authenticate';
import { bucketOf, type RateLimiter } from './rate-limiter';
import { routeUsers } from './users-routes';
import { authenticateService } from '../service/authenticate-service';

/** What the management API needs from the running dev org. */
export interface ApiDeps {
  provider: Provider;
  index: OrgIndex;
  faults: Faults;
  limiter: RateLimiter;
  orgUrl: string;
}

/** A request to /api/v1, reduced to what the API reads. */
export interface ApiRequest {
  method: string;
  url: URL;
  authorization: string | undefined;
}

/**
 * Answers one /api/v1 request: faults first, then the rate limit, then the token, then the route; every
 * answer carries `X-Rate-Limit-*` and `X-Okta-Request-Id` (okta-api.md §8).
 */
export async function handleApi(deps: ApiDeps, request: ApiRequest): Promise<ApiResponse> {
  const { faults } = deps;
  const path = request.url.pathname;
  if (faults.slowMs > 0) await delay(faults.slowMs);
  const { bucket, limit } = bucketOf(request.method, path);
  const state = deps.limiter.take(bucket, limit, Date.now());
  const forcedReset = Math.ceil(Date.now() / 1000) + faults.rateLimitResetSeconds;
  let response: ApiResponse;
  let rate = { limit: state.limit, remaining: state.remaining, reset: state.reset };
  if (takeFault(faults, 'concurrencyLimitNext')) {
    response = oktaError('E0000047');
    rate = { limit: 0, remaining: 0, reset: forcedReset };
  } else if (takeFault(faults, 'rateLimitNext')) {
    response = oktaError('E0000047');
    rate = { limit: state.limit, remaining: 0, reset: forcedReset };
  } else if (state.exceeded) {
    response = oktaError('E0000047');
  } else if (takeFault(faults, 'serverErrorNext')) {
    response = oktaError('E0000009');
  } else {
    response = await route(deps, request);
  }
  response.headers['X-Rate-Limit-Limit'] = String(rate.limit);
  response.headers['X-Rate-Limit-Remaining'] = String(rate.remaining);
  response.headers['X-Rate-Limit-Reset'] = String(rate.reset);
  response.headers['X-Okta-Request-Id'] = `req${randomBytes(15).toString('base64url')}`;
  return response;
}

async function route(deps: ApiDeps, request: ApiRequest): Promise<ApiResponse> {
  const path = request.url.pathname.replace(/\/+$/, '');
  if (request.method !== 'GET' && request.method !== 'HEAD') return oktaError('E0000022');
  const caller =
    (await authenticateService(deps.provider, deps.index, request.authorization)) ??
    (await authenticate(deps.provider, deps.index, request.authorization, deps.orgUrl, path));
  if (isResponse(caller)) return caller;
  if (path === '/api/v1/users' || path.startsWith('/api/v1/users/')) {
    return routeUsers({ ...deps, caller, path, query: request.url.searchParams });
  }
  return oktaError('E0000007', `Resource not found: ${path}`);
}
