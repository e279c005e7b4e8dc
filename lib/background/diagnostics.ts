import type { IDBPDatabase } from 'idb';
import type { WorkstationDb } from '../db/schema';
import { DB_VERSION } from '../db/schema';
import { SEARCH_INDEX_FORMAT_VERSION } from '../search/search-index';

/** What support needs to know about the stored data, for the options page's diagnostics. */
export interface DiagnosticsView {
  databaseVersion: number;
  indexFormatVersion: number;
  /** Records actually in IndexedDB (the sync status counts what the last sync put in service). */
  stored: { apps: number; people: number; launches: number; staged: number };
}

/** Reads the diagnostics counts in one read-only transaction. */
export async function readDiagnostics(db: IDBPDatabase<WorkstationDb>): Promise<DiagnosticsView> {
  const tx = db.transaction(['apps', 'people', 'launches', 'staging'], 'readonly');
  const [apps, people, launches, staged] = await Promise.all([
    tx.objectStore('apps').count(),
    tx.objectStore('people').count(),
    tx.objectStore('launches').count(),
    tx.objectStore('staging').count(),
  ]);
  await tx.done;
  return {
    databaseVersion: DB_VERSION,
    indexFormatVersion: SEARCH_INDEX_FORMAT_VERSION,
    stored: { apps, people, launches, staged },
  };
}
