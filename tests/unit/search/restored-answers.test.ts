import { describe, expect, it } from 'vitest';
import type { App, Person } from '../../../lib/records';
import { search } from '../../../lib/search/search';
import {
  buildSearchIndex,
  openSearchIndex,
  restoreSearchIndex,
  searchIndexReady,
  serializeSearchIndex,
} from '../../../lib/search/search-index';
import type { SearchIndex } from '../../../lib/search/search-index';
import { seedRecords } from './seed-records';

// A restored or cold-started index must answer every query exactly as the index it was saved from:
// the same query cannot rank differently after the worker restarts.

function answers(index: SearchIndex, queries: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(
    queries.map((q) => [
      q,
      search(index, q, { limit: 8 }).map(
        (r) => `${r.kind === 'app' ? r.app.id : r.person.id} ${r.score} ${JSON.stringify(r.highlights)}`,
      ),
    ]),
  );
}

/** Two letters swapped, one dropped, one replaced: the typos people make. */
function typosOf(word: string): string[] {
  if (word.length < 4) return [];
  const mid = word.length >> 1;
  return [
    word.slice(0, mid - 1) + word[mid] + word[mid - 1] + word.slice(mid + 1),
    word.slice(0, mid) + word.slice(mid + 1),
    word.slice(0, mid) + 'x' + word.slice(mid + 1),
    // Half typed, with the typo.
    (word.slice(0, mid) + 'x' + word.slice(mid + 1)).slice(0, Math.max(5, word.length - 2)),
  ];
}

async function expectSameAnswers(apps: App[], people: Person[], queries: string[]): Promise<void> {
  const built = buildSearchIndex(apps, people);
  const saved = structuredClone(serializeSearchIndex(built));
  const expected = answers(built, queries);
  expect(answers(restoreSearchIndex(saved, apps, people), queries)).toEqual(expected);
  const opened = openSearchIndex(structuredClone(saved), apps, Promise.resolve(people));
  if (opened === undefined) throw new Error('the saved index did not open');
  await searchIndexReady(opened);
  expect(answers(opened, queries)).toEqual(expected);
}

describe('a restored index', () => {
  it('answers typos, half-typed typos and emails as the index it was saved from, over the seeded org', async () => {
    const { apps, people } = seedRecords(3000);
    const queries = people
      .filter((_, i) => i % 50 === 0)
      .flatMap((p) => [
        ...typosOf((p.lastName ?? '').toLowerCase()),
        `${(p.firstName ?? '').toLowerCase()} ${typosOf((p.lastName ?? '').toLowerCase())[0] ?? ''}`,
        `${(p.email ?? '').split('@')[0]}@`,
      ]);
    await expectSameAnswers(apps, people, queries);
  });

  it('answers the same when one prefix is shared by more terms than typo matching collects', async () => {
    const apps: App[] = [];
    const people: Person[] = Array.from({ length: 1200 }, (_, i) => ({
      id: `00u${String(i).padStart(6, '0')}`,
      displayName: `Person ${i}`,
      email: `person${i}@acme.example`,
    }));
    await expectSameAnswers(apps, people, [
      'persom 70',
      'pxrson12',
      'person700@',
      'persn 7',
      'preson 1',
      'persom',
      'pesron1',
    ]);
  });
});
