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

/**
 * Puts a complete sync result into service in one transaction: either all of it lands, or the previous
 * data stays. Everything is fetched before this is called (a transaction dies at the first await on
 * anything that is not IndexedDB; idb #201).
 */
export async function replaceRecords(
  db: Db,
  next: { apps?: readonly App[]; people?: readonly Person[]; savedIndex: unknown },
): Promise<void> {
  const tx = db.transaction(['apps', 'people', 'meta'], 'readwrite');
  const writes: Array<Promise<unknown>> = [];
  if (next.apps) {
    const store = tx.objectStore('apps');
    writes.push(store.clear());
    for (const app of next.apps) writes.push(store.put(app));
  }
  if (next.people) {
    const store = tx.objectStore('people');
    writes.push(store.clear());
    for (const person of next.people) writes.push(store.put(person));
  }
  writes.push(tx.objectStore('meta').put(next.savedIndex, INDEX_KEY));
  await Promise.all([...writes, tx.done]);
}

/** Deletes the people directory and the index (a refresh ended in `invalid_grant`; DESIGN.md). */
export async function deletePeople(db: Db): Promise<void> {
  const tx = db.transaction(['people', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('people').clear(), tx.objectStore('meta').delete(INDEX_KEY), tx.done]);
}

/** Deletes every stored record, launch and the index (sign-out). */
export async function deleteEverything(db: Db): Promise<void> {
  const tx = db.transaction(['apps', 'people', 'launches', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('apps').clear(),
    tx.objectStore('people').clear(),
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
