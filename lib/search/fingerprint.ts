import type { App, Person } from '../records';

const FNV_PRIME = 0x01000193;

/**
 * A hash of every record field the index reads, in record order, so a saved index is only reused for
 * exactly the records it was built from.
 */
export function fingerprintRecords(apps: readonly App[], people: readonly Person[]): string {
  // Two FNV-1a lanes with different seeds give 64 bits, enough to make an accidental match unlikely.
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const feed = (text: string | undefined): void => {
    const value = text ?? '\u0000';
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, 0x01000193 + 0x2000);
    }
    a = Math.imul(a ^ 0x1f, FNV_PRIME);
    b = Math.imul(b ^ 0x1f, 0x01000193 + 0x2000);
  };
  for (const app of apps) {
    feed(app.id);
    feed(app.label);
  }
  feed('\u0002');
  for (const person of people) {
    feed(person.id);
    feed(person.displayName);
    feed(person.firstName);
    feed(person.lastName);
    feed(person.email);
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `${apps.length}:${people.length}:${hex(a)}${hex(b)}`;
}
