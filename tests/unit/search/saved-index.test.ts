import { describe, expect, it } from 'vitest';
import type { App, Person } from '../../../lib/records';
import { search } from '../../../lib/search/search';
import {
  SEARCH_INDEX_FORMAT_VERSION,
  buildSearchIndex,
  openSearchIndex as openOrUndefined,
  restoreSearchIndex,
  searchIndexReady,
  serializeSearchIndex,
} from '../../../lib/search/search-index';
import type { SearchIndex } from '../../../lib/search/search-index';

const apps: App[] = [
  {
    id: '0oa1 https://a/1',
    appInstanceId: '0oa1',
    label: 'Slack',
    linkUrl: 'https://a/1',
    appName: 'slack',
    sortOrder: 0,
  },
  {
    id: '0oa2 https://a/2',
    appInstanceId: '0oa2',
    label: 'Workday',
    linkUrl: 'https://a/2',
    appName: 'wd',
    sortOrder: 1,
  },
];
const people: Person[] = [
  { id: '00u1', displayName: "Seán O'Brien", email: 'sean.obrien@acme.example' },
  { id: '00u2', displayName: '王小明', email: 'wxm@acme.example' },
  { id: '00u3', displayName: 'Anne Duval-Smith', email: 'anne.duvalsmith@acme.example' },
];
const queries = ['s', 'slack', 'obrien', '小明', 'duval smith', 'sean.obrien@', 'wokrday'];

function answers(index: SearchIndex): unknown[] {
  return queries.map((q) =>
    search(index, q).map((r) => [r.kind, r.kind === 'app' ? r.app.id : r.person.id, r.score]),
  );
}

// Opens a saved index that must be usable.
function openSearchIndex(...args: Parameters<typeof openOrUndefined>): SearchIndex {
  const index = openOrUndefined(...args);
  if (index === undefined) throw new Error('the saved index was not opened');
  return index;
}

// What IndexedDB hands back: a structured clone.
function roundTrip<T>(value: T): T {
  return structuredClone(value);
}

describe('saved search index', () => {
  const built = buildSearchIndex(apps, people);
  const saved = serializeSearchIndex(built);

  it('is a structured-clone-safe object carrying its format version and build options', () => {
    expect(roundTrip(saved)).toEqual(saved);
    expect(saved.version).toBe(SEARCH_INDEX_FORMAT_VERSION);
    expect(Object.keys(saved.options).length).toBeGreaterThan(0);
  });

  it('restores to an index that answers every query exactly as the one it was saved from', () => {
    const restored = restoreSearchIndex(roundTrip(saved), apps, people);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('returns the records it was given on restore', () => {
    const restored = restoreSearchIndex(roundTrip(saved), apps, people);
    const [top] = search(restored, 'slack');
    expect(top?.kind === 'app' && top.app).toBe(apps[0]);
  });

  it.each([
    ['another format version', { ...saved, version: SEARCH_INDEX_FORMAT_VERSION + 1 }],
    ['other build options', { ...saved, options: { ...saved.options, tokenizer: 'something-else' } }],
    ['an extra build option', { ...saved, options: { ...saved.options, stemming: 'on' } }],
    ['another format name', { ...saved, format: 'minisearch' }],
    ['a missing people index', { ...saved, people: undefined }],
    ['a people index that is not MiniSearch JSON', { ...saved, people: '{"index":' }],
    [
      'a people index of another size',
      { ...saved, people: serializeSearchIndex(buildSearchIndex([], [])).people },
    ],
    [
      'a people index from an incompatible MiniSearch',
      { ...saved, people: saved.people.replace(/"serializationVersion":\d+/, '"serializationVersion":99') },
    ],
    ['missing keys', { ...saved, personKeys: undefined }],
    ['keys of another count', { ...saved, appKeys: `${saved.appKeys}\nextra` }],
    [
      'a short-prefix table pointing past the records',
      { ...saved, shortPrefixes: { ...saved.shortPrefixes, docs: saved.shortPrefixes.docs.map(() => 99) } },
    ],
    [
      'a truncated short-prefix table',
      { ...saved, shortPrefixes: { ...saved.shortPrefixes, start: saved.shortPrefixes.start.slice(1) } },
    ],
    ['a string', 'not an index'],
    ['null', null],
    ['undefined', undefined],
  ])('is rebuilt from the records when the saved value has %s', (_, value) => {
    const restored = restoreSearchIndex(roundTrip(value), apps, people);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('is rebuilt when the records changed since it was saved', () => {
    const renamed = people.map((p) => (p.id === '00u1' ? { ...p, displayName: 'Siobhán Kelly' } : p));
    const restored = restoreSearchIndex(roundTrip(saved), apps, renamed);
    expect(search(restored, 'siobhan').map((r) => r.kind === 'person' && r.person.id)).toEqual(['00u1']);
    expect(search(restored, 'obrien').map((r) => r.kind === 'person' && r.person.id)).toEqual(['00u1']);
    const added = [...people, { id: '00u4', displayName: 'Zoë Adams' }];
    expect(search(restoreSearchIndex(roundTrip(saved), apps, added), 'zoe')).toHaveLength(1);
  });

  it('round-trips an empty directory', () => {
    const empty = serializeSearchIndex(buildSearchIndex([], []));
    expect(search(restoreSearchIndex(roundTrip(empty), [], []), 'a')).toEqual([]);
  });

  it('answers at once when opened for a cold start, and the same as a full restore once loaded', async () => {
    const opened = openSearchIndex(roundTrip(saved), apps, people);
    const beforeLoad = ['s', 'slack', 'obrien', '小明', 'duval smith', 'sean.obrien@', 'wokrday'];
    expect(beforeLoad.map((q) => search(opened, q).map((r) => r.score))).toEqual(
      beforeLoad.map((q) => search(built, q).map((r) => r.score)),
    );
    await searchIndexReady(opened);
    expect(answers(opened)).toEqual(answers(built));
    const resaved = roundTrip(serializeSearchIndex(opened));
    expect(answers(restoreSearchIndex(resaved, apps, people))).toEqual(answers(built));
  });

  it('opens records in any order, as IndexedDB returns them sorted by id', () => {
    const restored = restoreSearchIndex(roundTrip(saved), [...apps].reverse(), [...people].reverse());
    expect(answers(restored)).toEqual(answers(built));
  });

  it('rebuilds a cold-started index once it finds a changed record that its quick check skipped', async () => {
    const many: Person[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `00u${String(i).padStart(5, '0')}`,
      displayName: `Person ${i}`,
    }));
    const manySaved = roundTrip(serializeSearchIndex(buildSearchIndex(apps, many)));
    const changed = many.map((p, i) => (i === 1 ? { ...p, displayName: 'Siobhán Kelly' } : p));
    const opened = openSearchIndex(manySaved, apps, changed);
    await searchIndexReady(opened);
    expect(search(opened, 'siobhan').map((r) => r.kind === 'person' && r.person.id)).toEqual(['00u00001']);
  });

  it('opens a corrupt saved people index and rebuilds it in the background', async () => {
    const opened = openSearchIndex(roundTrip({ ...saved, people: '{"index":' }), apps, people);
    await searchIndexReady(opened);
    expect(answers(opened)).toEqual(answers(built));
  });

  it('answers before the people records are read, with id, name and email, and completes them after', async () => {
    let deliver: (records: Person[]) => void = () => undefined;
    const pending = new Promise<Person[]>((resolve) => (deliver = resolve));
    const opened = openSearchIndex(roundTrip(saved), apps, pending);
    const [early] = search(opened, 'duval smith');
    expect(early?.kind === 'person' && early.person).toEqual({
      id: '00u3',
      displayName: 'Anne Duval-Smith',
      email: 'anne.duvalsmith@acme.example',
    });
    expect(answers(opened)).toEqual(answers(built));
    deliver([...people].reverse());
    await searchIndexReady(opened);
    const [late] = search(opened, 'duval smith');
    expect(late?.kind === 'person' && late.person).toBe(people[2]);
  });

  it('rebuilds from the records when those read after a cold open differ from the saved index', async () => {
    const renamed = people.map((p) => (p.id === '00u1' ? { ...p, displayName: 'Zoë Quinn' } : p));
    const opened = openSearchIndex(roundTrip(saved), apps, Promise.resolve(renamed));
    await searchIndexReady(opened);
    const [zoe] = search(opened, 'zoe');
    expect(zoe?.kind === 'person' && zoe.person).toBe(renamed[0]);
  });

  it('keeps answering when reading the records fails after a cold open', async () => {
    const opened = openSearchIndex(roundTrip(saved), apps, Promise.reject(new Error('disk')));
    await searchIndexReady(opened);
    expect(answers(opened)).toEqual(answers(built));
  });

  it('is not opened when its apps are ranked or keyed otherwise than the apps it is opened with', () => {
    // Else a search for one app's name could open another app.
    expect(openOrUndefined(roundTrip({ ...saved, appOrder: [1, 0] }), apps, people)).toBeUndefined();
    expect(openOrUndefined(roundTrip({ ...saved, appKeys: '\n' }), apps, people)).toBeUndefined();
    const [slack] = search(
      restoreSearchIndex(roundTrip({ ...saved, appOrder: [1, 0] }), apps, people),
      'slack',
    );
    expect(slack?.kind === 'app' && slack.app.label).toBe('Slack');
  });

  it('is rebuilt once the records show that its people are listed in another order than its names', async () => {
    const ids = saved.personIds.split('\n');
    const shuffled = roundTrip({ ...saved, personIds: [...ids.slice(1), ids[0]].join('\n') });
    const opened = openSearchIndex(shuffled, apps, Promise.resolve(people));
    await searchIndexReady(opened);
    expect(answers(opened)).toEqual(answers(built));
    const [anne] = search(opened, 'anne');
    expect(anne?.kind === 'person' && anne.person).toBe(people[2]);
  });

  it('tells apart records whose fields differ only in where a control character falls', () => {
    const a: Person[] = [{ id: '00u1', displayName: 'Alice\u001fBob', firstName: 'Zed' }];
    const b: Person[] = [
      { id: '00u1', displayName: 'Alice', firstName: 'Bob', lastName: 'Zed', email: '\u0000\u001f\u0000' },
    ];
    expect(serializeSearchIndex(buildSearchIndex([], a)).fingerprint).not.toBe(
      serializeSearchIndex(buildSearchIndex([], b)).fingerprint,
    );
  });

  it('is not opened when its version or layout is not this one', () => {
    expect(openOrUndefined(roundTrip({ ...saved, version: 2 }), apps, people)).toBeUndefined();
    expect(openOrUndefined(roundTrip({ ...saved, personIds: '00u1' }), apps, people)).toBeUndefined();
    expect(openOrUndefined(undefined, apps, people)).toBeUndefined();
  });
});
