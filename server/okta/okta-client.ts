import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../lib/errors';
import { oktaErrorFrom } from '../../lib/okta/okta-error';
import type { Metrics } from '../http/metrics';
import type { ServiceCredential } from './service-credential';

/** A successful JSON answer of `/api/v1`, with the headers paging needs. */
export interface OktaAnswer {
  json: unknown;
  headers: Headers;
}

/** The service's one way to call Okta's `/api/v1` with its own credential. */
export interface OktaClient {
  /** GETs a URL of the org, waiting out 429s; throws an AppError for any other failure. */
  get(url: string, endpoint: string, signal?: AbortSignal): Promise<OktaAnswer>;
}

/** What {@link createOktaClient} needs; `sleep` and `now` are injectable for tests. */
export interface OktaClientOptions {
  credential: ServiceCredential;
  fetch: typeof fetch;
  metrics: Metrics;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How many 429s in a row one request waits out before the sync fails. */
  maxRateLimitWaits?: number;
}

// Waits a little past the reset, and spreads the retries of several clients (okta-api.md §8).
const RESET_MARGIN_MS = 250;
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Creates the client: `Accept: application/json`, Okta's `omitCredentials` response option (smaller
 * pages, okta-api.md §6.1), and on 429 a wait until `X-Rate-Limit-Reset` measured against Okta's own
 * `Date` header when our clock is off (as okta-sdk-nodejs does) — then the same request again.
 */
export function createOktaClient(options: OktaClientOptions): OktaClient {
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ??
    ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }).then(() => undefined));
  const maxWaits = options.maxRateLimitWaits ?? 5;
  const { metrics } = options;

  return {
    async get(url, endpoint, signal) {
      let refreshedCredential = false;
      for (let waits = 0; ;) {
        const authorization = await options.credential.authorization(signal);
        let response: Response;
        try {
          response = await options.fetch(url, {
            headers: {
              authorization,
              accept: 'application/json',
              'content-type':
                'application/json; okta-response="omitCredentials,omitCredentialsLinks,omitTransitioningToStatus"',
            },
            signal,
          });
        } catch (error) {
          if (signal?.aborted) throw error;
          throw new AppError('NETWORK', `Could not reach ${new URL(url).host}.`, {
            cause: error instanceof Error ? error.message : String(error),
          });
        }
        metrics.count('directory_okta_calls_total', { endpoint, status: String(response.status) });
        if (response.ok) {
          try {
            return { json: await response.json(), headers: response.headers };
          } catch {
            throw new AppError('OKTA_BAD_RESPONSE', `${new URL(url).host} did not answer with JSON.`);
          }
        }
        if (response.status === 401 && !refreshedCredential) {
          // A service-app token may have been revoked early; an API token gains nothing from a retry.
          refreshedCredential = true;
          options.credential.invalidate();
          await response.body?.cancel();
          continue;
        }
        const error = await oktaErrorFrom(response, now());
        if (response.status !== 429) throw error;
        metrics.count('directory_okta_rate_limited_total', { endpoint });
        if (++waits > maxWaits) throw error;
        await sleep(waitForReset(response.headers, now()), signal);
      }
    },
  };
}

/**
 * Milliseconds until Okta's rate-limit window resets, plus a little jitter. Our clock is used unless
 * Okta's `Date` header shows it is off by more than a couple of seconds (the header has only whole
 * seconds, so it would make every wait up to a second longer than needed).
 */
export function waitForReset(headers: Headers, nowMs: number): number {
  const resets = (headers.get('x-rate-limit-reset') ?? '').split(',');
  const reset = Number(resets[0]);
  // A duplicated header (comma-joined) cannot be trusted; okta-sdk-nodejs skips it too.
  if (resets.length !== 1 || !Number.isFinite(reset) || reset <= 0) return 60_000;
  const serverNow = Date.parse(headers.get('date') ?? '');
  const skewed = Number.isFinite(serverNow) && Math.abs(serverNow - nowMs) > 2_000;
  const base = skewed ? serverNow : nowMs;
  const jitter = Math.floor(Math.random() * RESET_MARGIN_MS);
  return Math.min(MAX_WAIT_MS, Math.max(0, reset * 1000 - base) + RESET_MARGIN_MS + jitter);
}
