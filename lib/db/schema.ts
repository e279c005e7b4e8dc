import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { App, Person } from '../records';

/** A launch count for one app link, feeding quick actions (keyed by `App.id`). */
export interface Launch {
  appId: string;
  count: number;
  lastLaunchedAt: number;
}

/** A person fetched by a sync that has not finished yet; `person` absent = removed. */
export interface StagedPerson {
  id: string;
  person?: Person;
}

/** The one IndexedDB schema of the product (STYLE.md, rule 7). */
export interface WorkstationDb extends DBSchema {
  apps: { key: string; value: App };
  people: { key: string; value: Person };
  launches: { key: string; value: Launch };
  /** Pages of an unfinished people sync, keyed by person id so a re-fetched page never duplicates. */
  staging: { key: string; value: StagedPerson };
  /** Small named values: the saved search index, sync bookkeeping. */
  meta: { key: string; value: unknown };
  /**
   * The person's own choices (quick-action pins and hides) and the policy pins pages paint with:
   * apart from `meta`, which a lost session clears with the people directory.
   */
  prefs: { key: string; value: unknown };
}

/** The database name; tests pass their own. */
export const DB_NAME = 'workstation';
/** Bump with a new rung on the ladder below; never edit a rung that has shipped. */
export const DB_VERSION = 3;

/** Opens (and upgrades) the product's database. */
export function openWorkstationDb(name = DB_NAME): Promise<IDBPDatabase<WorkstationDb>> {
  return openDB<WorkstationDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // The upgrade ladder: each rung takes the database one version up.
      if (oldVersion < 1) {
        db.createObjectStore('apps', { keyPath: 'id' });
        db.createObjectStore('people', { keyPath: 'id' });
        db.createObjectStore('launches', { keyPath: 'appId' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('staging', { keyPath: 'id' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('prefs');
      }
    },
  });
}
