import { describe, expect, it } from 'vitest';
import type { App, Person } from '../../../lib/records';
import { search } from '../../../lib/search/search';
import type { SearchResult } from '../../../lib/search/search';
import { buildSearchIndex } from '../../../lib/search/search-index';

function app(key: string, label: string): App {
  const appInstanceId = `0oa${key}`;
  const linkUrl = `https://acme.okta.com/home/${key}`;
  return { id: `${appInstanceId} ${linkUrl}`, appInstanceId, label, linkUrl, appName: key, sortOrder: 0 };
}

function name(result: SearchResult): string {
  return result.kind === 'app' ? `app:${result.app.label}` : `person:${result.person.id}`;
}

const apps = [
  app('slack', 'Slack'),
  app('slackarchive', 'Slack Archive'),
  app('box', 'Box'),
  app('boxsign', 'Box Sign'),
  app('jira', 'Jira'),
  app('jiraservice', 'Jira Service Desk'),
  app('workday', 'Workday'),
  app('gdrive', 'Google Drive'),
  app('gcal', 'Google Calendar'),
  app('gmail', 'Gmail'),
  app('carter', 'Carter'),
];
const people: Person[] = [
  { id: 'p-carter', displayName: 'Carter', email: 'carter@acme.example' },
  { id: 'p-jane-1', displayName: 'Jane Smith', email: 'jane.smith@acme.example', title: 'Engineer' },
  { id: 'p-jane-2', displayName: 'Jane Smith', email: 'jane.smith2@acme.example', title: 'Designer' },
  { id: 'p-janet', displayName: 'Janet Smithers', email: 'janet.smithers@acme.example' },
  { id: 'p-john', displayName: 'John Smith', email: 'john.smith@acme.example' },
  { id: 'p-jon', displayName: 'Jon Smit', email: 'jon.smit@acme.example' },
  { id: 'p-alexander', displayName: 'Alexander Schwartz', email: 'alexander.schwartz@acme.example' },
  { id: 'p-box', displayName: 'Boxer Twain', email: 'boxer.twain@acme.example' },
  { id: 'p-ann', displayName: 'Ann Lee', email: 'ann.lee@acme.example' },
  { id: 'p-anna', displayName: 'Anna Lee', email: 'anna.lee@acme.example' },
  { id: 'p-bob', displayName: 'Bob Stone', email: 'bob.stone@acme.example' },
];
const index = buildSearchIndex(apps, people);

function names(query: string, options?: Parameters<typeof search>[2]): string[] {
  return search(index, query, options).map(name);
}

describe('ranking', () => {
  it('puts an app whose name equals the query first, before a person with that exact name', () => {
    expect(names('carter').slice(0, 2)).toEqual(['app:Carter', 'person:p-carter']);
  });

  it('puts an exact app name first even when a longer-named app was launched far more often', () => {
    const frecency = new Map([[(apps[1] as App).id, 1000]]);
    expect(names('slack', { frecency }).slice(0, 2)).toEqual(['app:Slack', 'app:Slack Archive']);
  });

  it('lets frecency lift an app above another of the same tier', () => {
    expect(names('google').slice(0, 2)).toEqual(['app:Google Calendar', 'app:Google Drive']);
    const frecency = new Map([[(apps[7] as App).id, 5]]);
    expect(names('google', { frecency }).slice(0, 2)).toEqual(['app:Google Drive', 'app:Google Calendar']);
  });

  it('treats exact app names case- and accent-insensitively', () => {
    expect(names('BOX')[0]).toBe('app:Box');
    expect(names('  jira  ')[0]).toBe('app:Jira');
  });

  it('ranks prefix matches above typo matches', () => {
    // Smith and Smithers start with "smith"; Smit is one edit away and must come after both.
    expect(names('smith')).toEqual([
      'person:p-jane-1',
      'person:p-jane-2',
      'person:p-john',
      'person:p-janet',
      'person:p-jon',
    ]);
  });

  it('ranks an exact word above a longer word it prefixes', () => {
    expect(names('ann lee').slice(0, 2)).toEqual(['person:p-ann', 'person:p-anna']);
  });

  it('requires every word of a multi-word query', () => {
    expect(names('jane smithers')).toEqual(['person:p-janet']);
    expect(names('bob smith')).toEqual([]);
  });

  it('tolerates one typo in a word of four or more characters', () => {
    expect(names('alexnader')[0]).toBe('person:p-alexander');
    expect(names('schwatrz')[0]).toBe('person:p-alexander');
  });

  it('tolerates two typos only in words of seven or more characters', () => {
    expect(names('alexzandr')[0]).toBe('person:p-alexander');
    expect(names('bbo')).toEqual([]);
    expect(names('stoen')).toEqual(['person:p-bob']);
    expect(names('stxen')).toEqual([]);
  });

  it('finds a typo in a half-typed word of five or more characters', () => {
    expect(names('schwatr')[0]).toBe('person:p-alexander');
    // The word it begins is marked, as for any typo.
    expect(search(index, 'schwatr')[0]?.highlights).toEqual([[10, 18]]);
    expect(names('alexnad')[0]).toBe('person:p-alexander');
    // A correct prefix still ranks above it.
    expect(names('alexan')[0]).toBe('person:p-alexander');
  });

  it('does not correct typos in words shorter than four characters', () => {
    expect(names('jpn')).toEqual([]);
  });

  it('returns namesakes as separate results in a stable order', () => {
    expect(names('jane smith').slice(0, 2)).toEqual(['person:p-jane-1', 'person:p-jane-2']);
  });

  it('orders equal matches apps first, then by name, then by id, the same on every call', () => {
    const first = names('b');
    expect(first).toEqual(['app:Box', 'app:Box Sign', 'person:p-bob', 'person:p-box']);
    for (let i = 0; i < 3; i++) expect(names('b')).toEqual(first);
    expect(names('jane')).toEqual(['person:p-jane-1', 'person:p-jane-2', 'person:p-janet']);
  });

  it('hides people when asked for apps only', () => {
    expect(names('carter', { people: false })).toEqual(['app:Carter']);
    expect(names('jane', { people: false })).toEqual([]);
  });

  it('returns at most the limit, eight by default', () => {
    const many = buildSearchIndex(
      [],
      Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, displayName: `Sam Person${i}` })),
    );
    expect(search(many, 's')).toHaveLength(8);
    expect(search(many, 'sam', { limit: 3 })).toHaveLength(3);
    expect(search(many, 'sam', { limit: 20 })).toHaveLength(20);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(names('')).toEqual([]);
    expect(names('  - ')).toEqual([]);
  });

  it('scores a tier above every result of a lower tier', () => {
    const [exact, ...rest] = search(index, 'slack');
    expect(exact?.kind).toBe('app');
    for (const result of rest) expect(result.score).toBeLessThan(exact?.score ?? 0);
    const prefix = search(index, 'schwartz')[0]?.score ?? 0;
    const typo = search(index, 'schwatrz')[0]?.score ?? Infinity;
    expect(typo).toBeLessThan(prefix);
  });

  it('reports the matched characters of the displayed name', () => {
    const [janet] = search(index, 'janet smi');
    expect(janet?.highlights).toEqual([
      [0, 5],
      [6, 9],
    ]);
    const [alexander] = search(index, 'alexnader');
    expect(alexander?.highlights).toEqual([[0, 9]]);
  });

  it('ranks one- and two-character queries from its prefix table exactly as the full search does', () => {
    const prefixes = new Set<string>();
    for (const p of people) {
      for (const word of p.displayName.toLowerCase().split(' ')) {
        prefixes.add(word.slice(0, 1));
        prefixes.add(word.slice(0, 2));
      }
    }
    for (const prefix of prefixes) {
      // Above the table's 24 kept per prefix, the general path ranks every match.
      expect(names(prefix, { limit: 20 })).toEqual(names(prefix, { limit: 40 }).slice(0, 20));
    }
  });

  it('searches the first 256 characters of a pasted wall of text, and does not choke on it', () => {
    expect(search(index, 'q'.repeat(70_000))).toEqual([]);
    const many = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    expect(search(index, many)).toEqual([]);
    const first = search(index, 'slack')[0];
    expect(search(index, `slack${' '.repeat(300)}x`)[0]).toEqual(first);
  });
});
