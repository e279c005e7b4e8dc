import { AppError } from '../errors';

/** A rate-limit wait longer than this is left to an alarm: the worker may not live that long. */
export const MAX_INLINE_WAIT_MS = 20_000;

/** What a call to Okta needs around it. */
export interface CallContext {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** A valid access token; `forceRefresh` after a 401. */
  accessToken: (forceRefresh?: boolean) => Promise<string>;
}

/**
 * The one place sync calls Okta (STYLE.md, rule 4): on a 401 it refreshes once and retries once; on a
 * 429 whose `X-Rate-Limit-Reset` is near it waits until then (plus jitter, so an org's browsers do not
 * return in the same second) and retries; a far reset is thrown for the caller to resume on an alarm.
 */
export async function callOkta<T>(ctx: CallContext, call: (accessToken: string) => Promise<T>): Promise<T> {
  let refreshed = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(await ctx.accessToken(refreshed));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'OKTA_UNAUTHORIZED' && !refreshed) {
        refreshed = true;
        continue;
      }
      const wait = Number(error.detail.retryAt) - ctx.now() + Math.random() * 1_000;
      if (error.code === 'OKTA_RATE_LIMITED' && attempt < 3 && wait <= MAX_INLINE_WAIT_MS) {
        await ctx.sleep(Math.max(0, wait));
        continue;
      }
      throw error;
    }
  }
}
