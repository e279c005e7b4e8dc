import type { IDBPDatabase } from 'idb';
import type { App, Person } from '../records';
import type { Launch, WorkstationDb } from './schema';

type Db = IDBPDatabase<WorkstationDb>;

/** Key of the saved search index in `meta` (all of it but the people's full-text index). */
export const INDEX_KEY = 'search.index';
/**
 * Key of the people's full-text index, kept apart from the rest of the saved index: a cold start
 * answers its first keystroke without it (typo matches join when it has loaded), and at 200,000
 * people it is nearly half of what the first read would otherwise copy (`npm run bench:cold`).
 */
export const INDEX_PEOPLE_KEY = 'search.index.people';

/** The `meta` store of a transaction over it. */
interface MetaReader {
  get(key: string): Promise<unknown>;
}
interface MetaWriter {
  put(value: unknown, key: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** The people's full-text index as stored, with the fingerprint of the index it belongs to. */
interface StoredPeopleIndex {
  fingerprint: unknown;
  people: unknown;
}

/**
 * Writes a saved index in two values of one transaction (see {@link INDEX_PEOPLE_KEY}); anything
 * that is not a saved index object is written as it is, and is rebuilt on reading.
 */
export function putSavedIndex(meta: MetaWriter, savedIndex: unknown): Array<Promise<unknown>> {
  if (typeof savedIndex !== 'object' || savedIndex === null || !('people' in savedIndex))
    return [meta.put(savedIndex, INDEX_KEY), meta.delete(INDEX_PEOPLE_KEY)];
  const { people, ...head } = savedIndex as { people: unknown; fingerprint?: unknown };
  const stored: StoredPeopleIndex = { fingerprint: head.fingerprint, people };
  return [meta.put(head, INDEX_KEY), meta.put(stored, INDEX_PEOPLE_KEY)];
}

/** The people's full-text index stored beside this saved index head, or undefined when it is not its own. */
function peopleIndexOf(head: unknown, stored: unknown): unknown {
  if (typeof head !== 'object' || head === null || typeof stored !== 'object' || stored === null)
    return undefined;
  const { fingerprint, people } = stored as Partial<StoredPeopleIndex>;
  return fingerprint === (head as { fingerprint?: unknown }).fingerprint ? people : undefined;
}

/** Reads the saved index whole: its head and the people's full-text index, joined again. */
async function readSavedIndex(meta: MetaReader): Promise<unknown> {
  const [head, stored] = await Promise.all([meta.get(INDEX_KEY), meta.get(INDEX_PEOPLE_KEY)]);
  if (typeof head !== 'object' || head === null || 'people' in head) return head;
  return { ...head, people: peopleIndexOf(head, stored) };
}

/**
 * The people's full-text index of the saved index whose head a cold start read, in a transaction of
 * its own; undefined when it is missing or belongs to another index (a sync landed in between).
 */
export async function readSavedPeopleIndex(db: Db, head: unknown): Promise<unknown> {
  return peopleIndexOf(head, await db.get('meta', INDEX_PEOPLE_KEY));
}

/** Everything search needs, read in one transaction. */
export interface StoredRecords {
  apps: App[];
  people: Person[];
  savedIndex: unknown;
}

/** Reads apps, people and the saved index together. */
export async function readRecords(db: Db): Promise<StoredRecords> {
  const tx = db.transaction(['apps', 'people', 'meta'], 'readonly');
  const [apps, people, savedIndex] = await Promise.all([
    tx.objectStore('apps').getAll(),
    tx.objectStore('people').getAll(),
    readSavedIndex(tx.objectStore('meta')),
  ]);
  await tx.done;
  return { apps, people, savedIndex };
}

/**
 * What a cold start reads before answering, in one transaction: apps, launches and the saved index's
 * head, without the people's full-text index ({@link readSavedPeopleIndex} reads that after).
 */
export async function readSearchStart(
  db: Db,
): Promise<{ apps: App[]; savedIndex: unknown; launches: Launch[] }> {
  const tx = db.transaction(['apps', 'meta', 'launches'], 'readonly');
  const [apps, savedIndex, launches] = await Promise.all([
    tx.objectStore('apps').getAll(),
    tx.objectStore('meta').get(INDEX_KEY),
    tx.objectStore('launches').getAll(),
  ]);
  await tx.done;
  return { apps, savedIndex, launches };
}

/**
 * Every person, in id order, read a batch at a time: reading 50,000 records in one `getAll` holds the
 * worker's thread for about a second, and keystrokes answered meanwhile would wait for it.
 */
export async function readPeopleInBatches(db: Db, batch = 500): Promise<Person[]> {
  const people: Person[] = [];
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await db.getAll('people', range, batch);
    people.push(...page);
    if (page.length < batch) return people;
    after = (page[page.length - 1] as Person).id;
  }
}

/** The people with these ids that are stored, in the order asked. */
export async function readPeopleByIds(db: Db, ids: readonly string[]): Promise<Array<Person | undefined>> {
  const tx = db.transaction('people', 'readonly');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found;
}

/** Puts a fresh apps list and the index rebuilt with it into service, in one transaction. */
export async function replaceApps(db: Db, apps: readonly App[], savedIndex: unknown): Promise<void> {
  const tx = db.transaction(['apps', 'meta'], 'readwrite');
  const store = tx.objectStore('apps');
  const writes: Array<Promise<unknown>> = [store.clear()];
  for (const app of apps) writes.push(store.put(app));
  writes.push(...putSavedIndex(tx.objectStore('meta'), savedIndex));
  await Promise.all([...writes, tx.done]);
}

/**
 * Deletes the people directory, anything staged, the sync bookkeeping and the index (a refresh ended in
 * `invalid_grant`; DESIGN.md). The index is rebuilt from the apps on next use.
 */
export async function deletePeople(db: Db): Promise<void> {
  const tx = db.transaction(['people', 'staging', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('people').clear(),
    // Staged pages of an unfinished sync are people too.
    tx.objectStore('staging').clear(),
    tx.objectStore('meta').clear(),
    tx.done,
  ]);
}

/** Deletes every stored record, launch, preference and the index (sign-out). */
export async function deleteEverything(db: Db): Promise<void> {
  const tx = db.transaction(['apps', 'people', 'staging', 'launches', 'meta', 'prefs'], 'readwrite');
  await Promise.all([
    tx.objectStore('prefs').clear(),
    tx.objectStore('apps').clear(),
    tx.objectStore('people').clear(),
    tx.objectStore('staging').clear(),
    tx.objectStore('launches').clear(),
    tx.objectStore('meta').clear(),
    tx.done,
  ]);
}

/** Counts one more launch of an app link. */
export async function recordLaunch(db: Db, appId: string, now: number): Promise<void> {
  const tx = db.transaction('launches', 'readwrite');
  const previous = await tx.store.get(appId);
  await tx.store.put({ appId, count: (previous?.count ?? 0) + 1, lastLaunchedAt: now });
  await tx.done;
}

/** Every launch count. */
export function readLaunches(db: Db): Promise<Launch[]> {
  return db.getAll('launches');
}
