import type { App, Person } from '../lib/records';

/** A set of queries typed the same way, and for quality sets the name a correct top result has. */
export interface Workload {
  name: string;
  queries: string[];
  /** The display name (or app label) the top result must have; namesakes count. */
  expected?: string[];
  /** A name that folds to the expected one counts too (a typo'd "Gacria" cannot tell García from Garcia). */
  foldedHit?: boolean;
}

/** A small deterministic PRNG (mulberry32), so every run types the same queries. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE = 1000;

/** The bench's query sets over an org: a typing workload and the quality sets. */
export function workloads(people: readonly Person[], apps: readonly App[]): Workload[] {
  const random = seededRandom(7);
  const person = (): Person => people[Math.floor(random() * people.length)] as Person;
  const typed = Array.from({ length: 250 }, person).flatMap((p) => {
    const chars = [...p.displayName];
    return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((q) => q.trim() === q);
  });
  const short = (n: number): Workload => ({
    name: `${n}-character prefixes`,
    queries: Array.from({ length: SAMPLE }, () => [...person().displayName].slice(0, n).join('')),
  });
  const full = Array.from({ length: SAMPLE }, person);
  const typoPeople: Person[] = [];
  const typos: string[] = [];
  while (typos.length < SAMPLE) {
    const p = person();
    const last = p.lastName ?? '';
    if (last.length < 5 || !/^[A-Za-z]+$/.test(last)) continue;
    const at = 1 + Math.floor(random() * (last.length - 2));
    const swapped = last.slice(0, at) + (last[at + 1] as string) + (last[at] as string) + last.slice(at + 2);
    if (swapped === last) continue;
    typos.push(`${p.firstName ?? ''} ${swapped}`);
    typoPeople.push(p);
  }
  const emails = Array.from({ length: SAMPLE }, person).filter((p) => p.email !== undefined);
  return [
    { name: 'typing: every prefix of a real name', queries: typed },
    short(1),
    short(2),
    { name: 'full name', queries: full.map((p) => p.displayName), expected: full.map((p) => p.displayName) },
    {
      name: 'typo (two letters swapped in the last name)',
      queries: typos,
      expected: typoPeople.map((p) => p.displayName),
      foldedHit: true,
    },
    {
      name: 'email local part + @',
      queries: emails.map((p) => `${(p.email ?? '').split('@')[0]}@`),
      expected: emails.map((p) => p.displayName),
    },
    { name: 'exact app name', queries: apps.map((a) => a.label), expected: apps.map((a) => a.label) },
  ];
}
