import { describe, expect, it, vi } from 'vitest';
import { Catalog } from '../../../lib/catalog/catalog';
import {
  INDEX_KEY,
  INDEX_PEOPLE_KEY,
  putSavedIndex,
  readPeopleInBatches,
  readRecords,
} from '../../../lib/db/records-store';
import { openWorkstationDb } from '../../../lib/db/schema';
import type { App, Person } from '../../../lib/records';
import { buildSearchIndex, serializeSearchIndex } from '../../../lib/search/search-index';

const apps: App[] = [
  {
    id: '0oa1 https://acme.okta.com/home/slack/0oa1/1',
    appInstanceId: '0oa1',
    label: 'Slack',
    linkUrl: 'https://acme.okta.com/home/slack/0oa1/1',
    appName: 'slack',
    sortOrder: 0,
  },
];
const people: Person[] = Array.from({ length: 1200 }, (_, i) => ({
  id: `00u${String(i).padStart(6, '0')}`,
  displayName: i === 700 ? 'Siobhán Kelly' : `Person ${i}`,
  email: `person${i}@acme.example`,
  title: i === 700 ? 'Staff Engineer' : 'Engineer',
  department: 'R&D',
}));

// A stored directory with its saved index, as a finished sync leaves it.
async function storedDirectory(name: string, index = serializeSearchIndex(buildSearchIndex(apps, people))) {
  const db = await openWorkstationDb(name);
  const tx = db.transaction(['apps', 'people', 'meta'], 'readwrite');
  await Promise.all([
    ...apps.map((app) => tx.objectStore('apps').put(app)),
    ...people.map((person) => tx.objectStore('people').put(person)),
    ...putSavedIndex(tx.objectStore('meta'), index),
    tx.done,
  ]);
  return db;
}

// A catalog over the stored directory, as a woken worker makes one.
function catalogOver(db: Awaited<ReturnType<typeof openWorkstationDb>>): Catalog {
  return new Catalog(
    () => Promise.resolve(db),
    () => Date.now(),
  );
}

// Typo matches need the people's full-text index, which loads behind the first answer.
async function expectTypoFoundOnceLoaded(catalog: Catalog): Promise<void> {
  await catalog.search('person 1', { people: true });
  await vi.waitFor(async () => {
    const [top] = await catalog.search('siobahn', { people: true });
    expect(top?.kind === 'person' && top.person).toEqual(people[700]);
  });
}

describe('a cold start of the catalog', () => {
  it('answers the first query with whole person records before the directory is read', async () => {
    const db = await storedDirectory('cold-start-1');
    const catalog = catalogOver(db);
    const [first] = await catalog.search('siobhan', { people: true });
    expect(first?.kind === 'person' && first.person).toEqual(people[700]);
    // The same query once the directory is read and checked answers the same.
    expect(await catalog.person('00u000700')).toEqual(people[700]);
    expect((await catalog.search('siobhan', { people: true }))[0]).toEqual(first);
  });

  it('builds the index from the records when the saved one is from another version', async () => {
    const saved = { ...serializeSearchIndex(buildSearchIndex(apps, people)), version: 1 };
    const db = await storedDirectory('cold-start-2', saved);
    const catalog = catalogOver(db);
    const [first] = await catalog.search('siobhan', { people: true });
    expect(first?.kind === 'person' && first.person.title).toBe('Staff Engineer');
  });

  it('leaves out a person deleted after the index was saved rather than show a stale card', async () => {
    const db = await storedDirectory('cold-start-3');
    await db.delete('people', '00u000700');
    const catalog = catalogOver(db);
    expect(await catalog.search('siobhan', { people: true })).toEqual([]);
  });

  it('resolves an omnibox mailto target as the first request, before any search', async () => {
    // The worker can wake on Enter alone (the suggestion was shown by an earlier worker).
    const db = await storedDirectory('cold-start-5');
    const catalog = catalogOver(db);
    expect(await catalog.byTarget('mailto:person700@acme.example', (email) => `mailto:${email}`)).toEqual(
      people[700],
    );
  });

  it('stores the people full-text index apart, and reads the saved index back whole', async () => {
    const saved = serializeSearchIndex(buildSearchIndex(apps, people));
    const db = await storedDirectory('cold-start-6', saved);
    const head = (await db.get('meta', INDEX_KEY)) as Record<string, unknown>;
    expect(head).not.toHaveProperty('people');
    expect(await db.get('meta', INDEX_PEOPLE_KEY)).toEqual({
      fingerprint: saved.fingerprint,
      people: saved.people,
    });
    expect((await readRecords(db)).savedIndex).toEqual(saved);
  });

  it('finds a misspelt colleague once the people full-text index has loaded behind the first answer', async () => {
    const db = await storedDirectory('cold-start-7');
    const catalog = catalogOver(db);
    await expectTypoFoundOnceLoaded(catalog);
  });

  it('rebuilds the typo index from the records when the stored one belongs to another index', async () => {
    const db = await storedDirectory('cold-start-8');
    // A sync landed between the two reads: the full-text index is another one's.
    const renamed = people.map((p, i) => (i === 700 ? { ...p, displayName: 'Person 700' } : p));
    const other = serializeSearchIndex(buildSearchIndex(apps, renamed));
    await db.put('meta', { fingerprint: other.fingerprint, people: other.people }, INDEX_PEOPLE_KEY);
    const catalog = catalogOver(db);
    await expectTypoFoundOnceLoaded(catalog);
  });

  it('leaves out a person renamed after the index was saved rather than show the old match', async () => {
    const db = await storedDirectory('cold-start-9');
    await db.put('people', { ...people[700]!, displayName: 'Al' });
    const catalog = catalogOver(db);
    expect(await catalog.search('siobhan', { people: true })).toEqual([]);
    // Once the records are read the index is rebuilt, and the new name is found.
    await vi.waitFor(async () => {
      const [al] = await catalog.search('al', { people: true });
      expect(al?.kind === 'person' && al.person.id).toBe('00u000700');
    });
  });

  it('reads the whole directory in batches, in id order', async () => {
    const db = await storedDirectory('cold-start-4');
    const read = await readPeopleInBatches(db, 100);
    expect(read.map((p) => p.id)).toEqual(people.map((p) => p.id));
  });
});
