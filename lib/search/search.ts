import type { App, Person } from '../records';
import { highlightRanges } from './highlight';
import { TokenFlag, emailDomain } from './index-tokens';
import { normalizeText } from './normalize';
import { maxTypoDistance, parseQuery } from './parse-query';
import type { ParsedQuery } from './parse-query';
import { INDEX_DATA } from './search-index';
import type { IndexData, SearchIndex } from './search-index';
import { fuzzyTerms, prefixRange } from './term-table';

/** One search result: an app or a person, its score, and the matched character ranges of its name. */
export type SearchResult =
  | { kind: 'app'; app: App; score: number; highlights: Array<[start: number, end: number]> }
  | { kind: 'person'; person: Person; score: number; highlights: Array<[number, number]> };

/** How to search: how many results, whether people are included, and the user's app launch scores. */
export interface SearchOptions {
  /** Most results to return; default 8. */
  limit?: number;
  /** Include people; default true, false returns apps only. */
  people?: boolean;
  /** App.id → launch score (higher = used more); lifts apps within their tier. */
  frecency?: ReadonlyMap<string, number>;
}

/**
 * Ranking tiers, applied in order before any score: exact app name, every word equal to a word of the
 * name (so a person called "Mark" is not buried under "Marketo"), every word a prefix, typos.
 */
const Tier = { exactApp: 0, exactWords: 1, prefix: 2, typo: 3 } as const;

// Word scores: every non-typo match scores above every typo match, so a word's best match also
// tells its tier (see wordScore).
const EXACT = 100;
const PREFIX = 80;
const TYPO = 40;
const TYPO_CEILING = 50;
const FULL_NAME_BONUS = 1000;
const TIER_SCORE = 1_000_000;
// Short one-word queries keep this many ranked people per prefix.
const SHORT_CACHE_SIZE = 64;
const SHORT_CACHE_ENTRIES = 4096;

interface Word {
  text: string;
  exact: number;
  lo: number;
  hi: number;
  maxDistance: number;
  typos: Map<number, number> | undefined;
}

interface Ranked {
  doc: number;
  tier: number;
  score: number;
  frecency: number;
}

function ranksBefore(a: Ranked, b: Ranked, appCount: number): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  const aApp = a.doc < appCount;
  if (aApp !== b.doc < appCount) return aApp;
  if (a.frecency !== b.frecency) return a.frecency > b.frecency;
  if (a.score !== b.score) return a.score > b.score;
  // Doc ids follow (normalised name, id) order, so this is the name-then-id tie-break.
  return a.doc < b.doc;
}

/** A sorted list of at most `limit` best entries; inserting costs O(limit), fine for a handful. */
class TopList {
  readonly items: Ranked[] = [];
  constructor(
    private readonly limit: number,
    private readonly appCount: number,
  ) {}
  offer(entry: Ranked): void {
    const items = this.items;
    if (items.length === this.limit && !ranksBefore(entry, items[items.length - 1] as Ranked, this.appCount))
      return;
    let at = items.length;
    while (at > 0 && ranksBefore(entry, items[at - 1] as Ranked, this.appCount)) at--;
    items.splice(at, 0, entry);
    if (items.length > this.limit) items.pop();
  }
}

function wordScore(word: Word, term: number, flags: number, useTypos: boolean): number {
  let score: number;
  if (term === word.exact) score = EXACT;
  else if (term >= word.lo && term < word.hi) score = PREFIX;
  else {
    const cost = useTypos && flags !== TokenFlag.inner ? word.typos?.get(term) : undefined;
    if (cost === undefined) return -1;
    score = TYPO - 5 * cost;
  }
  if (flags & TokenFlag.name) return score + (flags & TokenFlag.leading ? 15 : 10);
  if (flags & TokenFlag.email) return score;
  return score - 20;
}

/** Scores one document against every word: -1 unless each word matches; sets `tier` on `out`. */
function evaluate(
  data: IndexData,
  doc: number,
  words: readonly Word[],
  q: ParsedQuery,
  useTypos: boolean,
  out: Ranked,
): boolean {
  const start = data.docTermStart[doc] as number;
  const end = data.docTermStart[doc + 1] as number;
  let total = 0;
  let typo = false;
  let allExact = true;
  for (const word of words) {
    let best = -1;
    for (let i = start; i < end; i++) {
      const flags = data.docTermFlags[i] as number;
      if (q.email !== undefined && !(flags & TokenFlag.email)) continue;
      const s = wordScore(word, data.docTerm[i] as number, flags, useTypos);
      if (s > best) best = s;
    }
    if (best < 0) return false;
    if (best < TYPO_CEILING) typo = true;
    if (best < EXACT) allExact = false;
    total += best;
  }
  const appCount = data.apps.length;
  if (doc < appCount) {
    out.tier =
      data.appLabels[doc] === q.normalized
        ? Tier.exactApp
        : typo
          ? Tier.typo
          : allExact
            ? Tier.exactWords
            : Tier.prefix;
  } else {
    const person = data.people[doc - appCount] as Person;
    if (
      q.email !== undefined &&
      q.email.domainPrefix !== '' &&
      !emailDomain(person.email).startsWith(q.email.domainPrefix)
    ) {
      return false;
    }
    if (allExact && normalizeText(person.displayName) === q.normalized) total += FULL_NAME_BONUS;
    out.tier = typo ? Tier.typo : allExact ? Tier.exactWords : Tier.prefix;
  }
  out.doc = doc;
  out.score = total;
  return true;
}

function prepareWords(data: IndexData, q: ParsedQuery): Word[] {
  return q.words.map((text) => {
    const [lo, hi] = prefixRange(data.terms, text);
    return {
      text,
      lo,
      hi,
      exact: lo < hi && data.terms[lo] === text ? lo : -1,
      maxDistance: maxTypoDistance(text),
      typos: undefined,
    };
  });
}

function postingCount(data: IndexData, lo: number, hi: number): number {
  return (data.postingStart[hi] as number) - (data.postingStart[lo] as number);
}

/** Offers every person matching all words to `top`; returns how many matched. */
function collectPeople(
  data: IndexData,
  words: readonly Word[],
  q: ParsedQuery,
  useTypos: boolean,
  top: TopList,
): number {
  // Drive from the word with the fewest postings; the others are checked per candidate.
  let driver = words[0] as Word;
  let driverTerms: number[] = [];
  let smallest = Infinity;
  for (const word of words) {
    const typoTerms = useTypos && word.typos !== undefined ? [...word.typos.keys()] : [];
    let count = postingCount(data, word.lo, word.hi);
    for (const t of typoTerms) count += postingCount(data, t, t + 1);
    if (count < smallest) {
      smallest = count;
      driver = word;
      driverTerms = typoTerms;
    }
  }
  const appCount = data.apps.length;
  const epoch = ++data.epoch;
  const seen = data.seen;
  const entry: Ranked = { doc: 0, tier: 0, score: 0, frecency: 0 };
  let matched = 0;
  const visit = (from: number, to: number): void => {
    for (let p = data.postingStart[from] as number, last = data.postingStart[to] as number; p < last; p++) {
      const doc = data.postingDoc[p] as number;
      if (doc < appCount || seen[doc] === epoch) continue;
      seen[doc] = epoch;
      if (!evaluate(data, doc, words, q, useTypos, entry)) continue;
      // The typo pass sees prefix matches again; the prefix pass already counted them.
      if (useTypos && entry.tier !== Tier.typo) continue;
      matched++;
      top.offer({ ...entry });
    }
  };
  visit(driver.lo, driver.hi);
  for (const t of driverTerms) visit(t, t + 1);
  return matched;
}

function shortQueryPeople(data: IndexData, words: Word[], q: ParsedQuery): Uint32Array {
  const key = q.words[0] as string;
  const cached = data.shortQueryCache.get(key);
  if (cached !== undefined) return cached;
  const top = new TopList(SHORT_CACHE_SIZE, data.apps.length);
  collectPeople(data, words, q, false, top);
  const docs = Uint32Array.from(top.items, (item) => item.doc);
  if (data.shortQueryCache.size >= SHORT_CACHE_ENTRIES) data.shortQueryCache.clear();
  data.shortQueryCache.set(key, docs);
  return docs;
}

/**
 * Searches apps and people: an app whose name equals the query comes first, then results matching every
 * word by prefix, then results needing a typo fix (words of 4+ characters); frecency lifts apps within
 * their tier; ties go to apps, then name, then id. The one search behind omnibox, new tab and popup.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const data = index[INDEX_DATA];
  const limit = Math.max(0, Math.floor(options.limit ?? 8));
  const q = parseQuery(query);
  if (limit === 0 || q.words.length === 0 || (q.email !== undefined && options.people === false)) return [];
  const words = prepareWords(data, q);
  const appCount = data.apps.length;
  const top = new TopList(limit, appCount);
  const entry: Ranked = { doc: 0, tier: 0, score: 0, frecency: 0 };
  let strong = 0;

  const scanApps = (useTypos: boolean): void => {
    if (q.email !== undefined) return;
    for (let doc = 0; doc < appCount; doc++) {
      if (!evaluate(data, doc, words, q, useTypos, entry)) continue;
      if (useTypos && entry.tier !== Tier.typo) continue;
      if (!useTypos) strong++;
      entry.frecency = options.frecency?.get((data.apps[doc] as App).id) ?? 0;
      top.offer({ ...entry });
    }
  };

  scanApps(false);
  if (options.people !== false) {
    const only = words[0] as Word;
    if (
      words.length === 1 &&
      q.email === undefined &&
      [...only.text].length <= 2 &&
      limit <= SHORT_CACHE_SIZE
    ) {
      // Short prefixes match a large share of the directory: rank them once per index, then reuse.
      const docs = shortQueryPeople(data, words, q);
      for (const doc of docs) {
        evaluate(data, doc, words, q, false, entry);
        entry.frecency = 0;
        top.offer({ ...entry });
      }
      strong = limit;
    } else {
      strong += collectPeople(data, words, q, false, top);
    }
  }

  // Typo matches can only fill places the exact and prefix tiers left empty.
  if (strong < limit && words.some((word) => word.maxDistance > 0)) {
    for (const word of words) {
      if (word.maxDistance > 0) word.typos = fuzzyTerms(data.terms, word.text, word.maxDistance, data.lcp);
    }
    scanApps(true);
    if (options.people !== false) collectPeople(data, words, q, true, top);
  }

  return top.items.map((item): SearchResult => {
    // The tier leads the reported score, so a higher score never sits below a lower one across tiers.
    const score = (Tier.typo - item.tier) * TIER_SCORE + item.score;
    if (item.doc < appCount) {
      const app = data.apps[item.doc] as App;
      return { kind: 'app', app, score, highlights: highlightRanges(app.label, words) };
    }
    const person = data.people[item.doc - appCount] as Person;
    return { kind: 'person', person, score, highlights: highlightRanges(person.displayName, words) };
  });
}
