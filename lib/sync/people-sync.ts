import type { IDBPDatabase } from 'idb';
import type { PeopleCheckpoint } from '../db/people-sync-store';
import {
  beginRun,
  commitPeople,
  commitUnchanged,
  readCheckpoint,
  readPeopleSyncState,
  readStaged,
  stagePage,
} from '../db/people-sync-store';
import type { WorkstationDb } from '../db/schema';
import { AppError } from '../errors';
import { paceDelayMs } from '../okta/rate-limit';
import type { FetchFn } from '../platform/ports';
import type { App, Person } from '../records';
import type { SearchIndex } from '../search/search-index';
import { buildSearchIndexInSlices, serializeSearchIndex } from '../search/search-index';
import { callOkta } from './call-okta';
import { sameRecord, sameRecords } from './same-records';
import type { PeopleSource } from './people-source';

/** 200 a page: a million people. More pages than this means a source that never ends. */
const MAX_PAGES = 5_000;
/** A full pass this often catches users deleted outright, which no delta reports (okta-api.md §6.1). */
export const FULL_PASS_EVERY_MS = 24 * 60 * 60_000;

/** What a people sync needs. */
export interface PeopleSyncContext {
  db: IDBPDatabase<WorkstationDb>;
  fetch: FetchFn;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  accessToken: (forceRefresh?: boolean) => Promise<string>;
  /** Checked right before every write: a cancelled sync writes nothing more. */
  signal: AbortSignal;
  onProgress: (progress: { pages: number; records: number }) => void;
}

/** A finished people sync; `index` is absent when neither people nor apps changed. */
export interface PeopleSyncResult {
  people: Person[];
  index?: SearchIndex;
}

/**
 * Runs (or resumes) a people pass: each page is staged with the cursor after it in one transaction,
 * and only the complete result is swapped into service with its index. A pass stopped at page k
 * resumes at page k+1; re-fetched pages overwrite their staged copies, so nothing is duplicated.
 */
export async function syncPeople(
  ctx: PeopleSyncContext,
  source: PeopleSource,
  apps: readonly App[],
  livePeople: readonly Person[],
  appsChanged: boolean,
): Promise<PeopleSyncResult> {
  const { db } = ctx;
  const state = await readPeopleSyncState(db);
  let checkpoint = await readCheckpoint(db);
  if (checkpoint && checkpoint.source !== source.id) checkpoint = undefined;
  if (!checkpoint) {
    const full =
      !state ||
      state.source !== source.id ||
      !state.watermark ||
      ctx.now() - state.lastFullAt >= FULL_PASS_EVERY_MS;
    checkpoint = {
      runId: `${ctx.now()}-${Math.random().toString(36).slice(2)}`,
      source: source.id,
      mode: full ? 'full' : 'delta',
      cursor: source.firstPage(full ? undefined : state?.watermark),
      pages: 0,
      records: 0,
      startedAt: ctx.now(),
    };
    ctx.signal.throwIfAborted();
    await beginRun(db, checkpoint);
  }

  const seen = new Set<string>();
  const seenIds = new Set<string>();
  while (checkpoint.cursor) {
    // A next link that leads back to a page already read would loop forever.
    if (seen.has(checkpoint.cursor))
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent a page that links to itself.');
    seen.add(checkpoint.cursor);
    const cursor = checkpoint.cursor;
    const page = await callOkta(ctx, (token) => source.fetchPage(cursor, token, ctx.fetch, ctx.now()));
    if (page.restartFull) {
      if (checkpoint.mode === 'full')
        throw new AppError('OKTA_BAD_RESPONSE', 'The source refused its own snapshot.');
      checkpoint = { ...checkpoint, mode: 'full', cursor: source.firstPage(undefined), pages: 0, records: 0 };
      delete checkpoint.watermark;
      ctx.signal.throwIfAborted();
      await beginRun(db, checkpoint);
      continue;
    }
    // Okta never sends an empty page that links to another; a source that does would page forever.
    if (page.next && page.entries === 0) {
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent an empty page that links to another.');
    }
    // Each of Okta's pages holds people the pass has not seen yet; one that does not is going round.
    const ids = [...page.upserts.map((person) => person.id), ...page.removed];
    if (page.next && ids.length > 0 && ids.every((id) => seenIds.has(id))) {
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent the same people again on another page.');
    }
    for (const id of ids) seenIds.add(id);
    if (checkpoint.pages >= MAX_PAGES)
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent more pages than any org has.');
    // Okta: the newest change seen; a source with its own cursor: the cursor after this page.
    const watermark = page.cursor ?? later(checkpoint.watermark, page.latestUpdate);
    const next: PeopleCheckpoint = {
      ...checkpoint,
      cursor: page.next ?? '',
      pages: checkpoint.pages + 1,
      records: checkpoint.records + page.upserts.length,
      ...(watermark ? { watermark } : {}),
    };
    ctx.signal.throwIfAborted();
    await stagePage(db, page, next);
    checkpoint = next;
    ctx.onProgress({ pages: checkpoint.pages, records: checkpoint.records });
    const pause = paceDelayMs(page.headers, ctx.now());
    if (checkpoint.cursor && pause > 0) await ctx.sleep(pause);
  }

  const staged = await readStaged(db);
  const live = new Map(livePeople.map((person) => [person.id, person]));
  let people: Person[];
  let changed: boolean;
  if (checkpoint.mode === 'full') {
    people = staged.upserts;
    changed = !sameRecords(people, livePeople);
  } else {
    changed =
      staged.upserts.some((person) => !sameRecord(person, live.get(person.id))) ||
      staged.removed.some((id) => live.has(id));
    for (const person of staged.upserts) live.set(person.id, person);
    for (const id of staged.removed) live.delete(id);
    people = [...live.values()];
  }
  const watermark = checkpoint.watermark ?? state?.watermark;
  const nextState = {
    source: source.id,
    ...(watermark ? { watermark } : {}),
    lastFullAt: checkpoint.mode === 'full' ? checkpoint.startedAt : (state?.lastFullAt ?? 0),
  };
  ctx.signal.throwIfAborted();
  // Most hourly syncs change nothing: then the index is neither rebuilt nor written again.
  if (!changed && !appsChanged) {
    await commitUnchanged(db, nextState);
    return { people };
  }
  // Built a slice at a time: searches keep being answered from the index in service meanwhile.
  const index = await buildSearchIndexInSlices(apps, people);
  await commitPeople(
    db,
    { mode: checkpoint.mode, upserts: staged.upserts, removed: staged.removed },
    serializeSearchIndex(index),
    nextState,
    appsChanged ? apps : undefined,
  );
  return { people, index };
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return b > a ? b : a;
}
