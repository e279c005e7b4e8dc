import { AppError } from '../errors';
import type { FetchFn } from '../platform/ports';
import { oktaErrorFrom } from './okta-error';

/** How long any one call to Okta may take. */
export const OKTA_TIMEOUT_MS = 30_000;

/** A successful JSON answer from Okta with the headers paging and rate limits need. */
export interface OktaResponse {
  json: unknown;
  headers: Headers;
}

/**
 * The one place `/api/v1` GETs are made: bearer token, JSON, no cookies (so an Okta session cookie
 * never turns the call into a Trusted-Origin-checked browser request, okta-api.md §10), and errors
 * classified into AppError codes.
 */
export async function oktaGet(
  url: string,
  accessToken: string,
  fetchFn: FetchFn,
  now: number,
): Promise<OktaResponse> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      credentials: 'omit',
      // An answer that never comes would hold the sync, and every sync that joins it, forever.
      signal: AbortSignal.timeout(OKTA_TIMEOUT_MS),
    });
  } catch (error) {
    // The platform's fetch refuses a host the user took access from (HOST_PERMISSION_DENIED).
    if (error instanceof AppError) throw error;
    throw new AppError('NETWORK', `Could not reach ${new URL(url).host}.`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  if (!response.ok) throw await oktaErrorFrom(response, now);
  try {
    return { json: await response.json(), headers: response.headers };
  } catch {
    throw new AppError('OKTA_BAD_RESPONSE', `${new URL(url).host} did not answer with JSON.`);
  }
}
