import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../lib/records';
import { normalizeText } from '../../../lib/search/normalize';
import { search } from '../../../lib/search/search';
import { buildSearchIndex } from '../../../lib/search/search-index';
import { seedRecords } from './seed-records';

// Relevance over the seeded dev org: every case's expected top result is computed from the seed.
const { apps, people } = seedRecords(3000);
const index = buildSearchIndex(apps, people);

type Case = [category: string, query: string, expected: string[]];

const folded = (text: string): string => normalizeText(text);
const appKey = (label: string): string => `app:${folded(label)}`;
const byFolded = new Map<string, string[]>();
const byLower = new Map<string, string[]>();
for (const p of people) {
  byFolded.set(folded(p.displayName), [...(byFolded.get(folded(p.displayName)) ?? []), p.id]);
  const lower = p.displayName.toLowerCase();
  byLower.set(lower, [...(byLower.get(lower) ?? []), p.id]);
}
const wordsOf = people.map((p) =>
  normalizeText(
    `${p.displayName} ${p.firstName ?? ''} ${p.lastName ?? ''} ${p.email?.split('@')[0] ?? ''}`,
  ).split(' '),
);
// Whether some record matches every word of the query without a typo (so a typo case is ambiguous).
const matchesWithoutTypo = (query: string): boolean => {
  const words = normalizeText(query).split(' ');
  return wordsOf.some((tokens) => words.every((w) => tokens.some((t) => t.startsWith(w))));
};
const every = <T>(items: readonly T[], n: number): T[] =>
  items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);

const SCRIPTS: Array<[string, RegExp]> = [
  ['Han', /\p{sc=Han}/u],
  ['Kana', /[\p{sc=Hiragana}\p{sc=Katakana}]/u],
  ['Hangul', /\p{sc=Hangul}/u],
  ['Cyrillic', /\p{sc=Cyrillic}/u],
  ['Greek', /\p{sc=Greek}/u],
  ['Arabic', /\p{sc=Arabic}/u],
  ['Hebrew', /\p{sc=Hebrew}/u],
  ['Thai', /\p{sc=Thai}/u],
  ['Devanagari', /\p{sc=Devanagari}/u],
];

function cases(): Case[] {
  const out: Case[] = [];
  const labels = [...new Set(apps.map((a) => a.label))];
  for (const label of labels) {
    const longer = labels.some((other) => other !== label && folded(other).startsWith(`${folded(label)} `));
    out.push([longer ? 'exact app vs longer names' : 'exact app name', label, [appKey(label)]]);
  }
  for (const p of every(people, 60))
    out.push(['full name', p.displayName, byLower.get(p.displayName.toLowerCase()) ?? []]);
  const accented = people.filter(
    (p) => /^[\p{sc=Latin}\s'’-]+$/u.test(p.displayName) && /[^\p{ASCII}]/u.test(p.displayName),
  );
  for (const p of every(accented, 30)) {
    out.push([
      'folded (typed without accents)',
      folded(p.displayName),
      byFolded.get(folded(p.displayName)) ?? [],
    ]);
  }
  const punctuated = people.filter((p) => /['’-]/u.test(p.displayName));
  for (const p of every(punctuated, 20)) {
    const typed = p.displayName.replace(/['’]/gu, '').replace(/-/gu, ' ');
    out.push(['apostrophes and hyphens', typed, byFolded.get(folded(p.displayName)) ?? []]);
  }
  for (const [script, re] of SCRIPTS) {
    for (const p of people.filter((q) => re.test(q.displayName)).slice(0, 4)) {
      out.push([`script: ${script}`, p.displayName, byLower.get(p.displayName.toLowerCase()) ?? []]);
    }
  }
  const withEmail = people.filter((p): p is Person & { email: string } => p.email !== undefined);
  for (const p of every(withEmail, 30)) out.push(['email local part', `${p.email.split('@')[0]}@`, [p.id]]);
  for (const p of every(withEmail, 15)) out.push(['whole email', p.email, [p.id]]);
  // Namesakes: the same name, told apart by their addresses.
  const namesakes = [...byFolded.values()].filter((ids) => ids.length > 1).slice(0, 10);
  for (const ids of namesakes) {
    for (const id of ids.slice(0, 2)) {
      const p = people.find((q) => q.id === id) as Person;
      if (p.email !== undefined) out.push(['namesakes by email', `${p.email.split('@')[0]}@`, [id]]);
    }
  }
  let typos = 0;
  for (const p of every(people, 400)) {
    const first = p.firstName ?? '';
    const last = p.lastName ?? '';
    if (typos >= 40 || !/^[a-z]{5,}$/iu.test(last) || first === '') continue;
    const at = 1 + (last.length % (last.length - 2));
    const swapped = last.slice(0, at) + (last[at + 1] as string) + (last[at] as string) + last.slice(at + 2);
    const query = `${first} ${swapped}`;
    if (swapped.toLowerCase() === last.toLowerCase() || matchesWithoutTypo(query)) continue;
    out.push(['typo (swapped letters)', query, byFolded.get(folded(p.displayName)) ?? []]);
    typos++;
  }
  return out;
}

const CASES = cases();

function top(query: string): string | undefined {
  const first = search(index, query)[0];
  return first === undefined ? undefined : first.kind === 'app' ? appKey(first.app.label) : first.person.id;
}

describe('relevance over the seeded dev org', () => {
  const hits = new Map<string, [hit: number, total: number]>();
  afterAll(() => {
    const rows = [...hits].map(([category, [hit, total]]) => `${category} ${hit}/${total}`);
    const hit = [...hits.values()].reduce((sum, [h]) => sum + h, 0);
    console.info(
      `seeded-org relevance: hit@1 ${hit}/${CASES.length} (${((100 * hit) / CASES.length).toFixed(1)}%) — ${rows.join('; ')}`,
    );
  });

  it('has at least 150 cases, every one with an expected result', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    for (const [, , expected] of CASES) expect(expected.length).toBeGreaterThan(0);
  });

  it.each(CASES)('%s: ranks the expected result first for %j', (category, query, expected) => {
    const found = top(query);
    const [hit, total] = hits.get(category) ?? [0, 0];
    hits.set(category, [hit + (found !== undefined && expected.includes(found) ? 1 : 0), total + 1]);
    expect(expected).toContain(found);
  });

  it('ranks at least as many cases first as plain MiniSearch does', () => {
    const mini = new MiniSearch<{ id: string; name: string; email: string }>({
      fields: ['name', 'email'],
      searchOptions: { prefix: true, fuzzy: 0.2 },
    });
    const seenApps = new Set<string>();
    mini.addAll([
      ...apps
        .filter((a) => !seenApps.has(appKey(a.label)) && seenApps.add(appKey(a.label)))
        .map((a) => ({ id: appKey(a.label), name: a.label, email: '' })),
      ...people.map((p) => ({ id: p.id, name: p.displayName, email: p.email ?? '' })),
    ]);
    const miniHits = CASES.filter(([, q, expected]) =>
      expected.includes(String(mini.search(q)[0]?.id)),
    ).length;
    const ourHits = CASES.filter(([, q, expected]) => expected.includes(top(q) ?? '')).length;
    console.info(`seeded-org relevance: plain MiniSearch hit@1 ${miniHits}/${CASES.length}`);
    expect(ourHits).toBeGreaterThanOrEqual(miniHits);
  });
});
