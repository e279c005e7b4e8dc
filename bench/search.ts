// Search benchmark: `node --import tsx bench/search.ts [sizes…]` (default 10000 50000).
// Compares Workstation's index with plain MiniSearch and a naive folded scan over the same org and
// queries, in the same process. Figures only; nothing here asserts a time.
import MiniSearch from 'minisearch';
import type { App, Person } from '../lib/records';
import { normalizeText } from '../lib/search/normalize';
import { search } from '../lib/search/search';
import { buildSearchIndex, restoreSearchIndex, serializeSearchIndex } from '../lib/search/search-index';
import { generateBenchOrg, seededRandom } from './search-org';

type Searcher = (query: string) => string | undefined; // returns the top result's name

interface Workload {
  name: string;
  queries: string[];
  /** For quality: the names a correct top result may have (namesakes count). */
  expected?: string[];
}

const QUERIES_PER_SET = 1500;

function workloads(people: readonly Person[], apps: readonly App[]): Workload[] {
  const random = seededRandom(7);
  const person = (): Person => people[Math.floor(random() * people.length)] as Person;
  const latin = people.filter((p) => /^[A-Za-zÀ-ž' -]+$/u.test(p.displayName));
  const latinPerson = (): Person => latin[Math.floor(random() * latin.length)] as Person;
  const sets: Workload[] = [];
  const prefixSet = (n: number): Workload => ({
    name: `${n}-char prefix`,
    queries: Array.from({ length: QUERIES_PER_SET }, () => person().displayName.slice(0, n)),
  });
  sets.push(prefixSet(1), prefixSet(2), prefixSet(3));
  const full = Array.from({ length: QUERIES_PER_SET }, person);
  sets.push({
    name: 'full name',
    queries: full.map((p) => p.displayName),
    expected: full.map((p) => p.displayName),
  });
  const multi = Array.from({ length: QUERIES_PER_SET }, latinPerson);
  sets.push({
    name: 'first + last prefix',
    queries: multi.map((p) => `${p.firstName ?? ''} ${(p.lastName ?? '').slice(0, 3)}`),
  });
  const typoPeople: Person[] = [];
  const typos: string[] = [];
  while (typos.length < QUERIES_PER_SET) {
    const p = latinPerson();
    const first = p.firstName ?? '';
    const last = p.lastName ?? '';
    if (last.length < 5 || !/^[A-Za-z]+$/.test(last)) continue;
    const at = 1 + Math.floor(random() * (last.length - 2));
    const swapped = last.slice(0, at) + (last[at + 1] as string) + (last[at] as string) + last.slice(at + 2);
    typos.push(`${first} ${swapped}`);
    typoPeople.push(p);
  }
  sets.push({
    name: 'typo (swap in last name)',
    queries: typos,
    expected: typoPeople.map((p) => p.displayName),
  });
  sets.push({
    name: 'exact app name',
    queries: apps.map((a) => a.label),
    expected: apps.map((a) => a.label),
  });
  const emails = Array.from({ length: QUERIES_PER_SET }, person);
  sets.push({
    name: 'email local part',
    queries: emails.map((p) => (p.email ?? '').split('@')[0] + '@'),
    expected: emails.map((p) => p.displayName),
  });
  return sets;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function measure(searcher: Searcher, workload: Workload): string {
  for (const q of workload.queries.slice(0, 200)) searcher(q); // warm up the JIT
  const times: number[] = [];
  let hits = 0;
  workload.queries.forEach((q, i) => {
    const [top, ms] = time(() => searcher(q));
    times.push(ms);
    if (workload.expected !== undefined && top === workload.expected[i]) hits++;
  });
  times.sort((a, b) => a - b);
  const quality =
    workload.expected === undefined ? '' : `  hit@1 ${((100 * hits) / workload.queries.length).toFixed(1)}%`;
  return `p50 ${percentile(times, 50).toFixed(3)}  p95 ${percentile(times, 95).toFixed(3)}  p99 ${percentile(times, 99).toFixed(3)} ms${quality}`;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Doc {
  id: string;
  name: string;
  email: string;
}

const MINISEARCH_OPTIONS = {
  fields: ['name', 'email'],
  searchOptions: { prefix: true, fuzzy: 0.2 },
};

function run(size: number): void {
  console.log(`\n== ${size.toLocaleString('en')} people, ${'60'} apps ==`);
  const { apps, people } = generateBenchOrg(size);
  const sets = workloads(people, apps);

  // Workstation's index.
  let heap = heapMb();
  const [index, buildMs] = time(() => buildSearchIndex(apps, people));
  const ourHeap = heapMb() - heap;
  const [json, serializeMs] = time(() => JSON.stringify(serializeSearchIndex(index)));
  const [cold, coldMs] = time(() => {
    const restored = restoreSearchIndex(JSON.parse(json), apps, people);
    return search(restored, 'a');
  });
  const [, restoreOnlyMs] = time(() => restoreSearchIndex(JSON.parse(json), apps, people));
  console.log(
    `workstation  build ${buildMs.toFixed(0)} ms  serialize ${serializeMs.toFixed(0)} ms  saved ${(json.length / 1e6).toFixed(1)} MB  ` +
      `restore ${restoreOnlyMs.toFixed(0)} ms  cold parse+restore+first 1-char query ${coldMs.toFixed(0)} ms (${cold.length} results)  heap +${ourHeap.toFixed(0)} MB`,
  );

  // Plain MiniSearch: the usual set-up (prefix + fuzzy 0.2, OR), records kept in a Map beside it.
  heap = heapMb();
  const docs: Doc[] = [
    ...apps.map((a) => ({ id: a.id, name: a.label, email: '' })),
    ...people.map((p) => ({ id: p.id, name: p.displayName, email: p.email ?? '' })),
  ];
  const names = new Map(docs.map((d) => [d.id, d.name]));
  const [mini, miniBuildMs] = time(() => {
    const m = new MiniSearch<Doc>(MINISEARCH_OPTIONS);
    m.addAll(docs);
    return m;
  });
  const miniHeap = heapMb() - heap;
  const [miniJson, miniSerializeMs] = time(() => JSON.stringify(mini));
  const [, miniRestoreMs] = time(() => MiniSearch.loadJSON<Doc>(miniJson, MINISEARCH_OPTIONS).search('a'));
  console.log(
    `minisearch   build ${miniBuildMs.toFixed(0)} ms  serialize ${miniSerializeMs.toFixed(0)} ms  saved ${(miniJson.length / 1e6).toFixed(1)} MB  ` +
      `cold loadJSON+first 1-char query ${miniRestoreMs.toFixed(0)} ms  heap +${miniHeap.toFixed(0)} MB`,
  );

  // Naive folded scan: every record's folded name checked per query.
  const folded = docs.map((d) => ({
    name: d.name,
    words: normalizeText(`${d.name} ${d.email.split('@')[0]}`).split(' '),
  }));

  const ours: Searcher = (q) => {
    const top = search(index, q)[0];
    return top === undefined ? undefined : top.kind === 'app' ? top.app.label : top.person.displayName;
  };
  const plain: Searcher = (q) => {
    const top = mini.search(q)[0];
    return top === undefined ? undefined : names.get(top.id as string);
  };
  const scan: Searcher = (q) => {
    const words = normalizeText(q).split(' ');
    const hits: string[] = [];
    for (const d of folded) {
      if (words.every((w) => d.words.some((t) => t.startsWith(w)))) {
        hits.push(d.name);
        if (hits.length === 8) break;
      }
    }
    return hits[0];
  };
  for (const set of sets) {
    console.log(`  ${set.name}`);
    console.log(`    workstation  ${measure(ours, set)}`);
    console.log(`    minisearch   ${measure(plain, set)}`);
    console.log(`    folded scan  ${measure(scan, set)}`);
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const size of sizes.length > 0 ? sizes : [10_000, 50_000]) run(size);
