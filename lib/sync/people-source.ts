import { AppError } from '../errors';
import type { UserChangesPage } from '../okta/user-changes';
import { parseUserChanges } from '../okta/user-changes';
import { oktaGet } from '../okta/okta-get';
import type { FetchFn } from '../platform/ports';

/** One fetched page of people changes, with the headers that pace the next call. */
export interface PeopleSourcePage extends UserChangesPage {
  headers: Headers;
  /** The source's own cursor after this page: the next delta starts from it (directory service). */
  cursor?: string;
  /** The delta cursor is too old for the source: start a full pass instead. */
  restartFull?: boolean;
}

/** Where people come from: Okta directly, or (later) the directory service. */
export interface PeopleSource {
  /** Identifies the source; a different one means a fresh full pass. */
  id: string;
  kind: 'okta' | 'directory';
  /** The first page of a full pass (no watermark) or of a delta since the watermark. */
  firstPage(watermark?: string): string;
  fetchPage(cursor: string, accessToken: string, fetchFn: FetchFn, now: number): Promise<PeopleSourcePage>;
}

/** Okta's search index is eventually consistent, so deltas look back this far (okta-api.md §11.6). */
export const DELTA_OVERLAP_MS = 5 * 60_000;

/**
 * People read from `/api/v1/users` with the employee's own token (works only for admins): a full
 * pass is the plain list (200 a page), a delta is `search=lastUpdated gt "<watermark − overlap>"`,
 * which also returns deactivated users so they can be removed (okta-api.md §6.1).
 */
export function oktaPeopleSource(orgUrl: string): PeopleSource {
  const origin = new URL(orgUrl).origin;
  return {
    id: `okta ${orgUrl}`,
    kind: 'okta',
    firstPage(watermark) {
      if (!watermark) return `${orgUrl}/api/v1/users?limit=200`;
      const since = new Date(Date.parse(watermark) - DELTA_OVERLAP_MS).toISOString();
      return `${orgUrl}/api/v1/users?limit=200&search=${encodeURIComponent(`lastUpdated gt "${since}"`)}`;
    },
    async fetchPage(cursor, accessToken, fetchFn, now) {
      const { json, headers } = await oktaGet(cursor, accessToken, fetchFn, now);
      const page = parseUserChanges(json, headers);
      if (!page.next) return { ...page, headers };
      let next: URL;
      try {
        next = new URL(page.next, cursor);
      } catch {
        throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent a next page link that is not a URL.');
      }
      // The token may go only to the org: a next link elsewhere is not followed.
      if (next.origin !== origin)
        throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent a next page on another host.');
      return { ...page, next: next.href, headers };
    },
  };
}
