// The page side of `bench/search-cold.ts`: the extension's own catalog, IndexedDB schema and search,
// bundled for the browser. Exposes two calls on `globalThis.coldBench`.
import { Catalog } from '../lib/catalog/catalog';
import { putSavedIndex, readPeopleByIds, readRecords, readSearchStart } from '../lib/db/records-store';
import { openWorkstationDb } from '../lib/db/schema';
import type { App, Person } from '../lib/records';
import { search } from '../lib/search/search';
import { openSearchIndex } from '../lib/search/search-index';

async function store(saved: unknown, apps: App[]): Promise<void> {
  const db = await openWorkstationDb();
  const tx = db.transaction(['apps', 'meta'], 'readwrite');
  const writes: Array<Promise<unknown>> = apps.map((app) => tx.objectStore('apps').put(app));
  writes.push(...putSavedIndex(tx.objectStore('meta'), saved));
  await Promise.all([...writes, tx.done]);
  db.close();
}

/** Stores a batch of people (the bench hands them over in batches: 200,000 at once is too big a message). */
async function storePeople(people: Person[]): Promise<void> {
  const db = await openWorkstationDb();
  const tx = db.transaction('people', 'readwrite');
  await Promise.all([...people.map((person) => tx.objectStore('people').put(person)), tx.done]);
  db.close();
}

/** A fresh page's first query through the catalog, as a stopped worker answers it: ms to results. */
async function firstResult(query: string): Promise<{ ms: number; top: string; allReadMs: number }> {
  const start = performance.now();
  const catalog = new Catalog(
    () => openWorkstationDb(),
    () => Date.now(),
  );
  const results = await catalog.search(query, { people: true });
  const ms = performance.now() - start;
  const top = results[0];
  // The whole directory, then, as the worker keeps reading it behind the first answer.
  await catalog.byTarget('mailto:nobody@example.invalid', () => undefined);
  const allReadMs = performance.now() - start;
  return {
    ms,
    top: top === undefined ? '' : top.kind === 'app' ? top.app.label : top.person.displayName,
    allReadMs,
  };
}

/** What the first answer cost before: every record read in one transaction first. */
async function readEverything(): Promise<number> {
  const start = performance.now();
  const db = await openWorkstationDb();
  await readRecords(db);
  db.close();
  return performance.now() - start;
}

(globalThis as unknown as Record<string, unknown>).coldBench = {
  store,
  storePeople,
  firstResult,
  readEverything,
};

/** The same steps one by one, each timed: where a cold start's time goes. */
async function breakdown(query: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  let last = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - last;
    last = now;
  };
  const db = await openWorkstationDb();
  lap('open database');
  const { apps, savedIndex } = await readSearchStart(db);
  lap('read apps + saved index');
  const index = openSearchIndex(savedIndex, apps, new Promise<Person[]>(() => undefined));
  lap('open saved index');
  const results = index ? search(index, query) : [];
  lap('search');
  await readPeopleByIds(
    db,
    results.flatMap((r) => (r.kind === 'person' ? [r.person.id] : [])),
  );
  lap('read result records');
  db.close();
  return times;
}

(globalThis as unknown as { coldBench: Record<string, unknown> }).coldBench.breakdown = breakdown;
