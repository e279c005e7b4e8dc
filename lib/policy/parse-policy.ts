import { AppError } from '../errors';
import { isLoopback, normalizeOrgUrl } from './org-url';
import { isPolicyKey } from './policy-keys';
import type { Policy } from './settings';
import { MIN_SYNC_INTERVAL_MINUTES } from './settings';

/** A policy value that was dropped or is not used as given, with a sentence the admin can act on. */
export interface PolicyWarning {
  key: string;
  message: string;
}

/** The outcome of reading managed storage. */
export interface ParsedPolicy {
  policy: Policy;
  warnings: PolicyWarning[];
}

/** What the options page and `policy:check` say about a `clientSecret` in policy. */
export const CLIENT_SECRET_WARNING =
  'clientSecret is set but never used: everyone who uses this browser can read policy values, so a secret there is not secret. ' +
  'Remove it from the policy, rotate the secret in Okta, and make Workstation’s Okta app a public client (Single-Page Application, PKCE, no secret).';

/**
 * Checks every key of a managed-storage value; keeps the good ones and reports the bad ones
 * (STYLE.md, rule 8). Never throws.
 *
 * An `oktaDomain` that is not a valid org address is kept (and reported): it still locks the org,
 * so a typo in policy shows a configuration error instead of quietly signing in to another org.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const warnings: PolicyWarning[] = [];
  const warn = (key: string, message: string) => warnings.push({ key, message });
  if (raw === undefined || raw === null) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, warnings: [{ key: '*', message: 'The policy is not an object; it was ignored.' }] };
  }
  const record = raw as Record<string, unknown>;
  const present = (key: string) => Object.prototype.hasOwnProperty.call(record, key);

  if (present('oktaDomain')) {
    const value = nonEmptyString(record.oktaDomain);
    if (value === undefined) warn('oktaDomain', 'oktaDomain must be a non-empty string; it was ignored.');
    else {
      policy.oktaDomain = value;
      const problem = orgUrlProblem(value);
      if (problem) warn('oktaDomain', `oktaDomain: ${problem}`);
    }
  }
  if (present('clientId')) {
    const value = nonEmptyString(record.clientId);
    if (value === undefined) warn('clientId', 'clientId must be a non-empty string; it was ignored.');
    else policy.clientId = value;
  }
  if (present('clientSecret')) {
    // Whatever its value, the admin put a secret where every user can read it: say so.
    if (typeof record.clientSecret === 'string' && record.clientSecret !== '') policy.clientSecret = '';
    warn('clientSecret', CLIENT_SECRET_WARNING);
  }
  if (present('directoryUrl')) {
    const value = nonEmptyString(record.directoryUrl);
    const url = value === undefined ? undefined : directoryUrl(value);
    if (typeof url === 'string') policy.directoryUrl = url;
    else
      warn(
        'directoryUrl',
        `directoryUrl must be the https: address of the directory service (http: only on this machine, e.g. http://127.0.0.1:8420)${url ? `: ${url.problem}` : ''}; it was ignored.`,
      );
  }
  if (present('peopleSearch')) {
    if (typeof record.peopleSearch === 'boolean') policy.peopleSearch = record.peopleSearch;
    else warn('peopleSearch', 'peopleSearch must be true or false; it was ignored.');
  }
  if (present('syncIntervalMinutes')) {
    const interval = record.syncIntervalMinutes;
    if (typeof interval === 'number' && Number.isInteger(interval) && interval > 0) {
      if (interval < MIN_SYNC_INTERVAL_MINUTES) {
        warn(
          'syncIntervalMinutes',
          `syncIntervalMinutes is ${interval}; the minimum, ${MIN_SYNC_INTERVAL_MINUTES}, is used.`,
        );
      }
      policy.syncIntervalMinutes = Math.max(interval, MIN_SYNC_INTERVAL_MINUTES);
    } else {
      warn('syncIntervalMinutes', 'syncIntervalMinutes must be a whole number of minutes; it was ignored.');
    }
  }
  for (const key of ['allowedGroups', 'pinnedApps'] as const) {
    if (!present(key)) continue;
    const list = stringList(record[key]);
    if (list) policy[key] = list;
    else warn(key, `${key} must be a list of strings; it was ignored.`);
  }
  for (const key of Object.keys(record)) {
    if (!isPolicyKey(key)) warn(key, `${key} is not a Workstation policy key; it was ignored.`);
  }
  return { policy, warnings };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Trimmed, without empty entries or repeats; undefined when the value is not a list of strings. */
function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
  return [...new Set((value as string[]).map((item) => item.trim()).filter(Boolean))];
}

function orgUrlProblem(value: string): string | undefined {
  try {
    normalizeOrgUrl(value);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.message : String(error);
  }
}

/**
 * The directory service's base URL, without a trailing slash, or why it is refused: every employee's
 * Okta access token is sent there, so only https: (or http: to this machine) and a plain address.
 */
function directoryUrl(value: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `"${value}" is not an address` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    return { problem: `"${value}" uses ${url.protocol}` };
  }
  if (url.username || url.password) return { problem: 'it must not hold a user name or password' };
  if (url.search || url.hash) return { problem: 'it must not have a query or fragment' };
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
