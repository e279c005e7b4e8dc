import type { App, Person } from '../records';
import { highlightRanges } from './highlight';
import { emailDomain } from './index-tokens';
import { normalizeText } from './normalize';
import { maxTypoDistance, parseQuery } from './parse-query';
import type { ParsedQuery } from './parse-query';
import { SHORT_PREFIX_TOP, lookupPrefix } from './prefix-table';
import { FULL_NAME_BONUS, LITERAL_BONUS, Tier, codePointLength, matchKey, nameTokenCount } from './rank';
import type { KeyMatch, QueryWord } from './rank';
import { INDEX_DATA } from './search-index';
import type { IndexData, SearchIndex } from './search-index';
import { termPostings, termTree } from './segment';
import type { Postings, Segment } from './segment';
import { findTypoTerms } from './typo-terms';

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

const TIER_SCORE = 1_000_000;
// Words this short are never driven from MiniSearch's postings when a longer word can be: their prefix
// matches a large share of the directory.
const SHORT_WORD = 2;
// A word's postings narrow the candidates when they are at most this many times the driving word's.
const FILTER_FACTOR = 32;

/**
 * Characters of a query that are searched; the rest is ignored. Longer than any name or email (at most
 * 254 characters), and short enough that the typo walk's matrix and the per-record word counts stay
 * small: the omnibox passes on whatever was typed or pasted.
 */
export const MAX_QUERY_LENGTH = 256;

interface Ranked {
  app: boolean;
  doc: number;
  tier: number;
  score: number;
  frecency: number;
  /** Words in the record's name: of two equal matches, the one with less else in its name comes first. */
  length: number;
}

function ranksBefore(a: Ranked, b: Ranked): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.app !== b.app) return a.app;
  if (a.frecency !== b.frecency) return a.frecency > b.frecency;
  if (a.score !== b.score) return a.score > b.score;
  if (a.length !== b.length) return a.length < b.length;
  // Ranks follow (normalised name, id) order, so this is the name-then-id tie-break.
  return a.doc < b.doc;
}

/** A sorted list of at most `limit` best entries; inserting costs O(limit), fine for a handful. */
class TopList {
  readonly items: Ranked[] = [];
  constructor(private readonly limit: number) {}
  offer(entry: Ranked): void {
    const items = this.items;
    if (items.length === this.limit && !ranksBefore(entry, items[items.length - 1] as Ranked)) return;
    let at = items.length;
    while (at > 0 && ranksBefore(entry, items[at - 1] as Ranked)) at--;
    items.splice(at, 0, { ...entry });
    if (items.length > this.limit) items.pop();
  }
}

interface Query {
  data: IndexData;
  parsed: ParsedQuery;
  /** The words as typed, lower-cased: spelled with the same accents as a name, they prefer that name. */
  literal: string[];
  words: QueryWord[];
  frecency: ReadonlyMap<string, number> | undefined;
  top: TopList;
}

const scratch: KeyMatch = { score: 0, typo: false, allExact: false };

/** Ranks one app against the query into `out`; false unless it matches every word. */
function rankApp(q: Query, doc: number, useTypos: boolean, out: Ranked): boolean {
  const { data, parsed } = q;
  const key = data.appSegment.keys[doc] as string;
  if (!matchKey(key, q.words, false, useTypos, scratch)) return false;
  out.app = true;
  out.length = nameTokenCount(key);
  out.doc = doc;
  out.score = scratch.score;
  out.tier =
    data.appLabels[doc] === parsed.normalized
      ? Tier.exactApp
      : scratch.typo
        ? Tier.typo
        : scratch.allExact
          ? Tier.exactWords
          : Tier.prefix;
  out.frecency = q.frecency?.get((data.apps[doc] as App).id) ?? 0;
  return true;
}

/** Ranks one person against the query into `out`; false unless they match every word. */
function rankPerson(q: Query, doc: number, useTypos: boolean, out: Ranked): boolean {
  const { data, parsed } = q;
  const key = data.peopleSegment.keys[doc];
  if (key === undefined || !matchKey(key, q.words, parsed.email !== undefined, useTypos, scratch))
    return false;
  const displayName = data.personDisplays[doc] as string;
  if (
    parsed.email !== undefined &&
    parsed.email.domainPrefix !== '' &&
    !emailDomain(data.personEmails[doc]).startsWith(parsed.email.domainPrefix)
  ) {
    return false;
  }
  let score = scratch.score;
  if (scratch.allExact) {
    const name = (data.personNames[doc] ??= normalizeText(displayName));
    if (name === parsed.normalized) score += FULL_NAME_BONUS;
  }
  if (q.literal.length > 0) {
    const display = displayName.toLowerCase();
    for (const word of q.literal) if (display.includes(word)) score += LITERAL_BONUS;
  }
  out.length = nameTokenCount(key);
  out.app = false;
  out.doc = doc;
  out.score = score;
  out.tier = scratch.typo ? Tier.typo : scratch.allExact ? Tier.exactWords : Tier.prefix;
  out.frecency = 0;
  return true;
}

/** The posting lists of the terms a word matches: by prefix (the exact term included), or by typo. */
function wordPostings(seg: Segment, word: QueryWord, typos: boolean): Postings[] {
  const tree = termTree(seg.mini as NonNullable<Segment['mini']>);
  const lists: Postings[] = [];
  if (typos) {
    for (const term of word.typos?.keys() ?? []) {
      const postings = termPostings(tree, term);
      if (postings !== undefined) lists.push(postings);
    }
  } else {
    // values(): MiniSearch's iterator then skips building each term's key.
    for (const data of tree.atPrefix(word.text).values()) {
      const postings = data.get(0);
      if (postings !== undefined) lists.push(postings);
    }
  }
  return lists;
}

function totalSize(lists: readonly Postings[]): number {
  let size = 0;
  for (const list of lists) size += list.size;
  return size;
}

/**
 * Offers every record of a segment that matches all words to the top list and returns how many matched.
 * Candidates come from the postings of one word — the one with the fewest, never a one- or two-character
 * word when a longer one exists — or, for typo matches, of the words' typo terms; the other words'
 * postings narrow them, and every word is then checked on the candidate's key. While the segment's
 * MiniSearch is still loading, every key is a candidate.
 */
function collect(
  q: Query,
  seg: Segment,
  rank: (q: Query, doc: number, useTypos: boolean, out: Ranked) => boolean,
  useTypos: boolean,
): number {
  const entry: Ranked = { app: false, doc: 0, tier: 0, score: 0, frecency: 0, length: 0 };
  let matched = 0;
  const visit = (doc: number): void => {
    if (!rank(q, doc, useTypos, entry)) return;
    // The typo pass sees prefix matches again; the first pass already counted them.
    if (useTypos && entry.tier !== Tier.typo) return;
    matched++;
    q.top.offer(entry);
  };
  if (seg.mini === undefined) {
    if (useTypos) return 0;
    const probe = (q.words[0] as QueryWord).text;
    seg.keys.forEach((key, doc) => {
      if (key.includes(probe)) visit(doc);
    });
    return matched;
  }
  const long = q.words.filter((word) => codePointLength(word.text) > SHORT_WORD);
  const perWord = (long.length > 0 ? long : q.words.slice(0, 1)).map((word) => {
    const typos = useTypos ? wordPostings(seg, word, true) : [];
    const lists = [...wordPostings(seg, word, false), ...typos];
    return { lists, size: totalSize(lists), typos };
  });
  let driver: { lists: Postings[]; size: number };
  let others: typeof perWord;
  if (useTypos) {
    // A typo match has some word matched only through a typo: its candidates are the postings of the
    // words' typo terms, never the (often many) records every word matches by prefix.
    const typoLists = perWord.flatMap((word) => word.typos);
    driver = { lists: typoLists, size: totalSize(typoLists) };
    others = perWord;
  } else {
    perWord.sort((a, b) => a.size - b.size);
    [driver, ...others] = perWord as [(typeof perWord)[number], ...typeof perWord];
  }
  // Other words whose postings are not much longer narrow the candidates first: marking a record in a
  // typed array costs far less than checking every word on its key.
  const filters = others.filter((word) => word.size <= FILTER_FACTOR * Math.max(driver.size, 1));
  const epoch = ++seg.epoch;
  const { seen, wordsMatched } = seg;
  const candidates: number[] = [];
  for (const list of driver.lists) {
    for (const doc of list.keys()) {
      if (doc >= seen.length || seen[doc] === epoch) continue;
      seen[doc] = epoch;
      wordsMatched[doc] = 0;
      candidates.push(doc);
    }
  }
  filters.forEach((word, k) => {
    for (const list of word.lists) {
      for (const doc of list.keys()) {
        if (doc < seen.length && seen[doc] === epoch && wordsMatched[doc] === k) wordsMatched[doc] = k + 1;
      }
    }
  });
  for (const doc of candidates) if (wordsMatched[doc] === filters.length) visit(doc);
  return matched;
}

// A typo in a half-typed word ("fitzgre" for "fitzgerald") is looked for in words this long or longer,
// and at most this many terms per segment are taken that way: shorter words have too many near prefixes.
const TYPO_PREFIX_MIN = 5;
const TYPO_PREFIX_TERMS = 64;

/** The terms of a segment within `word.maxDistance` typos of the word, and how many each needs. */
function typoTerms(seg: Segment, word: QueryWord, into: Map<string, number>): void {
  if (seg.mini === undefined) return;
  const { text, maxDistance } = word;
  const found = findTypoTerms(termTree(seg.mini), text, maxDistance, {
    prefixes: codePointLength(text) >= TYPO_PREFIX_MIN,
    prefixLimit: TYPO_PREFIX_TERMS,
  });
  for (const [term, distance] of found) {
    // Terms the word starts are prefix matches, not typos.
    if (term.startsWith(text)) continue;
    const known = into.get(term);
    if (known === undefined || distance < known) into.set(term, distance);
  }
}

/** Looks up, in both segments, the terms each typo-tolerant word matches only with a typo. */
function lookUpTypos(data: IndexData, words: readonly QueryWord[]): void {
  for (const word of words) {
    if (word.maxDistance === 0) continue;
    const typos = new Map<string, number>();
    typoTerms(data.appSegment, word, typos);
    typoTerms(data.peopleSegment, word, typos);
    word.typos = typos;
  }
}

/**
 * Searches apps and people: an app whose name equals the query comes first, then results matching every
 * word exactly, then by prefix, then results needing a typo fix (words of 4+ characters); frecency lifts
 * apps within their tier; ties go to apps, then name, then id. The one search behind omnibox, new tab
 * and popup.
 */
export function search(index: SearchIndex, typed: string, options: SearchOptions = {}): SearchResult[] {
  const data = index[INDEX_DATA];
  const query = typed.length > MAX_QUERY_LENGTH ? typed.slice(0, MAX_QUERY_LENGTH) : typed;
  const limit = Math.max(0, Math.floor(options.limit ?? 8));
  const parsed = parseQuery(query);
  if (limit === 0 || parsed.words.length === 0 || (parsed.email !== undefined && options.people === false))
    return [];
  const words: QueryWord[] = parsed.words.map((text) => ({
    text,
    maxDistance: maxTypoDistance(text),
    typos: undefined,
  }));
  // At most four words, so their bonuses stay below the five points between word scores.
  const literal =
    parsed.email === undefined ? query.toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 4) : [];
  const q: Query = { data, parsed, literal, words, frecency: options.frecency, top: new TopList(limit) };
  const withPeople = options.people !== false;
  const withApps = parsed.email === undefined;

  let strong = withApps ? collect(q, data.appSegment, rankApp, false) : 0;
  if (withPeople) {
    const only = words[0] as QueryWord;
    if (
      words.length === 1 &&
      parsed.email === undefined &&
      parsed.normalized === only.text &&
      limit <= SHORT_PREFIX_TOP &&
      (codePointLength(only.text) <= SHORT_WORD ||
        // The table orders by the word as normalised; typed with accents, the literal bonus may differ.
        (q.literal[0] === only.text && data.prefixes.slot.has(only.text)))
    ) {
      const { docs, count } = lookupPrefix(data.prefixes, only.text);
      const entry: Ranked = { app: false, doc: 0, tier: 0, score: 0, frecency: 0, length: 0 };
      for (const doc of docs) if (rankPerson(q, doc, false, entry)) q.top.offer(entry);
      strong += count;
    } else {
      strong += collect(q, data.peopleSegment, rankPerson, false);
    }
  }

  // Typo matches can only fill places the exact and prefix tiers left empty.
  if (strong < limit && words.some((word) => word.maxDistance > 0)) {
    lookUpTypos(data, words);
    if (withApps) collect(q, data.appSegment, rankApp, true);
    if (withPeople) collect(q, data.peopleSegment, rankPerson, true);
  }

  return q.top.items.map((item): SearchResult => {
    // The tier leads the reported score, so a higher score never sits below a lower one across tiers.
    const score = (Tier.typo - item.tier) * TIER_SCORE + item.score;
    if (item.app) {
      const app = data.apps[item.doc] as App;
      return { kind: 'app', app, score, highlights: highlightRanges(app.label, words) };
    }
    const displayName = data.personDisplays[item.doc] as string;
    // Right after a cold open the records are not read yet: the caller completes the rest by id.
    const email = data.personEmails[item.doc];
    const person: Person = data.people[item.doc] ?? {
      id: data.personIds[item.doc] as string,
      displayName,
      ...(email ? { email } : {}),
    };
    return { kind: 'person', person, score, highlights: highlightRanges(displayName, words) };
  });
}
