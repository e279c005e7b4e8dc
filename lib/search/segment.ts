import MiniSearch from 'minisearch';
import { ITEMS_PER_STEP, runAtOnce } from './slices';
import type { Steps } from './slices';
import type { AsPlainObject } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';

/** A MiniSearch posting list: internal doc id (here the record's rank) → term frequency. */
export type Postings = ReadonlyMap<number, number>;
type TermData = Map<number, Map<number, number>>;

interface SegmentDoc {
  id: number;
  terms: string;
}

// Tokens arrive already normalised by lib/search's own tokenizer (index-tokens.ts), which both the index
// and the query use; MiniSearch only splits them and stores them in its radix tree.
const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['terms'],
  storeFields: [],
  tokenize: (text: string): string[] => (text === '' ? [] : text.split(' ')),
  processTerm: (term: string): string => term,
};

/**
 * One searchable set of records (the apps, or the people), in rank order: MiniSearch holds the terms
 * and their postings, `keys` each record's encoded tokens. While a restored segment's MiniSearch is
 * still loading, `mini` is undefined and search scans the keys.
 */
export interface Segment {
  readonly keys: readonly string[];
  mini: MiniSearch<SegmentDoc> | undefined;
  /** Scratch: `seen[doc] === epoch` marks a record already looked at by the current query. */
  readonly seen: Uint32Array;
  /** Scratch: how many of the current query's words a record seen this epoch is known to match. */
  readonly wordsMatched: Uint8Array;
  epoch: number;
}

function segment(keys: readonly string[], mini: MiniSearch<SegmentDoc> | undefined): Segment {
  return {
    keys,
    mini,
    seen: new Uint32Array(keys.length),
    wordsMatched: new Uint8Array(keys.length),
    epoch: 0,
  };
}

/** Indexes records whose tokens are given in rank order; a record's MiniSearch id is its rank. */
export function buildSegment(
  tokens: readonly ReadonlyMap<string, number>[],
  keys: readonly string[],
): Segment {
  return runAtOnce(buildSegmentSteps(tokens, keys));
}

/** {@link buildSegment} in slices (see `slices.ts`). */
export function* buildSegmentSteps(
  tokens: readonly ReadonlyMap<string, number>[],
  keys: readonly string[],
): Steps<Segment> {
  const mini = new MiniSearch<SegmentDoc>(MINISEARCH_OPTIONS);
  for (let id = 0; id < tokens.length; id++) {
    if (id % ITEMS_PER_STEP === 0) yield;
    mini.add({ id, terms: [...(tokens[id] as ReadonlyMap<string, number>).keys()].join(' ') });
  }
  return segment(keys, mini);
}

/**
 * MiniSearch's radix tree of terms. MiniSearch keeps it in the protected `_index` (meant for subclasses);
 * reading it directly gives exact, prefix and fuzzy term lookup without scoring every matching record,
 * which is what makes one-keystroke queries over a large directory slow through `search()`.
 */
export function termTree(mini: MiniSearch<SegmentDoc>): SearchableMap<TermData> {
  return (mini as unknown as { _index: SearchableMap<TermData> })._index;
}

/** The postings of one term, if indexed. */
export function termPostings(tree: SearchableMap<TermData>, term: string): Postings | undefined {
  return tree.get(term)?.get(0);
}

/** MiniSearch's own serialization of a segment's index ('' while it is still loading: rebuilt when read). */
export function segmentJson(seg: Segment): string {
  return seg.mini === undefined ? '' : JSON.stringify(seg.mini);
}

// A saved index must describe exactly these records, with internal ids 0..n-1 equal to the ranks.
function plainIndex(json: string, size: number): AsPlainObject | undefined {
  const js = JSON.parse(json) as Partial<AsPlainObject> | null;
  if (typeof js !== 'object' || js === null) return undefined;
  if (js.documentCount !== size || js.nextId !== size || !Array.isArray(js.index)) return undefined;
  return js as AsPlainObject;
}

/** Restores a segment at once; undefined when the saved index is malformed or from another MiniSearch. */
export function loadSegment(json: unknown, keys: readonly string[]): Segment | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const js = plainIndex(json, keys.length);
    return js === undefined
      ? undefined
      : segment(keys, MiniSearch.loadJS<SegmentDoc>(js, MINISEARCH_OPTIONS));
  } catch {
    return undefined;
  }
}

/** A segment that answers from its keys at once, before MiniSearch has loaded its index. */
export function loadingSegment(keys: readonly string[]): Segment {
  return segment(keys, undefined);
}

/**
 * Loads a loading segment's saved MiniSearch index in batches (`loadJSAsync`), so the worker keeps
 * answering meanwhile; resolves false when the saved index is missing or malformed.
 */
export async function finishLoading(seg: Segment, json: unknown): Promise<boolean> {
  if (typeof json !== 'string') return false;
  try {
    const js = plainIndex(json, seg.keys.length);
    if (js === undefined) return false;
    seg.mini = await MiniSearch.loadJSAsync<SegmentDoc>(js, MINISEARCH_OPTIONS);
    return true;
  } catch {
    return false;
  }
}
