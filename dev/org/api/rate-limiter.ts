/** The state of one rate-limit bucket after counting a request. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets (`X-Rate-Limit-Reset`). */
  reset: number;
  exceeded: boolean;
}

/** Counts requests per bucket in 60-second windows that start with the first request, as Okta's do. */
export interface RateLimiter {
  take(bucket: string, limit: number, nowMs: number): RateLimitState;
}

const WINDOW_MS = 60_000;

/**
 * Creates a per-minute rate limiter (https://developer.okta.com/docs/reference/rl-best-practices/ —
 * windows are not aligned to wall-clock minutes).
 */
export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    take(bucket, limit, nowMs) {
      let window = windows.get(bucket);
      if (!window || nowMs - window.startedAt >= WINDOW_MS) {
        window = { startedAt: nowMs, count: 0 };
        windows.set(bucket, window);
      }
      window.count += 1;
      return {
        limit,
        remaining: Math.max(0, limit - window.count),
        reset: Math.ceil((window.startedAt + WINDOW_MS) / 1000),
        exceeded: window.count > limit,
      };
    },
  };
}

/** The bucket and per-minute limit of an /api/v1 request (okta-api.md §8, Workforce column). */
export function bucketOf(method: string, path: string): { bucket: string; limit: number } {
  if (path === '/api/v1/users') return { bucket: `${method} /api/v1/users`, limit: 600 };
  if (/^\/api\/v1\/users\/me(\/|$)/.test(path)) return { bucket: `${method} /api/v1/users/me`, limit: 1200 };
  if (/^\/api\/v1\/users\/[^/]+$/.test(path)) return { bucket: `${method} /api/v1/users/{id}`, limit: 2000 };
  return { bucket: `${method} /api/v1/*`, limit: 1200 };
}
