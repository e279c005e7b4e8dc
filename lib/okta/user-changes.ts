import { AppError } from '../errors';
import type { Person } from '../records';
import { nextLink } from './parse-link-header';
import { toPerson } from './users';

/** One page of users as changes: who to keep, who to drop, and how far the page reaches in time. */
export interface UserChangesPage {
  upserts: Person[];
  /** Ids of users that are deactivated or suspended (a delta search includes them; okta-api.md §6.1). */
  removed: string[];
  /** The latest `lastUpdated` on the page (ISO 8601), the next delta's watermark candidate. */
  latestUpdate?: string;
  /** Absolute URL of the next page, from Okta's `link` header; never built by hand. */
  next?: string;
  /** How many entries the page held, usable or not. */
  entries: number;
}

/** Turns a `/api/v1/users` page into upserts and removals. */
export function parseUserChanges(json: unknown, headers: Headers): UserChangesPage {
  if (!Array.isArray(json))
    throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent an unexpected list of people.');
  const upserts: Person[] = [];
  const removed: string[] = [];
  let latestUpdate: string | undefined;
  for (const entry of json as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const { id, lastUpdated } = entry as { id?: unknown; lastUpdated?: unknown };
    if (typeof id !== 'string') continue;
    // ISO 8601 timestamps in UTC compare correctly as strings.
    if (typeof lastUpdated === 'string' && (!latestUpdate || lastUpdated > latestUpdate))
      latestUpdate = lastUpdated;
    const person = toPerson(entry);
    if (person) upserts.push(person);
    else removed.push(id);
  }
  const next = nextLink(headers.get('link'));
  return {
    upserts,
    removed,
    entries: json.length,
    ...(latestUpdate ? { latestUpdate } : {}),
    ...(next ? { next } : {}),
  };
}
