import type { App, Person } from '../records';
import { ITEMS_PER_STEP, runAtOnce } from './slices';
import type { Steps } from './slices';

const PRIME_A = 0x01000193;
const PRIME_B = 0x01002193;

/**
 * A hash of every record field the index reads, in record order, so a saved index is only reused for
 * exactly the records it was built from; with a `stride`, of every stride-th person only (a quick
 * check that a cold start can afford before its first answer).
 */
export function fingerprintRecords(apps: readonly App[], people: readonly Person[], stride = 1): string {
  return runAtOnce(fingerprintSteps(apps, people, stride));
}

/** {@link fingerprintRecords} in slices (see `slices.ts`). */
export function* fingerprintSteps(
  apps: readonly App[],
  people: readonly Person[],
  stride = 1,
): Steps<string> {
  // Two FNV-1a lanes with different seeds give 64 bits, enough to make an accidental match unlikely.
  // The lanes stay local variables in one loop: a cold restore hashes every person.
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const records: Array<readonly (string | undefined)[]> = [];
  for (const app of apps) records.push([app.id, app.label]);
  records.push(['\u0002']);
  for (let i = 0; i < people.length; i += stride) {
    const person = people[i] as Person;
    records.push([person.id, person.displayName, person.firstName, person.lastName, person.email]);
  }
  for (let r = 0; r < records.length; r++) {
    if (r % ITEMS_PER_STEP === 0) yield;
    for (const field of records[r] as ReadonlyArray<string | undefined>) {
      // Each field is hashed after its length (0 for a missing one, length + 1 otherwise), so no two
      // different records hash the same characters: a separator inside a name cannot shift a field.
      const length = field === undefined ? 0 : field.length + 1;
      a = Math.imul(a ^ length, PRIME_A);
      b = Math.imul(b ^ length, PRIME_B);
      if (field === undefined) continue;
      for (let i = 0; i < field.length; i++) {
        const c = field.charCodeAt(i);
        a = Math.imul(a ^ c, PRIME_A);
        b = Math.imul(b ^ c, PRIME_B);
      }
    }
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `${apps.length}:${people.length}:${hex(a)}${hex(b)}`;
}
