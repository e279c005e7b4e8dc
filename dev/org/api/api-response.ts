import { randomBytes } from 'node:crypto';

/** A response of the management API, written by the server. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: unknown;
}

/** Okta's management API error body (okta-api.md §9.1). */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** Okta's error codes and summaries that the dev org sends (okta-api.md §9.1). */
export const OKTA_ERRORS = {
  E0000001: [400, 'Api validation failed: {0}'],
  E0000006: [403, 'You do not have permission to perform the requested action'],
  E0000007: [404, 'Not found: {0}'],
  E0000009: [500, 'Internal Server Error'],
  E0000011: [401, 'Invalid token provided'],
  E0000022: [405, 'The endpoint does not support the provided HTTP method'],
  E0000031: [400, 'Invalid search criteria.'],
  E0000047: [429, 'API call exceeded rate limit due to too many requests.'],
  E0000053: [400, 'Invalid SCIM filter.'],
} as const satisfies Record<string, readonly [number, string]>;

/** One of the error codes in {@link OKTA_ERRORS}. */
export type OktaErrorCode = keyof typeof OKTA_ERRORS;

/** Builds an Okta error response; `detail` fills the summary's `{0}`, `causes` become `errorCauses`. */
export function oktaError(code: OktaErrorCode, detail = '', causes: string[] = []): ApiResponse {
  const [status, summary] = OKTA_ERRORS[code];
  const body: OktaErrorBody = {
    errorCode: code,
    errorSummary: summary.replace('{0}', detail),
    errorLink: code,
    errorId: `oae${randomBytes(16).toString('base64url').slice(0, 22)}`,
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  };
  return { status, headers: {}, body };
}

/** A 200 JSON response. */
export function ok(body: unknown, headers: Record<string, string | string[]> = {}): ApiResponse {
  return { status: 200, headers, body };
}
