import type { App, Person } from '../records';
import { fingerprintRecords, fingerprintSteps } from './fingerprint';
import { appTokens, encodeKey, personTokens } from './index-tokens';
import { normalizeText } from './normalize';
import {
  BUSY_PREFIX_MIN,
  buildPrefixTableSteps,
  busyPrefixCandidates,
  restorePrefixTable,
  serializePrefixTable,
} from './prefix-table';
import type { PrefixTable, SerializedPrefixTable } from './prefix-table';
import {
  buildSegment,
  buildSegmentSteps,
  finishLoading,
  loadSegment,
  loadingSegment,
  segmentJson,
  termTree,
} from './segment';
import { ITEMS_PER_STEP, runAtOnce, runInSlices } from './slices';
import type { Steps } from './slices';
import type { Segment } from './segment';

/** The version of the saved index layout; a saved index of any other version is rebuilt. */
export const SEARCH_INDEX_FORMAT_VERSION = 5;

/** The options an index is built with; a saved index built with other options is rebuilt. */
export const SEARCH_INDEX_OPTIONS = {
  engine: 'minisearch-7/terms',
  tokenizer: 'words+joined+cjk-suffixes/1',
  normalizer: 'nfkd-fold/1',
  docOrder: 'by-id/name-then-id/2',
  shortPrefixes: `top-24/short+busy-${BUSY_PREFIX_MIN}/2`,
} as const;

/** The plain form of an index (structured-clone safe), saved beside the records it was built from. */
export interface SerializedIndex {
  format: 'workstation-search-index';
  version: number;
  options: Record<string, string>;
  /** Hash of the records the index was built from, so stale records are caught on restore. */
  fingerprint: string;
  /** Rank → position of the app among the apps sorted by id. */
  appOrder: number[];
  /**
   * People by rank — ids, display names and emails ('' for none), each joined with '\n' (a line break
   * inside a name or email is saved as a space) — so a cold start ranks and shows people before their
   * records are read.
   */
  personIds: string;
  personDisplays: string;
  personEmails: string;
  /** Each record's encoded tokens in rank order, joined with '\n'. */
  appKeys: string;
  personKeys: string;
  shortPrefixes: SerializedPrefixTable;
  /** MiniSearch's own JSON of each segment's index. */
  apps: string;
  people: string;
}

/** @internal The data behind a {@link SearchIndex}; only lib/search reads it. */
export interface IndexData {
  /** Apps and people each in (normalised name, id) order: the rank doubles as the tie-break. */
  readonly apps: readonly App[];
  /** People's records by rank; after a cold open, empty until the records are read and checked. */
  readonly people: Array<Person | undefined>;
  /** Ids, display names and emails ('' for none) by rank: what ranking reads, available at once. */
  readonly personIds: readonly string[];
  readonly personDisplays: readonly string[];
  readonly personEmails: readonly string[];
  readonly appLabels: readonly string[];
  /** Normalised display names by rank, filled as ranking needs them (a restore does not compute them). */
  readonly personNames: Array<string | undefined>;
  readonly appSegment: Segment;
  readonly peopleSegment: Segment;
  readonly prefixes: PrefixTable;
  readonly fingerprint: string;
  readonly appOrder: readonly number[];
  /** Settles once the people index is fully loaded and, after a cold open, the records checked. */
  readonly ready: Promise<void>;
}

/** @internal Key under which a {@link SearchIndex} carries its data. */
export const INDEX_DATA: unique symbol = Symbol('workstation.searchIndex');

/** An in-memory search index over apps and people; its contents are private to lib/search. */
export interface SearchIndex {
  readonly [INDEX_DATA]: IndexData;
}

// IndexedDB's getAll returns records in key order, whatever order a sync wrote them in: ranks and the
// fingerprint refer to records sorted by id, so a restore from IndexedDB finds them in that order.
function sortedById<T extends { id: string }>(records: readonly T[]): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    if ((records[i - 1] as T).id > (records[i] as T).id) {
      return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
  }
  return records;
}

function nameOrder(names: readonly string[], ids: readonly string[]): number[] {
  const order = names.map((_, i) => i);
  order.sort((a, b) => {
    const na = names[a] as string;
    const nb = names[b] as string;
    if (na !== nb) return na < nb ? -1 : 1;
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
  return order;
}

/** Builds the index of the given apps and people. */
export function buildSearchIndex(
  apps: readonly App[],
  people: readonly Person[],
  /** @internal Tests lower it to compare the table with the general path on a small org. */
  busyPrefixMin = BUSY_PREFIX_MIN,
): SearchIndex {
  return runAtOnce(buildSteps(apps, people, busyPrefixMin));
}

/**
 * Builds the same index a slice at a time, handing the thread back between slices: what a sync does,
 * so the worker keeps answering searches from the index in service (about a second of work at 50,000
 * people, four at 200,000).
 */
export function buildSearchIndexInSlices(
  apps: readonly App[],
  people: readonly Person[],
  /** @internal As for {@link buildSearchIndex}. */
  busyPrefixMin = BUSY_PREFIX_MIN,
): Promise<SearchIndex> {
  return runInSlices(buildSteps(apps, people, busyPrefixMin));
}

/** Maps in slices (see `slices.ts`). */
function* mapSteps<T, U>(items: readonly T[], map: (item: T, index: number) => U): Steps<U[]> {
  const out = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    out[i] = map(items[i] as T, i);
  }
  return out;
}

function* buildSteps(
  apps: readonly App[],
  people: readonly Person[],
  busyPrefixMin: number,
): Steps<SearchIndex> {
  const byIdApps = sortedById(apps);
  const byIdPeople = sortedById(people);
  yield;
  const labels = byIdApps.map((app) => normalizeText(app.label));
  const names = yield* mapSteps(byIdPeople, (person) => normalizeText(person.displayName));
  const appOrder = nameOrder(
    labels,
    byIdApps.map((app) => app.id),
  );
  const personOrder = nameOrder(
    names,
    byIdPeople.map((person) => person.id),
  );
  yield;
  const appTokenMaps = appOrder.map((i) => appTokens((byIdApps[i] as App).label));
  const personTokenMaps = yield* mapSteps(personOrder, (i) => personTokens(byIdPeople[i] as Person));
  const appKeys = appTokenMaps.map(encodeKey);
  const personKeys = yield* mapSteps(personTokenMaps, encodeKey);
  const rankedNames = personOrder.map((i) => names[i] as string);
  const rankedPeople = personOrder.map((i) => byIdPeople[i] as Person);
  const peopleSegment = yield* buildSegmentSteps(personTokenMaps, personKeys);
  yield;
  const busy = busyPrefixCandidates(
    termTree(peopleSegment.mini as NonNullable<typeof peopleSegment.mini>),
    busyPrefixMin,
  );
  yield;
  const personDisplays = yield* mapSteps(rankedPeople, (person) => oneLine(person.displayName));
  const personEmails = yield* mapSteps(rankedPeople, (person) => oneLine(person.email ?? ''));
  const prefixes = yield* buildPrefixTableSteps(
    personKeys,
    rankedNames,
    yield* mapSteps(rankedPeople, (person) => person.displayName.toLowerCase()),
    busy,
    busyPrefixMin,
  );
  const fingerprint = yield* fingerprintSteps(byIdApps, byIdPeople);
  return {
    [INDEX_DATA]: {
      apps: appOrder.map((i) => byIdApps[i] as App),
      people: rankedPeople,
      personIds: rankedPeople.map((person) => person.id),
      personDisplays,
      personEmails,
      appLabels: appOrder.map((i) => labels[i] as string),
      personNames: rankedNames,
      appSegment: buildSegment(appTokenMaps, appKeys),
      peopleSegment,
      prefixes,
      fingerprint,
      appOrder,
      ready: Promise.resolve(),
    },
  };
}

/** Turns an index into a plain object to save beside its records (e.g. in IndexedDB). */
export function serializeSearchIndex(index: SearchIndex): SerializedIndex {
  const data = index[INDEX_DATA];
  return {
    format: 'workstation-search-index',
    version: SEARCH_INDEX_FORMAT_VERSION,
    options: { ...SEARCH_INDEX_OPTIONS },
    fingerprint: data.fingerprint,
    appOrder: [...data.appOrder],
    personIds: data.personIds.join('\n'),
    personDisplays: data.personDisplays.join('\n'),
    personEmails: data.personEmails.join('\n'),
    appKeys: data.appSegment.keys.join('\n'),
    personKeys: data.peopleSegment.keys.join('\n'),
    shortPrefixes: serializePrefixTable(data.prefixes),
    apps: segmentJson(data.appSegment),
    people: segmentJson(data.peopleSegment),
  };
}

// Saved lists are joined with line breaks; one inside a value becomes a space (same length, so the
// highlighted ranges of a display name stay where they were).
function oneLine(text: string): string {
  return text.includes('\n') ? text.replace(/\n/gu, ' ') : text;
}

function isPermutation(value: unknown, size: number): value is number[] {
  if (!Array.isArray(value) || value.length !== size) return false;
  const seen = new Uint8Array(size);
  for (const v of value) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size || seen[v] === 1) return false;
    seen[v] = 1;
  }
  return true;
}

function sameOptions(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false;
  const saved = options as Record<string, unknown>;
  const expected: Record<string, string> = SEARCH_INDEX_OPTIONS;
  const keys = Object.keys(expected);
  return Object.keys(saved).length === keys.length && keys.every((key) => saved[key] === expected[key]);
}

function splitKeys(value: unknown, size: number): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const keys = size === 0 ? [] : value.split('\n');
  return keys.length === size ? keys : undefined;
}

/**
 * Everything of a saved index except the people's MiniSearch index, checked against the apps: the
 * people are checked once their records are read (see {@link attachPeople}).
 */
function restoreHead(
  saved: unknown,
  apps: readonly App[],
):
  | { data: Omit<IndexData, 'peopleSegment' | 'ready'>; personKeys: string[]; peopleJson: unknown }
  | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as Partial<Record<keyof SerializedIndex, unknown>>;
  if (s.format !== 'workstation-search-index' || s.version !== SEARCH_INDEX_FORMAT_VERSION) return undefined;
  if (!sameOptions(s.options) || typeof s.fingerprint !== 'string') return undefined;
  if (!isPermutation(s.appOrder, apps.length) || typeof s.personIds !== 'string') return undefined;
  // The apps are few: their order and keys are worked out again and must be the saved ones, so a
  // saved index can never make one app's name open another app.
  const byIdApps = sortedById(apps);
  const labels = byIdApps.map((app) => normalizeText(app.label));
  const appOrder = nameOrder(
    labels,
    byIdApps.map((app) => app.id),
  );
  const savedOrder = s.appOrder;
  if (appOrder.some((i, rank) => savedOrder[rank] !== i)) return undefined;
  const count = s.personIds === '' ? 0 : s.personIds.split('\n').length;
  const personIds = splitKeys(s.personIds, count);
  const personDisplays = splitKeys(s.personDisplays, count);
  const personEmails = splitKeys(s.personEmails, count);
  const personKeys = splitKeys(s.personKeys, count);
  const appKeys = splitKeys(s.appKeys, apps.length);
  if (!personIds || !personDisplays || !personEmails || !personKeys || !appKeys) return undefined;
  if (appOrder.some((i, rank) => appKeys[rank] !== encodeKey(appTokens((byIdApps[i] as App).label))))
    return undefined;
  const prefixes = restorePrefixTable(s.shortPrefixes, count);
  const appSegment = loadSegment(s.apps, appKeys);
  if (prefixes === undefined || appSegment === undefined) return undefined;
  const rankedApps = appOrder.map((i) => byIdApps[i] as App);
  return {
    data: {
      apps: rankedApps,
      people: new Array<Person | undefined>(count),
      personIds,
      personDisplays,
      personEmails,
      appLabels: appOrder.map((i) => labels[i] as string),
      personNames: new Array<string | undefined>(count),
      appSegment,
      prefixes,
      fingerprint: s.fingerprint,
      appOrder,
    },
    personKeys,
    peopleJson: s.people,
  };
}

/** The name and email the saved index shows the person at `rank` with, before records are read. */
function savedPerson(data: IndexData, rank: number): Pick<Person, 'displayName' | 'email'> {
  return { displayName: data.personDisplays[rank] as string, email: data.personEmails[rank] as string };
}

/**
 * Whether a record read by id is the person a cold start's result showed (`shown`, with the saved
 * name and email): false when the record changed since the index was saved, and the result is stale.
 */
export function isPersonShown(shown: Pick<Person, 'displayName' | 'email'>, record: Person): boolean {
  return (
    oneLine(shown.displayName) === oneLine(record.displayName) &&
    oneLine(shown.email ?? '') === oneLine(record.email ?? '')
  );
}

/**
 * Puts the people's records (in any order) in an index restored without them, after checking they are
 * exactly the records the index was built from; false when they are not.
 */
function attachPeople(data: IndexData, apps: readonly App[], people: readonly Person[]): boolean {
  if (people.length !== data.personIds.length) return false;
  if (data.fingerprint !== fingerprintRecords(sortedById(apps), sortedById(people))) return false;
  const byId = new Map(people.map((person) => [person.id, person]));
  for (let rank = 0; rank < data.personIds.length; rank++) {
    const person = byId.get(data.personIds[rank] as string);
    // The names and emails results are shown with before the records came must be the records' own.
    if (person === undefined || !isPersonShown(savedPerson(data, rank), person)) return false;
    data.people[rank] = person;
  }
  return true;
}

/**
 * Restores a saved index for the given records; anything else — another format version or options,
 * other records, a corrupt or missing value — is not migrated but rebuilt from the records.
 */
export function restoreSearchIndex(
  saved: unknown,
  apps: readonly App[],
  people: readonly Person[],
): SearchIndex {
  const head = restoreHead(saved, apps);
  const peopleSegment = head && loadSegment(head.peopleJson, head.personKeys);
  if (head === undefined || peopleSegment === undefined) return buildSearchIndex(apps, people);
  const data: IndexData = { ...head.data, peopleSegment, ready: Promise.resolve() };
  return attachPeople(data, apps, people) ? { [INDEX_DATA]: data } : buildSearchIndex(apps, people);
}

/**
 * Opens a saved index before the people's records are read, which at 50,000 people takes about a
 * second of IndexedDB reading: apps, and people by name, email and prefix, are answered at once from
 * the saved ranks, keys and names; people's typo matches join when their full index has loaded, and
 * the records — given as a promise, or at once — are checked against the index in the background (see
 * {@link searchIndexReady}); records that differ get the index rebuilt. Until then a person result
 * carries only id, display name and email (the caller reads the rest by id). Undefined when the saved
 * index cannot be used at all (another version, corrupt): build one from the records instead. This is
 * how a stopped worker answers its first keystroke.
 */
export function openSearchIndex(
  saved: unknown,
  apps: readonly App[],
  people: readonly Person[] | Promise<readonly Person[]>,
  /**
   * The people's full-text index (`SerializedIndex.people`) when `saved` comes without it: it is
   * read after the first answer. Missing or malformed, it is rebuilt from the records.
   */
  peopleIndex?: Promise<unknown>,
): SearchIndex | undefined {
  const head = restoreHead(saved, apps);
  if (head === undefined) return undefined;
  const peopleSegment = loadingSegment(head.personKeys);
  const data: IndexData = { ...head.data, peopleSegment, ready: Promise.resolve() };
  const index: { [INDEX_DATA]: IndexData } = { [INDEX_DATA]: data };
  // A failed read leaves the index answering as it does; the caller reads again.
  const records = Promise.resolve(people).catch(() => undefined);
  const ready = (async () => {
    // Let the caller answer the query that woke the worker before the rest of the checks and loading.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // One after the other: the records' reading and the index's loading each hold the thread a while.
    const read = await records;
    if (read === undefined) return;
    const json = head.peopleJson ?? (await peopleIndex?.catch(() => undefined));
    const loaded = await finishLoading(peopleSegment, json);
    if (!attachPeople(data, apps, read)) {
      // The records differ from the ones the index was built from.
      const rebuilt = await buildSearchIndexInSlices(apps, read);
      index[INDEX_DATA] = { ...rebuilt[INDEX_DATA], ready: index[INDEX_DATA].ready };
      return;
    }
    if (!loaded) {
      // The full-text index is missing or not this one's: made again from the records, in slices.
      const tokens = await runInSlices(mapSteps(data.people as Person[], (person) => personTokens(person)));
      peopleSegment.mini = (await runInSlices(buildSegmentSteps(tokens, head.personKeys))).mini;
    }
  })();
  index[INDEX_DATA] = { ...data, ready };
  return index;
}

/** Resolves once every part of the index is loaded (at once for a built or synchronously restored one). */
export function searchIndexReady(index: SearchIndex): Promise<void> {
  return index[INDEX_DATA].ready;
}
