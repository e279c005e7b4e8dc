import type { IDBPDatabase } from 'idb';
import { frecencyMap } from '../actions/frecency';
import { quickActions } from '../actions/quick-actions';
import type { WorkstationDb } from '../db/schema';
import { readLaunches, readRecords, recordLaunch } from '../db/records-store';
import type { App, Person } from '../records';
import type { SearchIndex } from '../search/search-index';
import { buildSearchIndex, openSearchIndex } from '../search/search-index';
import type { SearchResult } from '../search/search';
import { search } from '../search/search';

interface Loaded {
  apps: Map<string, App>;
  people: Map<string, Person>;
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
    return search(state.index, query, { ...options, frecency: state.frecency });
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
    return (await this.load()).people.get(id);
  }

  /** The app whose link is this URL, or the person whose `mailto:` URL this is (omnibox targets). */
  async byTarget(
    target: string,
    mailto: (email: string) => string | undefined,
  ): Promise<App | Person | undefined> {
    const state = await this.load();
    for (const app of state.apps.values()) if (app.linkUrl === target) return app;
    if (!target.startsWith('mailto:')) return undefined;
    for (const person of state.people.values())
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
    this.loaded = Promise.resolve({ apps: byId(apps), people: byId(people), index, frecency });
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
    const [{ apps, people, savedIndex }, launches] = await Promise.all([readRecords(db), readLaunches(db)]);
    // Answers at once; people's full index (typo matches) loads in the background (lib/search).
    const index = savedIndex ? openSearchIndex(savedIndex, apps, people) : buildSearchIndex(apps, people);
    return { apps: byId(apps), people: byId(people), index, frecency: frecencyMap(launches, this.now()) };
  }
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}
