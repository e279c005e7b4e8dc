import type { IDBPDatabase } from 'idb';
import type { App, Person } from '../records';
import { putSavedIndex } from './records-store';
import type { WorkstationDb } from './schema';

type Db = IDBPDatabase<WorkstationDb>;

const CHECKPOINT_KEY = 'sync.people.checkpoint';
const STATE_KEY = 'sync.people.state';

/** Where an unfinished people sync stands; saved with every staged page so a stopped worker resumes. */
export interface PeopleCheckpoint {
  runId: string;
  /** Which source the run reads (a change of source starts over). */
  source: string;
  mode: 'full' | 'delta';
  /** Where to continue: the next page's URL or cursor. */
  cursor: string;
  pages: number;
  records: number;
  /** The newest change seen so far: the watermark once the run completes. */
  watermark?: string;
  startedAt: number;
}

/** What the last completed people sync left for the next one. */
export interface PeopleSyncState {
  source: string;
  watermark?: string;
  lastFullAt: number;
}

/** The unfinished run, if any. */
export async function readCheckpoint(db: Db): Promise<PeopleCheckpoint | undefined> {
  return (await db.get('meta', CHECKPOINT_KEY)) as PeopleCheckpoint | undefined;
}

/** The state after the last completed run, if any. */
export async function readPeopleSyncState(db: Db): Promise<PeopleSyncState | undefined> {
  return (await db.get('meta', STATE_KEY)) as PeopleSyncState | undefined;
}

/** Starts a run: empties staging and saves its first checkpoint, together. */
export async function beginRun(db: Db, checkpoint: PeopleCheckpoint): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('staging').clear(),
    tx.objectStore('meta').put(checkpoint, CHECKPOINT_KEY),
    tx.done,
  ]);
}

/**
 * Stages one fetched page and moves the checkpoint past it, in one transaction: a worker stopped at
 * any point either has the page and the new cursor, or neither. The fetch happened before — a
 * transaction dies at the first await that is not IndexedDB (idb #201).
 */
export async function stagePage(
  db: Db,
  page: { upserts: readonly Person[]; removed: readonly string[] },
  checkpoint: PeopleCheckpoint | undefined,
): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  const staging = tx.objectStore('staging');
  const writes: Array<Promise<unknown>> = [];
  for (const person of page.upserts) writes.push(staging.put({ id: person.id, person }));
  for (const id of page.removed) writes.push(staging.put({ id }));
  const meta = tx.objectStore('meta');
  writes.push(checkpoint ? meta.put(checkpoint, CHECKPOINT_KEY) : meta.delete(CHECKPOINT_KEY));
  await Promise.all([...writes, tx.done]);
}

/** Everything staged by the current run. */
export async function readStaged(db: Db): Promise<{ upserts: Person[]; removed: string[] }> {
  const staged = await db.getAll('staging');
  const upserts: Person[] = [];
  const removed: string[] = [];
  for (const entry of staged) {
    if (entry.person) upserts.push(entry.person);
    else removed.push(entry.id);
  }
  return { upserts, removed };
}

/**
 * Puts a completed run in service in one transaction: the people (replaced for a full pass, changed
 * for a delta), the rebuilt search index, the new sync state; staging and checkpoint are cleared.
 */
export async function commitPeople(
  db: Db,
  change: { mode: 'full' | 'delta'; upserts: readonly Person[]; removed: readonly string[] },
  savedIndex: unknown,
  state: PeopleSyncState,
  /** A changed apps list, put in service in the same transaction as the index built with it. */
  apps?: readonly App[],
): Promise<void> {
  const tx = db.transaction(['apps', 'people', 'staging', 'meta'], 'readwrite');
  const people = tx.objectStore('people');
  const meta = tx.objectStore('meta');
  const writes: Array<Promise<unknown>> = [];
  if (apps) {
    const store = tx.objectStore('apps');
    writes.push(store.clear());
    for (const app of apps) writes.push(store.put(app));
  }
  if (change.mode === 'full') writes.push(people.clear());
  for (const person of change.upserts) writes.push(people.put(person));
  if (change.mode === 'delta') for (const id of change.removed) writes.push(people.delete(id));
  writes.push(tx.objectStore('staging').clear());
  writes.push(meta.delete(CHECKPOINT_KEY));
  writes.push(meta.put(state, STATE_KEY));
  writes.push(...putSavedIndex(meta, savedIndex));
  await Promise.all([...writes, tx.done]);
}

/** Ends a run that changed nothing: staging and checkpoint cleared, the new state kept, no index written. */
export async function commitUnchanged(db: Db, state: PeopleSyncState): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('staging').clear(),
    tx.objectStore('meta').delete(CHECKPOINT_KEY),
    tx.objectStore('meta').put(state, STATE_KEY),
    tx.done,
  ]);
}
