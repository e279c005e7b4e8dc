/**
 * How long to pause before the next call so an org's shared quota is not used up: when
 * `X-Rate-Limit-Remaining` runs low, spread the remaining calls until `X-Rate-Limit-Reset`
 * (okta-api.md §8; every OAuth client gets only half of each bucket). Pure.
 */
export function paceDelayMs(headers: Headers, now: number, maxDelayMs = 5_000): number {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const remaining = Number(headers.get('x-rate-limit-remaining'));
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (!(limit > 0) || !Number.isFinite(remaining) || !(reset > 0)) return 0;
  if (remaining > limit * 0.2) return 0;
  const untilReset = Math.max(0, reset * 1000 - now);
  return Math.min(maxDelayMs, Math.ceil(untilReset / Math.max(1, remaining)));
}
