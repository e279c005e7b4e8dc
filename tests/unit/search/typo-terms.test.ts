import MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { typoDistance } from '../../../lib/search/typo-distance';
import { findTypoTerms } from '../../../lib/search/typo-terms';

// A MiniSearch radix tree over the given terms, as the search index holds it.
function treeOf(terms: readonly string[]): SearchableMap<unknown> {
  const mini = new MiniSearch<{ id: number; t: string }>({ fields: ['t'], tokenize: (t) => t.split(' ') });
  mini.addAll(terms.map((t, id) => ({ id, t })));
  return (mini as unknown as { _index: SearchableMap<unknown> })._index;
}

// The reference: every term checked one by one with the optimal-string-alignment distance.
function bruteForce(terms: readonly string[], query: string, max: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const term of new Set(terms)) {
    const distance = typoDistance(query, term, max);
    if (distance <= max) found.set(term, distance);
  }
  return found;
}

// A deterministic PRNG, so a failure names the same terms on every run.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

describe('typo terms in one walk of the term tree', () => {
  const terms = [
    'smith',
    'smit',
    'smyth',
    'simth',
    'schmidt',
    'fitzgerald',
    'fitzgerald8',
    'fitzpatrick',
    'kowalski',
    'kowalska',
    'patel',
    'pawel',
    'pavel',
    'chloe',
    'chole',
    'cloe',
    'conceicao',
    'ab',
    'ba',
    'abc',
  ];
  const tree = treeOf(terms);

  it('counts a swap of two neighbours as one typo', () => {
    expect(findTypoTerms(tree, 'smtih', 1).get('smith')).toBe(1);
    expect(findTypoTerms(tree, 'cheol', 2).get('chloe')).toBe(2);
  });

  it('finds exactly the terms a term-by-term check finds, with the same distances', () => {
    for (const [query, max] of [
      ['smith', 1],
      ['smiht', 1],
      ['fitzgreald', 2],
      ['kowlaski', 2],
      ['pawel', 1],
      ['chleo', 1],
      ['ab', 1],
      ['ba', 2],
      ['x', 1],
      ['', 1],
      ['conceciao', 2],
    ] as const) {
      expect(sorted(findTypoTerms(tree, query, max)), `${query} within ${max}`).toEqual(
        sorted(bruteForce(terms, query, max)),
      );
    }
  });

  it('agrees with the term-by-term check on random words and random typos', () => {
    const next = random(42);
    const letters = 'abcdeé';
    const word = (length: number) =>
      Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
    const vocabulary = Array.from({ length: 400 }, () => word(1 + Math.floor(next() * 8)));
    const randomTree = treeOf(vocabulary);
    for (let i = 0; i < 300; i++) {
      const query = word(1 + Math.floor(next() * 8));
      const max = 1 + Math.floor(next() * 2);
      expect(sorted(findTypoTerms(randomTree, query, max)), `${query} within ${max}`).toEqual(
        sorted(bruteForce(vocabulary, query, max)),
      );
    }
  });

  it('finds a typo in a half-typed word through the term it begins', () => {
    const found = findTypoTerms(tree, 'fitzgre', 1, { prefixes: true, prefixLimit: 64 });
    expect(found.get('fitzgerald')).toBe(1);
    expect(found.get('fitzgerald8')).toBe(1);
    // Terms that begin with the word itself are prefix matches, not typos.
    expect(findTypoTerms(tree, 'kowal', 1, { prefixes: true, prefixLimit: 64 }).has('kowalski')).toBe(false);
  });

  it('takes at most the given number of terms by their prefix', () => {
    const many = treeOf(Array.from({ length: 100 }, (_, i) => `fitzgerald${i}`));
    const found = findTypoTerms(many, 'fitzgre', 1, { prefixes: true, prefixLimit: 10 });
    expect(found.size).toBe(10);
  });

  it('takes the same terms by prefix whatever order the tree was filled in, the shortest first', () => {
    const names = ['persona', 'personnel', ...Array.from({ length: 100 }, (_, i) => `person${i}`), 'person'];
    const options = { prefixes: true, prefixLimit: 12 };
    const forward = findTypoTerms(treeOf(names), 'persom', 1, options);
    const backward = findTypoTerms(treeOf([...names].reverse()), 'persom', 1, options);
    expect(sorted(forward)).toEqual(sorted(backward));
    // The whole-term typo and the shortest completions are among them.
    for (const term of ['person', 'persona', 'person0', 'person9']) expect(forward.has(term)).toBe(true);
    // Whole-term typos are found beyond the limit.
    const whole = findTypoTerms(treeOf(names), 'perosn', 1, { prefixes: true, prefixLimit: 1 });
    expect(whole.get('person')).toBe(1);
  });
});
