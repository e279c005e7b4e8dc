import type SearchableMap from 'minisearch/SearchableMap';
import { ITEMS_PER_STEP, runAtOnce } from './slices';
import type { Steps } from './slices';
import { flagsOf, isFlagChar } from './index-tokens';
import { EXACT, FULL_NAME_BONUS, LITERAL_BONUS, PREFIX, Tier, fieldBonus, nameTokenCount } from './rank';

/** How many ranked people the table keeps per prefix; a larger limit takes the general path. */
export const SHORT_PREFIX_TOP = 24;

/**
 * A longer one-word query is answered from the table when at least this many people match it: ranking
 * that many one by one ("mar", "chloe" in a large directory) is what made such keystrokes slow.
 */
export const BUSY_PREFIX_MIN = 384;

/**
 * The best-ranked people for every one- and two-character query, and for every longer word that
 * begins the names of at least {@link BUSY_PREFIX_MIN} people, computed when the index is built: such
 * a query matches a large share of the directory, and this answers it without looking at it.
 */
export interface PrefixTable {
  readonly slot: ReadonlyMap<string, number>;
  /** Docs of slot s: docs[start[s]..start[s + 1]], best first. */
  readonly start: Uint32Array;
  readonly docs: Uint32Array;
  /** How many people match the prefix in all. */
  readonly counts: Uint32Array;
}

interface Bucket {
  order: number[];
  docs: number[];
  count: number;
}

/** The leading one and two code points of a token. */
function shortPrefixes(token: string): string[] {
  const first = token.codePointAt(0);
  if (first === undefined) return [];
  const one = first > 0xffff ? 2 : 1;
  const second = token.codePointAt(one);
  if (second === undefined) return [token.slice(0, one)];
  return [token.slice(0, one), token.slice(0, one + (second > 0xffff ? 2 : 1))];
}

type RadixNode = Map<string, unknown>;

/**
 * The prefixes of three or more characters that may begin terms of at least `min` records: those whose
 * terms' posting lists add up to `min` or more (a record with two such terms counts twice, so this
 * over-counts; the table keeps only the prefixes whose exact count reaches `min`). Every prefix of a
 * member is a member.
 */
export function busyPrefixCandidates(tree: SearchableMap<unknown>, min: number): Set<string> {
  const candidates = new Set<string>();
  // Posting list sizes below a node, and the labels of its edges that lead to at least `min`.
  const visit = (node: RadixNode, path: string): number => {
    let total = 0;
    for (const [label, child] of node) {
      if (label === '') {
        total += (child as Map<number, Map<number, number>>).get(0)?.size ?? 0;
        continue;
      }
      const below = visit(child as RadixNode, path + label);
      total += below;
      if (below < min) continue;
      for (let end = 1; end <= label.length; end++) {
        const prefix = path + label.slice(0, end);
        if (prefix.length >= 3) candidates.add(prefix);
      }
    }
    return total;
  };
  visit((tree as unknown as { _tree: RadixNode })._tree, '');
  return candidates;
}

/**
 * Builds the table from people's keys in rank order, their normalised display names and their display
 * names in lower case, for the short prefixes and those of `busy` (see {@link busyPrefixCandidates})
 * that at least `busyMin` people match; its order is the one the general search path gives the prefix
 * typed as one word (tier, score with the literal bonus, then rank).
 */
export function buildPrefixTable(
  keys: readonly string[],
  names: readonly string[],
  displays: readonly string[],
  busy: ReadonlySet<string> = new Set(),
  busyMin = BUSY_PREFIX_MIN,
): PrefixTable {
  return runAtOnce(buildPrefixTableSteps(keys, names, displays, busy, busyMin));
}

/** {@link buildPrefixTable} in slices (see `slices.ts`). */
export function* buildPrefixTableSteps(
  keys: readonly string[],
  names: readonly string[],
  displays: readonly string[],
  busy: ReadonlySet<string> = new Set(),
  busyMin = BUSY_PREFIX_MIN,
): Steps<PrefixTable> {
  const buckets = new Map<string, Bucket>();
  const best = new Map<string, number>();
  for (let doc = 0; doc < keys.length; doc++) {
    if (doc % ITEMS_PER_STEP === 0) yield;
    const key = keys[doc] as string;
    const words = nameTokenCount(key);
    best.clear();
    let i = 0;
    while (i < key.length) {
      const flags = flagsOf(key.charCodeAt(i));
      let end = i + 1;
      while (end < key.length && !isFlagChar(key.charCodeAt(end))) end++;
      const token = key.slice(i + 1, end);
      i = end;
      const offer = (prefix: string): void => {
        const score = (token === prefix ? EXACT : PREFIX) + fieldBonus(flags);
        if (score > (best.get(prefix) ?? -1)) best.set(prefix, score);
      };
      for (const prefix of shortPrefixes(token)) offer(prefix);
      for (let end = 3; end <= token.length && busy.has(token.slice(0, end)); end++) {
        offer(token.slice(0, end));
      }
    }
    for (const [prefix, score] of best) {
      const exact = score >= EXACT;
      let total = exact && names[doc] === prefix ? score + FULL_NAME_BONUS : score;
      if ((displays[doc] as string).includes(prefix)) total += LITERAL_BONUS;
      // Lower sorts first: the tier, the higher score, fewer name words; docs come in rank order, so ties
      // keep it. This is the general path's order for a one-word query.
      const order = ((exact ? Tier.exactWords : Tier.prefix) * 1e6 - total) * 1e3 + Math.min(words, 999);
      let bucket = buckets.get(prefix);
      if (bucket === undefined) buckets.set(prefix, (bucket = { order: [], docs: [], count: 0 }));
      bucket.count++;
      const size = bucket.order.length;
      if (size === SHORT_PREFIX_TOP && order >= (bucket.order[size - 1] as number)) continue;
      let at = size;
      while (at > 0 && order < (bucket.order[at - 1] as number)) at--;
      bucket.order.splice(at, 0, order);
      bucket.docs.splice(at, 0, doc);
      if (bucket.order.length > SHORT_PREFIX_TOP) {
        bucket.order.pop();
        bucket.docs.pop();
      }
    }
  }
  const prefixes = [...buckets]
    .filter(([prefix, bucket]) => prefix.length <= 2 || bucket.count >= busyMin)
    .map(([prefix]) => prefix)
    .sort();
  const start = new Uint32Array(prefixes.length + 1);
  const counts = new Uint32Array(prefixes.length);
  const docs: number[] = [];
  prefixes.forEach((prefix, s) => {
    const bucket = buckets.get(prefix) as Bucket;
    start[s] = docs.length;
    counts[s] = bucket.count;
    docs.push(...bucket.docs);
  });
  start[prefixes.length] = docs.length;
  return {
    slot: new Map(prefixes.map((prefix, s) => [prefix, s])),
    start,
    docs: Uint32Array.from(docs),
    counts,
  };
}

/** The table as plain values, to save beside the index. */
export interface SerializedPrefixTable {
  /** Prefixes joined with '\n'. */
  prefixes: string;
  /** Typed arrays: IndexedDB copies them as one block, where an array of numbers is copied number by number. */
  start: Uint32Array;
  docs: Uint32Array;
  counts: Uint32Array;
}

/** Turns a table into its saved form (for IndexedDB: structured-clone safe, not JSON). */
export function serializePrefixTable(table: PrefixTable): SerializedPrefixTable {
  return {
    prefixes: [...table.slot.keys()].join('\n'),
    start: table.start.slice(),
    docs: table.docs.slice(),
    counts: table.counts.slice(),
  };
}

function isCountArray(value: unknown, below: number): value is Uint32Array {
  if (!(value instanceof Uint32Array)) return false;
  for (let i = 0; i < value.length; i++) if ((value[i] as number) >= below) return false;
  return true;
}

/** Restores a saved table for `docCount` people, or undefined when it is malformed. */
export function restorePrefixTable(saved: unknown, docCount: number): PrefixTable | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as Partial<Record<keyof SerializedPrefixTable, unknown>>;
  if (typeof s.prefixes !== 'string') return undefined;
  const prefixes = s.prefixes === '' ? [] : s.prefixes.split('\n');
  if (!isCountArray(s.docs, docCount) || !isCountArray(s.counts, docCount + 1)) return undefined;
  if (!isCountArray(s.start, s.docs.length + 1) || s.start.length !== prefixes.length + 1) return undefined;
  if (s.counts.length !== prefixes.length || s.start[prefixes.length] !== s.docs.length) return undefined;
  for (let i = 1; i < s.start.length; i++)
    if ((s.start[i] as number) < (s.start[i - 1] as number)) return undefined;
  return {
    slot: new Map(prefixes.map((prefix, i) => [prefix, i])),
    start: s.start,
    docs: s.docs,
    counts: s.counts,
  };
}

/** The ranked people and the total match count for a word the table holds (none for any other). */
export function lookupPrefix(table: PrefixTable, prefix: string): { docs: Uint32Array; count: number } {
  const slot = table.slot.get(prefix);
  if (slot === undefined) return { docs: new Uint32Array(0), count: 0 };
  return {
    docs: table.docs.subarray(table.start[slot], table.start[slot + 1]),
    count: table.counts[slot] as number,
  };
}
