import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/search/normalize';
import { search } from '../../../lib/search/search';
import type { SearchResult } from '../../../lib/search/search';
import { INDEX_DATA, buildSearchIndex } from '../../../lib/search/search-index';
import { seedRecords } from './seed-records';

const { apps, people } = seedRecords(3000);
// Without busy prefixes every word of three or more characters takes the general path; with a low
// threshold, hundreds of them are answered from the table instead. Both must rank alike.
const general = buildSearchIndex(apps, people, Infinity);
const table = buildSearchIndex(apps, people, 12);

const summary = (results: SearchResult[]) =>
  results.map((r) => `${r.kind === 'app' ? r.app.id : r.person.id}:${r.score}`);

function wordsOf(limit: number): string[] {
  const words = new Set<string>();
  for (const person of people.slice(0, limit)) {
    for (const part of [person.firstName, person.lastName, person.email?.split('@')[0]]) {
      const folded = normalizeText(part ?? '').split(' ')[0] ?? '';
      for (let end = 3; end <= Math.min(folded.length, 9); end++) words.add(folded.slice(0, end));
    }
  }
  return [...words];
}

describe('busy prefixes answered from the table', () => {
  it('holds longer prefixes only when enough people match them', () => {
    const slots = [...table[INDEX_DATA].prefixes.slot.keys()].filter((prefix) => prefix.length >= 3);
    expect(slots.length).toBeGreaterThan(100);
    expect([...general[INDEX_DATA].prefixes.slot.keys()].every((prefix) => prefix.length <= 2)).toBe(true);
  });

  it('ranks every one-word query exactly as the general path does', () => {
    const words = wordsOf(600);
    const busy = words.filter((word) => table[INDEX_DATA].prefixes.slot.has(word));
    expect(busy.length).toBeGreaterThan(50);
    for (const word of words) {
      for (const limit of [1, 8, 24]) {
        expect(summary(search(table, word, { limit })), `${word} (limit ${limit})`).toEqual(
          summary(search(general, word, { limit })),
        );
      }
    }
  });

  it('leaves a word typed with accents to the general path, which prefers names spelled that way', () => {
    const accented = people.find((p) => /^[a-z]*[äöüéè]/iu.test(p.firstName ?? ''))?.firstName ?? '';
    expect(accented).not.toBe('');
    const typed = accented.slice(0, Math.max(3, accented.search(/[äöüéè]/iu) + 1));
    expect(summary(search(table, typed))).toEqual(summary(search(general, typed)));
    const [top] = search(table, typed);
    expect(top?.kind === 'person' && top.person.displayName.toLowerCase()).toMatch(
      new RegExp(`^${typed.toLowerCase()}`, 'u'),
    );
  });
});
