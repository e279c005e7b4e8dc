import type { IDBPDatabase } from 'idb';
import { frecencyMap } from '../actions/frecency';
import { quickActions } from '../actions/quick-actions';
import type { WorkstationDb } from '../db/schema';
import {
  readLaunches,
  readPeopleByIds,
  readPeopleInBatches,
  readSavedPeopleIndex,
  readSearchStart,
  recordLaunch,
} from '../db/records-store';
import type { App, Person } from '../records';
import type { SearchIndex } from '../search/search-index';
import { buildSearchIndexInSlices, isPersonShown, openSearchIndex } from '../search/search-index';
import type { SearchResult } from '../search/search';
import { search } from '../search/search';

interface Loaded {
  apps: Map<string, App>;
  /** Undefined right after a cold start, until `peopleRead` settles. */
  people: Map<string, Person> | undefined;
  peopleRead: Promise<Map<string, Person>>;
  /** Starts reading the directory behind a cold start's first answer (once; later calls do nothing). */
  readPeople: () => void;
  index: SearchIndex;
  frecency: Map<string, number>;
}

/**
 * The background's in-memory view of the synced records and their search index. An MV3 worker loses
 * it when stopped, so it is restored from IndexedDB on first use (DESIGN.md, "Data flow" 3).
 */
export class Catalog {
  private loaded: Promise<Loaded> | undefined;

  constructor(
    private readonly db: () => Promise<IDBPDatabase<WorkstationDb>>,
    private readonly now: () => number,
  ) {}

  /** Ranked results for a query; the same function serves the omnibox, new tab and popup. */
  async search(query: string, options: { people: boolean; limit?: number }): Promise<SearchResult[]> {
    const state = await this.load();
    const results = search(state.index, query, { ...options, frecency: state.frecency });
    const completed = await this.completePeople(results, state.people);
    state.readPeople();
    return completed;
  }

  /** The quick-actions apps. */
  async quickActions(pinned: readonly string[], limit?: number): Promise<App[]> {
    const state = await this.load();
    return quickActions([...state.apps.values()], state.frecency, pinned, limit);
  }

  /** One app by id. */
  async app(id: string): Promise<App | undefined> {
    return (await this.load()).apps.get(id);
  }

  /** One person by id. */
  async person(id: string): Promise<Person | undefined> {
    const { people } = await this.load();
    if (people) return people.get(id);
    const [person] = await readPeopleByIds(await this.db(), [id]);
    return person;
  }

  /** The app whose link is this URL, or the person whose `mailto:` URL this is (omnibox targets). */
  async byTarget(
    target: string,
    mailto: (email: string) => string | undefined,
  ): Promise<App | Person | undefined> {
    const state = await this.load();
    for (const app of state.apps.values()) if (app.linkUrl === target) return app;
    if (!target.startsWith('mailto:')) return undefined;
    state.readPeople();
    for (const person of (await state.peopleRead).values())
      if (person.email && mailto(person.email) === target) return person;
    return undefined;
  }

  /** Counts a launch and lets it lift the app at once. */
  async recordLaunch(appId: string): Promise<void> {
    const db = await this.db();
    await recordLaunch(db, appId, this.now());
    const state = await this.load();
    state.frecency = frecencyMap(await readLaunches(db), this.now());
  }

  /** Puts a fresh sync in service. */
  async replace(apps: readonly App[], people: readonly Person[], index: SearchIndex): Promise<void> {
    const frecency = frecencyMap(await readLaunches(await this.db()), this.now());
    const map = byId(people);
    this.loaded = Promise.resolve({
      apps: byId(apps),
      people: map,
      peopleRead: Promise.resolve(map),
      readPeople: () => undefined,
      index,
      frecency,
    });
  }

  /** Forgets the in-memory view; the next use reads IndexedDB again. */
  reset(): void {
    this.loaded = undefined;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.read().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async read(): Promise<Loaded> {
    const db = await this.db();
    // A cold start answers from the saved index alone; every person's record (about a second of
    // reading at 50,000) follows in batches, and is checked against the index (lib/search).
    const { apps, savedIndex, launches } = await readSearchStart(db);
    // The directory is read once the first answer is out: begun earlier, its reading and checking
    // would hold the worker's thread while that answer waits.
    let readPeople: () => void = () => undefined;
    const people = new Promise<void>((resolve) => (readPeople = resolve)).then(() => readPeopleInBatches(db));
    // The people's full-text index (typo matches) is read once their records are in.
    const opened =
      savedIndex === undefined
        ? undefined
        : openSearchIndex(
            savedIndex,
            apps,
            people,
            people.then(() => readSavedPeopleIndex(db, savedIndex)).catch(() => undefined),
          );
    if (opened === undefined) readPeople();
    const index = opened ?? (await buildSearchIndexInSlices(apps, await people));
    const state: Loaded = {
      apps: byId(apps),
      people: undefined,
      peopleRead: people.then(byId),
      readPeople,
      index,
      frecency: frecencyMap(launches, this.now()),
    };
    state.peopleRead.then(
      (map) => {
        state.people = map;
      },
      () => {
        // Read again on next use rather than serve a half-read directory.
        this.reset();
      },
    );
    return state;
  }

  /**
   * Person results of a cold start carry id, name and email only until the index has checked the
   * records: the rest comes from the records read since, or is read by id.
   */
  private async completePeople(
    results: SearchResult[],
    people: ReadonlyMap<string, Person> | undefined,
  ): Promise<SearchResult[]> {
    const ids = results.flatMap((result) => (result.kind === 'person' ? [result.person.id] : []));
    if (ids.length === 0) return results;
    const records =
      people ??
      new Map(
        (await readPeopleByIds(await this.db(), ids)).flatMap((person) =>
          person ? [[person.id, person] as const] : [],
        ),
      );
    return results.flatMap((result): SearchResult[] => {
      if (result.kind !== 'person') return [result];
      const person = records.get(result.person.id);
      // A record changed since the index was saved is left out, as a deleted one is, until the
      // index is rebuilt: its highlights are for the name the index knew.
      return person && isPersonShown(result.person, person) ? [{ ...result, person }] : [];
    });
  }
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}
