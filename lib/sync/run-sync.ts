import type { IDBPDatabase } from 'idb';
import { commitPeople } from '../db/people-sync-store';
import { readRecords, replaceApps } from '../db/records-store';
import type { WorkstationDb } from '../db/schema';
import { AppError, type ErrorCode } from '../errors';
import { parseAppLinks, requestAppLinks } from '../okta/app-links';
import type { FetchFn } from '../platform/ports';
import type { App, Person } from '../records';
import type { SearchIndex } from '../search/search-index';
import { buildSearchIndex, buildSearchIndexInSlices, serializeSearchIndex } from '../search/search-index';
import type { PeopleSource } from './people-source';
import { callOkta } from './call-okta';
import { syncPeople } from './people-sync';
import { sameRecords } from './same-records';

/** What one sync needs. */
export interface SyncContext {
  orgUrl: string;
  peopleSearch: boolean;
  /** Where people come from; absent when people search is off. */
  peopleSource?: PeopleSource;
  /** Why people cannot be read this time (no host access to the directory): apps still sync. */
  peopleUnavailable?: ErrorCode;
  db: IDBPDatabase<WorkstationDb>;
  fetch: FetchFn;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** A valid access token; `forceRefresh` after Okta answered 401. */
  accessToken: (forceRefresh?: boolean) => Promise<string>;
  /** Aborted when the sync is cancelled: nothing may be written after that. */
  signal: AbortSignal;
  onProgress: (progress: { phase: 'apps' | 'people'; pages: number; records: number }) => void;
}

/** A sync that put data in service; `index` is absent when nothing changed. */
export interface SyncResult {
  apps: App[];
  people: Person[];
  index?: SearchIndex;
  peopleNote?: ErrorCode;
}

/**
 * Apps (one call, okta-api.md §5) then people (paged, resumable). Each lands in service in one
 * transaction with a rebuilt index, so a failure at any step leaves the last good data searchable.
 */
export async function runSync(ctx: SyncContext): Promise<SyncResult> {
  ctx.onProgress({ phase: 'apps', pages: 0, records: 0 });
  const apps = await callOkta(ctx, async (token) => {
    const { json } = await requestAppLinks(ctx.orgUrl, token, ctx.fetch, ctx.now());
    return parseAppLinks(json);
  });
  const live = await readRecords(ctx.db);
  const appsChanged = !sameRecords(apps, live.apps);
  const peopleNote = ctx.peopleUnavailable;

  if (peopleNote || !ctx.peopleSearch || !ctx.peopleSource) {
    if (!appsChanged) return { apps, people: live.people, ...(peopleNote ? { peopleNote } : {}) };
    const appsIndex = await buildSearchIndexInSlices(apps, live.people);
    ctx.signal.throwIfAborted();
    await replaceApps(ctx.db, apps, serializeSearchIndex(appsIndex));
    return { apps, people: live.people, index: appsIndex, ...(peopleNote ? { peopleNote } : {}) };
  }

  const source = ctx.peopleSource;
  try {
    const { people, index } = await syncPeople(
      { ...ctx, onProgress: (progress) => ctx.onProgress({ phase: 'people', ...progress }) },
      source,
      apps,
      live.people,
      appsChanged,
    );
    // Okta support reports an empty 200 instead of 403 for some non-admins (okta-api.md §2.4); the
    // caller always exists, so an empty list from Okta means the same as a 403.
    const empty = source.kind === 'okta' && people.length === 0;
    return {
      apps,
      people,
      ...(index ? { index } : {}),
      ...(empty ? { peopleNote: 'OKTA_FORBIDDEN' as const } : {}),
    };
  } catch (error) {
    // Okta lists users only to admins, and a directory may be limited to some groups: a 403 means
    // "no directory for this account", not a failed sync.
    if (
      !(error instanceof AppError) ||
      (error.code !== 'OKTA_FORBIDDEN' && error.code !== 'DIRECTORY_FORBIDDEN')
    ) {
      throw error;
    }
    const index = buildSearchIndex(apps, []);
    ctx.signal.throwIfAborted();
    await commitPeople(
      ctx.db,
      { mode: 'full', upserts: [], removed: [] },
      serializeSearchIndex(index),
      { source: source.id, lastFullAt: 0 },
      apps,
    );
    return { apps, people: [], index, peopleNote: error.code };
  }
}
