import type { IDBPDatabase } from 'idb';
import type { WorkstationDb } from '../db/schema';
import { replaceRecords } from '../db/records-store';
import { AppError, type ErrorCode } from '../errors';
import { parseAppLinks, requestAppLinks } from '../okta/app-links';
import type { FetchFn } from '../platform/ports';
import type { App, Person } from '../records';
import type { SearchIndex } from '../search/search-index';
import { buildSearchIndex, serializeSearchIndex } from '../search/search-index';
import { fetchPeopleFromOkta } from './fetch-people';

/** What one sync needs. */
export interface SyncContext {
  orgUrl: string;
  peopleSearch: boolean;
  db: IDBPDatabase<WorkstationDb>;
  fetch: FetchFn;
  now: () => number;
  /** A valid access token; `forceRefresh` after Okta answered 401. */
  accessToken: (forceRefresh?: boolean) => Promise<string>;
}

/** A sync that put data in service. */
export interface SyncResult {
  apps: App[];
  people: Person[];
  index: SearchIndex;
  peopleNote?: ErrorCode;
}

/**
 * Fetches apps and people completely, then swaps them and the rebuilt search index into service in
 * one transaction: a failure at any step leaves the previous data and index in place.
 */
export async function runSync(ctx: SyncContext): Promise<SyncResult> {
  const apps = await withFreshToken(ctx, async (token) => {
    const { json } = await requestAppLinks(ctx.orgUrl, token, ctx.fetch, ctx.now());
    return parseAppLinks(json);
  });

  let people: Person[] = [];
  let peopleNote: ErrorCode | undefined;
  if (ctx.peopleSearch) {
    try {
      people = await withFreshToken(ctx, () =>
        fetchPeopleFromOkta(ctx.orgUrl, () => ctx.accessToken(), ctx.fetch, ctx.now),
      );
    } catch (error) {
      // Okta lists users only to admins: a 403 means "no directory for this account", not a failed sync.
      if (!(error instanceof AppError) || error.code !== 'OKTA_FORBIDDEN') throw error;
      peopleNote = 'OKTA_FORBIDDEN';
    }
    // Okta support reports an empty 200 instead of 403 for some non-admins (okta-api.md §2.4): the
    // caller always exists, so an empty list means the same as a 403.
    if (!peopleNote && people.length === 0) peopleNote = 'OKTA_FORBIDDEN';
  }

  const index = buildSearchIndex(apps, people);
  await replaceRecords(ctx.db, { apps, people, savedIndex: serializeSearchIndex(index) });
  return { apps, people, index, ...(peopleNote ? { peopleNote } : {}) };
}

/** Runs a call with the access token; on a 401, refreshes once and retries once. */
async function withFreshToken<T>(ctx: SyncContext, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(await ctx.accessToken());
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'OKTA_UNAUTHORIZED') throw error;
    return call(await ctx.accessToken(true));
  }
}
