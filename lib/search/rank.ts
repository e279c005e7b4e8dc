import { TokenFlag, flagsOf, isFlagChar } from './index-tokens';

/**
 * Ranking tiers, applied in order before any score: exact app name, every word equal to a word of the
 * name (so a person called "Mark" is not buried under "Marketo"), every word a prefix, typos.
 */
export const Tier = { exactApp: 0, exactWords: 1, prefix: 2, typo: 3 } as const;

// Word scores: every non-typo match scores above every typo match, so a word's best match also tells
// its tier.
/** Score of a word equal to a token. */
export const EXACT = 100;
/** Score of a word that starts a longer token. */
export const PREFIX = 80;
const TYPO = 40;
/** Word scores below this needed a typo fix. */
export const TYPO_CEILING = 50;
/** Added when a person's whole normalised display name equals the query. */
export const FULL_NAME_BONUS = 1000;
/**
 * Added per word typed exactly as the display name spells it; word scores are multiples of 5, so this
 * only orders names that fold to the same text ("Chloë", "Chloe").
 */
export const LITERAL_BONUS = 1;

/** A query word, with the indexed terms it matches only with a typo (term → edits) once looked up. */
export interface QueryWord {
  text: string;
  maxDistance: number;
  typos: Map<string, number> | undefined;
}

/** What a token's origin adds to a word's score: a name beats an email, a real word start a CJK inner part. */
export function fieldBonus(flags: number): number {
  if (flags & TokenFlag.name) return flags & TokenFlag.leading ? 15 : 10;
  if (flags & TokenFlag.email) return 0;
  return -20;
}

/** The score of the word's best match among a key's tokens, or -1 when none matches. */
export function wordScore(key: string, word: QueryWord, emailOnly: boolean, useTypos: boolean): number {
  const text = word.text;
  let best = -1;
  // Every occurrence right after a flag character starts a token: a prefix, or the whole token.
  for (let at = key.indexOf(text); at > 0; at = key.indexOf(text, at + 1)) {
    const code = key.charCodeAt(at - 1);
    if (!isFlagChar(code)) continue;
    const flags = flagsOf(code);
    if (emailOnly && !(flags & TokenFlag.email)) continue;
    const after = at + text.length;
    const whole = after === key.length || isFlagChar(key.charCodeAt(after));
    const score = (whole ? EXACT : PREFIX) + fieldBonus(flags);
    if (score > best) best = score;
  }
  // A typo match never outscores a prefix match, so only a word without one looks for typos.
  const typos = useTypos && best < 0 ? word.typos : undefined;
  if (typos === undefined || typos.size === 0) return best;
  let i = 0;
  while (i < key.length) {
    const flags = flagsOf(key.charCodeAt(i));
    const start = i + 1;
    let end = start;
    while (end < key.length && !isFlagChar(key.charCodeAt(end))) end++;
    i = end;
    if (flags === TokenFlag.inner || (emailOnly && !(flags & TokenFlag.email))) continue;
    const distance = typos.get(key.slice(start, end));
    if (distance === undefined) continue;
    const score = TYPO - 10 * distance + fieldBonus(flags);
    if (score > best) best = score;
  }
  return best;
}

/** How a record matched every word of a query. */
export interface KeyMatch {
  score: number;
  /** Some word matched only with a typo. */
  typo: boolean;
  /** Every word equalled a token. */
  allExact: boolean;
}

/** Matches every word against a key; false unless each word matches (AND). */
export function matchKey(
  key: string,
  words: readonly QueryWord[],
  emailOnly: boolean,
  useTypos: boolean,
  out: KeyMatch,
): boolean {
  let total = 0;
  let typo = false;
  let allExact = true;
  for (const word of words) {
    const best = wordScore(key, word, emailOnly, useTypos);
    if (best < 0) return false;
    if (best < TYPO_CEILING) typo = true;
    if (best < EXACT) allExact = false;
    total += best;
  }
  out.score = total;
  out.typo = typo;
  out.allExact = allExact;
  return true;
}

/** The number of code points of a word: what "a one-character query" counts. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** How many tokens of a key come from a name (not an email): the tie-break prefers fewer. */
export function nameTokenCount(key: string): number {
  let count = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (isFlagChar(code) && flagsOf(code) & TokenFlag.name) count++;
  }
  return count;
}
