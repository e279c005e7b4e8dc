import type { IDBPDatabase } from 'idb';
import type { App, Person } from '../records';
import type { Launch, WorkstationDb } from './schema';

type Db = IDBPDatabase<WorkstationDb>;

/** Key of the saved search index in `meta`. */
export const INDEX_KEY = 'search.index';

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
    tx.objectStore('meta').get(INDEX_KEY),
  ]);
  await tx.done;
  return { apps, people, savedIndex };
}

/** What a cold start reads before answering: apps, the saved index and launches, in one transaction. */
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
  writes.push(tx.objectStore('meta').put(savedIndex, INDEX_KEY));
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
