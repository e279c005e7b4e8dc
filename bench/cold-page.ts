// The page side of `bench/search-cold.ts`: the extension's own catalog, IndexedDB schema and search,
// bundled for the browser. Exposes two calls on `globalThis.coldBench`.
import { Catalog } from '../lib/catalog/catalog';
import { INDEX_KEY, readPeopleByIds, readRecords, readSearchStart } from '../lib/db/records-store';
import { openWorkstationDb } from '../lib/db/schema';
import type { App, Person } from '../lib/records';
import { search } from '../lib/search/search';
import { openSearchIndex } from '../lib/search/search-index';

async function store(saved: unknown, apps: App[], people: Person[]): Promise<void> {
  const db = await openWorkstationDb();
  const tx = db.transaction(['apps', 'people', 'meta'], 'readwrite');
  const writes: Array<Promise<unknown>> = [];
  for (const app of apps) writes.push(tx.objectStore('apps').put(app));
  for (const person of people) writes.push(tx.objectStore('people').put(person));
  writes.push(tx.objectStore('meta').put(saved, INDEX_KEY));
  await Promise.all([...writes, tx.done]);
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

(globalThis as unknown as Record<string, unknown>).coldBench = { store, firstResult, readEverything };

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
