import type { App, Person } from '../records';
import { appTokens, personTokens } from './index-tokens';
import { normalizeText } from './normalize';
import { fingerprintRecords } from './fingerprint';
import { commonPrefixLengths } from './term-table';

/** The version of the saved index layout; a saved index of any other version is rebuilt. */
export const SEARCH_INDEX_FORMAT_VERSION = 1;

/** The options an index is built with; a saved index built with other options is rebuilt. */
export const SEARCH_INDEX_OPTIONS = {
  tokenizer: 'words+joined+cjk-suffixes/1',
  normalizer: 'nfkd-fold/1',
  docOrder: 'label-then-id/1',
} as const;

/** The plain, JSON-safe form of an index, saved beside the records it was built from. */
export interface SerializedIndex {
  format: 'workstation-search-index';
  version: number;
  options: Record<string, string>;
  /** Hash of the records the index was built from, so stale records are caught on restore. */
  fingerprint: string;
  appOrder: number[];
  personOrder: number[];
  /** Sorted unique terms, joined with '\n' (normalised terms never contain whitespace). */
  terms: string;
  postingStart: number[];
  postingDoc: number[];
  postingFlags: number[];
}

/** @internal The data behind a {@link SearchIndex}; only lib/search reads it. */
export interface IndexData {
  /** Apps then people, each in (normalised name, id) order: a doc id doubles as its tie-break rank. */
  readonly apps: readonly App[];
  readonly people: readonly Person[];
  readonly terms: readonly string[];
  /** Shared-prefix lengths of neighbouring terms, for the typo walk. */
  readonly lcp: Uint8Array;
  readonly postingStart: Uint32Array;
  readonly postingDoc: Uint32Array;
  readonly postingFlags: Uint8Array;
  readonly docTermStart: Uint32Array;
  readonly docTerm: Uint32Array;
  readonly docTermFlags: Uint8Array;
  readonly appLabels: readonly string[];
  readonly fingerprint: string;
  readonly appOrder: readonly number[];
  readonly personOrder: readonly number[];
  /** Ranked people for one-word queries of one or two characters, filled on first use. */
  readonly shortQueryCache: Map<string, Uint32Array>;
  /** Scratch: `seen[doc] === epoch` marks a document already looked at by the current query. */
  readonly seen: Uint32Array;
  epoch: number;
}

/** @internal Key under which a {@link SearchIndex} carries its data. */
export const INDEX_DATA: unique symbol = Symbol('workstation.searchIndex');

/** An in-memory search index over apps and people; its contents are private to lib/search. */
export interface SearchIndex {
  readonly [INDEX_DATA]: IndexData;
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
export function buildSearchIndex(apps: readonly App[], people: readonly Person[]): SearchIndex {
  const appOrder = nameOrder(
    apps.map((app) => normalizeText(app.label)),
    apps.map((app) => app.id),
  );
  const personOrder = nameOrder(
    people.map((person) => normalizeText(person.displayName)),
    people.map((person) => person.id),
  );
  const postings = new Map<string, number[]>();
  const addDoc = (doc: number, tokens: Map<string, number>): void => {
    for (const [token, flags] of tokens) {
      const list = postings.get(token);
      if (list === undefined) postings.set(token, [doc, flags]);
      else list.push(doc, flags);
    }
  };
  appOrder.forEach((original, doc) => addDoc(doc, appTokens((apps[original] as App).label)));
  personOrder.forEach((original, i) => addDoc(apps.length + i, personTokens(people[original] as Person)));

  const terms = [...postings.keys()].sort();
  const postingStart = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, id) => {
    postingStart[id] = total;
    total += (postings.get(term) as number[]).length / 2;
  });
  postingStart[terms.length] = total;
  const postingDoc = new Uint32Array(total);
  const postingFlags = new Uint8Array(total);
  terms.forEach((term, id) => {
    const list = postings.get(term) as number[];
    let at = postingStart[id] as number;
    for (let i = 0; i < list.length; i += 2) {
      postingDoc[at] = list[i] as number;
      postingFlags[at] = list[i + 1] as number;
      at++;
    }
  });
  return assemble(apps, people, appOrder, personOrder, terms, postingStart, postingDoc, postingFlags, {
    fingerprint: fingerprintRecords(apps, people),
  });
}

function assemble(
  originalApps: readonly App[],
  originalPeople: readonly Person[],
  appOrder: readonly number[],
  personOrder: readonly number[],
  terms: readonly string[],
  postingStart: Uint32Array,
  postingDoc: Uint32Array,
  postingFlags: Uint8Array,
  extra: { fingerprint: string },
): SearchIndex {
  const apps = appOrder.map((i) => originalApps[i] as App);
  const people = personOrder.map((i) => originalPeople[i] as Person);
  const docCount = apps.length + people.length;
  // Transpose the postings into each document's own term list, which ranking reads per candidate.
  const docTermStart = new Uint32Array(docCount + 1);
  for (let p = 0; p < postingDoc.length; p++) {
    const slot = (postingDoc[p] as number) + 1;
    docTermStart[slot] = (docTermStart[slot] as number) + 1;
  }
  for (let d = 0; d < docCount; d++)
    docTermStart[d + 1] = (docTermStart[d + 1] as number) + (docTermStart[d] as number);
  const fill = docTermStart.slice(0, docCount);
  const docTerm = new Uint32Array(postingDoc.length);
  const docTermFlags = new Uint8Array(postingDoc.length);
  for (let t = 0; t < terms.length; t++) {
    for (let p = postingStart[t] as number; p < (postingStart[t + 1] as number); p++) {
      const doc = postingDoc[p] as number;
      const at = fill[doc] as number;
      fill[doc] = at + 1;
      docTerm[at] = t;
      docTermFlags[at] = postingFlags[p] as number;
    }
  }
  const data: IndexData = {
    apps,
    people,
    terms,
    lcp: commonPrefixLengths(terms),
    postingStart,
    postingDoc,
    postingFlags,
    docTermStart,
    docTerm,
    docTermFlags,
    appLabels: apps.map((app) => normalizeText(app.label)),
    fingerprint: extra.fingerprint,
    appOrder,
    personOrder,
    shortQueryCache: new Map(),
    seen: new Uint32Array(docCount),
    epoch: 0,
  };
  return { [INDEX_DATA]: data };
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
    personOrder: [...data.personOrder],
    terms: data.terms.join('\n'),
    postingStart: Array.from(data.postingStart),
    postingDoc: Array.from(data.postingDoc),
    postingFlags: Array.from(data.postingFlags),
  };
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

function isIndexArray(value: unknown, below: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below)
  );
}

function sameOptions(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false;
  const saved = options as Record<string, unknown>;
  const expected: Record<string, string> = SEARCH_INDEX_OPTIONS;
  const keys = Object.keys(expected);
  return Object.keys(saved).length === keys.length && keys.every((key) => saved[key] === expected[key]);
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
  return tryRestore(saved, apps, people) ?? buildSearchIndex(apps, people);
}

function tryRestore(
  saved: unknown,
  apps: readonly App[],
  people: readonly Person[],
): SearchIndex | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as Partial<Record<keyof SerializedIndex, unknown>>;
  if (s.format !== 'workstation-search-index' || s.version !== SEARCH_INDEX_FORMAT_VERSION) return undefined;
  if (!sameOptions(s.options) || typeof s.terms !== 'string') return undefined;
  if (!isPermutation(s.appOrder, apps.length) || !isPermutation(s.personOrder, people.length))
    return undefined;
  if (s.fingerprint !== fingerprintRecords(apps, people)) return undefined;
  const terms = s.terms === '' ? [] : s.terms.split('\n');
  for (let i = 1; i < terms.length; i++)
    if (!((terms[i - 1] as string) < (terms[i] as string))) return undefined;
  const docCount = apps.length + people.length;
  if (!isIndexArray(s.postingDoc, docCount) || !isIndexArray(s.postingFlags, 256)) return undefined;
  if (!isIndexArray(s.postingStart, s.postingDoc.length + 1)) return undefined;
  const postingStart = Uint32Array.from(s.postingStart);
  if (postingStart.length !== terms.length + 1 || s.postingFlags.length !== s.postingDoc.length)
    return undefined;
  if (postingStart[0] !== 0 || postingStart[terms.length] !== s.postingDoc.length) return undefined;
  for (let i = 1; i < postingStart.length; i++) {
    if ((postingStart[i] as number) < (postingStart[i - 1] as number)) return undefined;
  }
  return assemble(
    apps,
    people,
    s.appOrder,
    s.personOrder,
    terms,
    postingStart,
    Uint32Array.from(s.postingDoc),
    Uint8Array.from(s.postingFlags),
    { fingerprint: s.fingerprint },
  );
}
