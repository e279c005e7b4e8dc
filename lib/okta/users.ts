import { isPlainEmail } from '../actions/plain-email';
import { AppError } from '../errors';
import type { FetchFn } from '../platform/ports';
import type { Person } from '../records';
import { oktaGet } from './okta-get';
import { nextLink } from './parse-link-header';

/** One page of people and where the next one is. */
export interface PeoplePage {
  people: Person[];
  /** Absolute URL of the next page, taken from Okta's `link` header; never built by hand. */
  next?: string;
}

/** The first page of the users list: 200 a page, Okta's maximum (okta-api.md §6.1). */
export function firstUsersPageUrl(orgUrl: string): string {
  return `${orgUrl}/api/v1/users?limit=200`;
}

/** Requests one page of `/api/v1/users`. */
export async function requestUsersPage(url: string, accessToken: string, fetchFn: FetchFn, now: number) {
  return oktaGet(url, accessToken, fetchFn, now);
}

const HIDDEN_STATUSES = new Set(['DEPROVISIONED', 'SUSPENDED']);

/** Turns a users page into people, dropping deactivated and suspended users. */
export function parseUsersPage(json: unknown, headers: Headers): PeoplePage {
  if (!Array.isArray(json))
    throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent an unexpected list of people.');
  const people: Person[] = [];
  for (const entry of json as unknown[]) {
    const person = toPerson(entry);
    if (person) people.push(person);
  }
  const next = nextLink(headers.get('link'));
  return next ? { people, next } : { people };
}

/** Turns one Okta User object into a person; undefined for a deactivated or suspended user, or one without a name. */
export function toPerson(entry: unknown): Person | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const user = entry as { id?: unknown; status?: unknown; profile?: unknown };
  if (typeof user.id !== 'string' || (typeof user.status === 'string' && HIDDEN_STATUSES.has(user.status))) {
    return undefined;
  }
  const profile = (user.profile && typeof user.profile === 'object' ? user.profile : {}) as Record<
    string,
    unknown
  >;
  // Unset attributes may be missing, null or "" (okta-api.md §6.2).
  const text = (key: string) => {
    const value = profile[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const firstName = text('firstName');
  const lastName = text('lastName');
  // Only a plain address is kept: anything else would become extra recipients in a mailto: link.
  const rawEmail = text('email');
  const email = rawEmail && isPlainEmail(rawEmail) ? rawEmail : undefined;
  const displayName = text('displayName') ?? ([firstName, lastName].filter(Boolean).join(' ') || email);
  if (!displayName) return undefined;
  const location = [text('city'), text('countryCode')].filter(Boolean).join(', ') || undefined;
  const person: Person = { id: user.id, displayName };
  const optional = {
    firstName,
    lastName,
    email,
    title: text('title'),
    department: text('department'),
    location,
    managerId: text('managerId'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (person as unknown as Record<string, string>)[key] = value;
  }
  return person;
}
