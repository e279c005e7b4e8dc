/** Index of the first term in the sorted `terms` that is not below `key`. */
export function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Above every UTF-16 code unit a term can contain (surrogates are below it), so `prefix + END` bounds
// every term that starts with `prefix`.
const END = '\uffff';

/** The half-open range of ids of the sorted terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [start: number, end: number] {
  return [lowerBound(terms, prefix), lowerBound(terms, prefix + END)];
}

/** For each sorted term, how many leading UTF-16 units it shares with the term before it (capped at 255). */
export function commonPrefixLengths(terms: readonly string[]): Uint8Array {
  const lcp = new Uint8Array(terms.length);
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1] as string;
    const b = terms[i] as string;
    const limit = Math.min(a.length, b.length, 255);
    let k = 0;
    while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    lcp[i] = k;
  }
  return lcp;
}

/**
 * Finds the terms within `maxDistance` edits (optimal string alignment: insert, delete, substitute,
 * swap two neighbours) of `word`, either as a whole or through one of their prefixes at least as long as
 * `word`, by walking the sorted terms as a trie (`lcp` from {@link commonPrefixLengths} gives the shared
 * prefixes) and skipping every run of terms whose shared prefix is already too far.
 * Returns term id → cost: 2·d for a whole-term match at distance d, 2·d + 1 for a prefix-only match.
 */
export function fuzzyTerms(
  terms: readonly string[],
  word: string,
  maxDistance: number,
  lcp: Uint8Array = commonPrefixLengths(terms),
): Map<number, number> {
  const found = new Map<number, number>();
  const m = word.length;
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  // bestPrefix[k]: the smallest distance between `word` and a prefix of the current path no longer than
  // k but at least as long as `word` ("mar" is one edit from "mark", and would otherwise make every
  // "mar…" name a typo match of it).
  const bestPrefix: number[] = [m];
  // Rows 0..validDepth hold the distances for the prefixes of the last term walked.
  let validDepth = 0;
  let i = 0;
  while (i < terms.length) {
    const term = terms[i] as string;
    let next = i + 1;
    let pruned = false;
    for (let k = Math.min(validDepth, lcp[i] as number) + 1; k <= term.length; k++) {
      const row = rows[k] ?? (rows[k] = new Int32Array(m + 1));
      const above = rows[k - 1] as Int32Array;
      const twoAbove = k >= 2 ? rows[k - 2] : undefined;
      const c = term.charCodeAt(k - 1);
      const before = k >= 2 ? term.charCodeAt(k - 2) : -1;
      row[0] = k;
      let rowMin = k;
      for (let j = 1; j <= m; j++) {
        const wc = word.charCodeAt(j - 1);
        let v = (above[j - 1] as number) + (wc === c ? 0 : 1);
        const del = (above[j] as number) + 1;
        if (del < v) v = del;
        const ins = (row[j - 1] as number) + 1;
        if (ins < v) v = ins;
        if (twoAbove !== undefined && j > 1 && wc === before && word.charCodeAt(j - 2) === c) {
          const swap = (twoAbove[j - 2] as number) + 1;
          if (swap < v) v = swap;
        }
        row[j] = v;
        if (v < rowMin) rowMin = v;
      }
      bestPrefix[k] = k < m ? m : Math.min(bestPrefix[k - 1] as number, row[m] as number);
      validDepth = k;
      if (rowMin > maxDistance) {
        // Nothing below this prefix can come closer; the whole run shares what the prefix already matched.
        const best = bestPrefix[k] as number;
        while (next < terms.length && (lcp[next] as number) >= k) next++;
        if (best <= maxDistance) for (let t = i; t < next; t++) found.set(t, 2 * best + 1);
        pruned = true;
        break;
      }
    }
    if (!pruned) {
      const whole = rows[term.length]?.[m] ?? m;
      const best = bestPrefix[term.length] as number;
      if (whole <= maxDistance) found.set(i, 2 * whole);
      else if (best <= maxDistance) found.set(i, 2 * best + 1);
    }
    i = next;
  }
  return found;
}
