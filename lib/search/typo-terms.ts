import type SearchableMap from 'minisearch/SearchableMap';

/** A node of MiniSearch's radix tree: edge label → child, and '' → the value of the term ending here. */
type RadixNode = Map<string, unknown>;

/** MiniSearch's key for the value stored at a node (`LEAF` in its source). */
const LEAF = '';

/**
 * Every term of a MiniSearch radix tree within `max` typos of `query` — insert, delete, substitute or
 * swap two neighbours, each one typo (optimal string alignment) — with the typos it needs.
 *
 * One walk of the tree keeps a row of the distance matrix per depth and leaves a branch once every cell
 * of its row exceeds `max` (no longer term can come back within reach: a swap two rows down costs at
 * least the diagonal it stands for). MiniSearch's own `fuzzyGet` counts a swap as two edits, so finding
 * swaps with it took one more walk per position of the word; this takes one walk in all.
 *
 * With `prefixes`, a term also matches when one of its prefixes is within reach (a typo in a half-typed
 * word: "fitzgre" finds "fitzgerald"); its distance is then that of the closest prefix, and at most
 * `prefixLimit` terms are collected that way: the fewest typos first, then the shortest terms, then in
 * code-unit order. That order depends only on the terms, never on the order of the tree's maps (which
 * differs between a built index and one loaded from JSON), so a restored index answers as the one it
 * was saved from.
 */
export function findTypoTerms(
  tree: SearchableMap<unknown>,
  query: string,
  max: number,
  options: { prefixes: boolean; prefixLimit: number } = { prefixes: false, prefixLimit: 0 },
): Map<string, number> {
  const results = new Map<string, number>();
  const root = (tree as unknown as { _tree: RadixNode })._tree;
  const n = query.length + 1;
  // Terms longer than the query by more than `max` are out of reach, unless matched by a prefix.
  const maxRows = query.length + max + 1;
  const matrix = new Uint8Array(maxRows * n).fill(max + 1);
  for (let j = 0; j < n; j++) matrix[j] = j;
  for (let i = 1; i < maxRows; i++) matrix[i * n] = i;
  const codes = new Uint16Array(n);
  for (let j = 0; j < query.length; j++) codes[j] = query.charCodeAt(j);
  // The term's code units along the current path, for the swap check.
  const path = new Uint16Array(maxRows);
  // Subtrees whose path is within reach of the whole query: every term below matches by prefix.
  const subtrees: Subtree[] = [];

  // The term so far is `path[1..row)`: strings are only made for the terms found, not for every edge.
  const termAt = (row: number): string => String.fromCharCode(...path.subarray(1, row));

  const walk = (node: RadixNode, row: number, inSubtree: boolean): void => {
    for (const key of node.keys()) {
      if (key === LEAF) {
        const distance = matrix[row * n - 1] as number;
        if (distance > max) continue;
        const term = termAt(row);
        const known = results.get(term);
        if (known === undefined || distance < known) results.set(term, distance);
        continue;
      }
      const child = node.get(key) as RadixNode;
      let i = row;
      let reachable = true;
      let prefixDistance = max + 1;
      for (let pos = 0; pos < key.length; pos++, i++) {
        if (i >= maxRows) {
          reachable = false;
          break;
        }
        const c = key.charCodeAt(pos);
        path[i] = c;
        const here = i * n;
        const above = here - n;
        const twoAbove = above - n;
        let rowMin = matrix[here] as number;
        const jmin = Math.max(1, i - max);
        const jmax = Math.min(n - 1, i + max);
        // Cells outside the band are out of reach; keep the one just past it out of reach too.
        if (jmin > 1) matrix[here + jmin - 1] = max + 1;
        for (let j = jmin; j <= jmax; j++) {
          const d = codes[j - 1] as number;
          let v = (matrix[above + j - 1] as number) + (c === d ? 0 : 1);
          const del = (matrix[above + j] as number) + 1;
          if (del < v) v = del;
          const ins = (matrix[here + j - 1] as number) + 1;
          if (ins < v) v = ins;
          if (i > 1 && j > 1 && c === codes[j - 2] && path[i - 1] === d) {
            const swap = (matrix[twoAbove + j - 2] as number) + 1;
            if (swap < v) v = swap;
          }
          matrix[here + j] = v;
          if (v < rowMin) rowMin = v;
        }
        if (jmax < n - 1) matrix[here + jmax + 1] = max + 1;
        if (rowMin > max) {
          reachable = false;
          break;
        }
        const last = matrix[here + n - 1] as number;
        if (last < prefixDistance) prefixDistance = last;
      }
      // Every term below starts with the query itself: prefix matches, not typos.
      if (prefixDistance === 0 && options.prefixes) continue;
      const opensSubtree = options.prefixes && !inSubtree && prefixDistance <= max;
      if (opensSubtree) subtrees.push({ node: child, prefix: termAt(row) + key, distance: prefixDistance });
      // The walk goes on below for whole-term typos, which the prefix limit does not cut.
      if (reachable) walk(child, i, inSubtree || opensSubtree);
    }
  };

  walk(root, 1, false);
  if (subtrees.length > 0) addByPrefix(subtrees, results, options.prefixLimit);
  return results;
}

/** A subtree of the term tree whose path matched the query within `distance` typos. */
interface Subtree {
  node: RadixNode;
  prefix: string;
  distance: number;
}

function bestFirst(a: Subtree, b: Subtree): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  if (a.prefix.length !== b.prefix.length) return a.prefix.length - b.prefix.length;
  return a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0;
}

/**
 * Adds the terms of the subtrees, at most `limit` not found yet, level by level of the tree, each level
 * in {@link bestFirst} order: the fewest typos first, then the shortest terms.
 */
function addByPrefix(subtrees: Subtree[], results: Map<string, number>, limit: number): void {
  let budget = limit;
  let level = subtrees.sort(bestFirst);
  while (level.length > 0 && budget > 0) {
    const next: Subtree[] = [];
    for (const { node, prefix, distance } of level) {
      if (node.has(LEAF)) {
        const known = results.get(prefix);
        if (known === undefined && budget-- <= 0) return;
        if (known === undefined || distance < known) results.set(prefix, distance);
      }
      for (const [key, child] of node)
        if (key !== LEAF) next.push({ node: child as RadixNode, prefix: prefix + key, distance });
    }
    level = next.sort(bestFirst);
  }
}
