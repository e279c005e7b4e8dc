import { normalizeText } from './normalize';

/** Bit flags saying where an indexed token came from; a token seen in several places carries several. */
export const TokenFlag = {
  /** A word of an app label or a person's display, first or last name. */
  name: 1,
  /** The first word of the label or display name. */
  leading: 2,
  /** A word of the local part of an email address. */
  email: 4,
  /** A later part of a name written without spaces (CJK); weaker than a real word start. */
  inner: 8,
} as const;

/** One token of a record and the flags saying where it came from. */
export type IndexToken = readonly [token: string, flags: number];

// Scripts whose names are written without spaces between family and given name.
const UNSPACED_SCRIPT_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const MAX_INNER_SUFFIXES = 8;

/**
 * Adds the tokens of one field: each normalised word, each hyphenated or dotted compound joined
 * ("Duval-Smith" → "duvalsmith"), and for names written without spaces their later parts (CJK).
 */
export function addFieldTokens(
  into: Map<string, number>,
  text: string | undefined,
  flags: number,
  joined = true,
): void {
  if (text === undefined || text === '') return;
  const add = (token: string, tokenFlags: number): void => {
    into.set(token, (into.get(token) ?? 0) | tokenFlags);
  };
  const plain = flags & ~TokenFlag.leading;
  let first = true;
  for (const chunk of text.split(/\s+/u)) {
    const normalized = normalizeText(chunk);
    if (normalized === '') continue;
    const words = normalized.split(' ');
    for (const word of words) {
      add(word, first ? flags : plain);
      first = false;
      if (word.length > 1 && UNSPACED_SCRIPT_RE.test(word)) {
        const chars = Array.from(word);
        for (let i = 1; i < chars.length && i <= MAX_INNER_SUFFIXES; i++) {
          add(chars.slice(i).join(''), TokenFlag.inner);
        }
      }
    }
    if (joined && words.length > 1) add(words.join(''), plain);
  }
}

/** The tokens of an app: the words of its label. */
export function appTokens(label: string): Map<string, number> {
  const tokens = new Map<string, number>();
  addFieldTokens(tokens, label, TokenFlag.name | TokenFlag.leading);
  return tokens;
}

/** The tokens of a person: display name, first and last name, and the local part of the email. */
export function personTokens(person: {
  displayName: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
}): Map<string, number> {
  const tokens = new Map<string, number>();
  addFieldTokens(tokens, person.displayName, TokenFlag.name | TokenFlag.leading);
  addFieldTokens(tokens, person.firstName, TokenFlag.name | TokenFlag.leading);
  addFieldTokens(tokens, person.lastName, TokenFlag.name);
  const at = person.email?.lastIndexOf('@') ?? -1;
  if (person.email !== undefined && at > 0) {
    // Not joined: "jane.doe7" would add a term of its own for nearly every person.
    addFieldTokens(tokens, person.email.slice(0, at), TokenFlag.email, false);
  }
  return tokens;
}

/** The normalised domain of an email address ("example com"), or '' when there is none. */
export function emailDomain(email: string | undefined): string {
  const at = email?.lastIndexOf('@') ?? -1;
  return email === undefined || at < 0 ? '' : normalizeText(email.slice(at + 1));
}

// A key stores each token behind one character that carries its flags: 0x20 + flags lands in
// '!'…'/', punctuation that normalised tokens never contain, so no other separator is needed.
const FLAG_CHAR_BASE = 0x20;

/** Whether the UTF-16 unit `code` is a flag character of a key (and so starts a token). */
export function isFlagChar(code: number): boolean {
  return code > FLAG_CHAR_BASE && code <= FLAG_CHAR_BASE + 15;
}

/** The flags carried by the flag character `code`. */
export function flagsOf(code: number): number {
  return code - FLAG_CHAR_BASE;
}

/**
 * Encodes a record's tokens into one compact string, its key: what ranking reads per candidate and
 * what answers queries while the full index is still loading.
 */
export function encodeKey(tokens: ReadonlyMap<string, number>): string {
  let key = '';
  for (const [token, flags] of tokens) key += String.fromCharCode(FLAG_CHAR_BASE + flags) + token;
  return key;
}
