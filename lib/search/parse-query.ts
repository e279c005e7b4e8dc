import { normalizeText } from './normalize';

/** A typed query, split into the words every result must match. */
export interface ParsedQuery {
  /** The whole query normalised, for the exact-name rules. */
  normalized: string;
  /** Distinct normalised words, longest first (the longest usually narrows candidates most). */
  words: string[];
  /** Set when the query contains '@': the words must then match an email's local part. */
  email: { domainPrefix: string } | undefined;
}

/** Parses a query; `jane.doe@exa` becomes words `jane`, `doe` within emails whose domain starts `exa`. */
export function parseQuery(query: string): ParsedQuery {
  const at = query.indexOf('@');
  const local = at < 0 ? query : query.slice(0, at);
  const normalized = normalizeText(local);
  const words = normalized === '' ? [] : [...new Set(normalized.split(' '))];
  words.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return {
    normalized,
    words,
    email: at < 0 ? undefined : { domainPrefix: normalizeText(query.slice(at + 1)) },
  };
}

/** The largest typo distance a query word of this length tolerates: none below 4 characters. */
export function maxTypoDistance(word: string): number {
  const length = [...word].length;
  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}
