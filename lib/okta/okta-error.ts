import { AppError } from '../errors';

/** What Okta said about a failed `/api/v1` call, classified by status and errorCode, never by text. */
export async function oktaErrorFrom(response: Response, now: number): Promise<AppError> {
  let errorCode: string | undefined;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && typeof (body as { errorCode?: unknown }).errorCode === 'string') {
      errorCode = (body as { errorCode: string }).errorCode;
    }
  } catch {
    // Bearer failures may come with an empty body; the WWW-Authenticate header says why (okta-api.md §9.2).
  }
  const bearerError = /error="([^"]*)"/.exec(response.headers.get('www-authenticate') ?? '')?.[1];
  const detail = {
    status: response.status,
    errorCode,
    bearerError,
    requestId: response.headers.get('x-okta-request-id') ?? undefined,
  };
  if (response.status === 429) {
    const reset = Number(response.headers.get('x-rate-limit-reset'));
    const retryAt = Number.isFinite(reset) && reset > 0 ? reset * 1000 : now + 60_000;
    return new AppError('OKTA_RATE_LIMITED', 'Okta asked Workstation to slow down.', { ...detail, retryAt });
  }
  if (response.status === 401) {
    return new AppError('OKTA_UNAUTHORIZED', 'Okta did not accept the access token.', detail);
  }
  if (response.status === 403) {
    return new AppError('OKTA_FORBIDDEN', 'Okta refused this request for your account.', detail);
  }
  if (response.status >= 500) {
    return new AppError('OKTA_SERVER', `Okta answered with an error (${response.status}).`, detail);
  }
  return new AppError('OKTA_BAD_RESPONSE', `Okta answered ${response.status}.`, detail);
}
