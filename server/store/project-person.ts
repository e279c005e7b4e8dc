import type { Person } from '../../lib/records';

/** Every field of a {@link Person}, in the order the service writes them. */
export const PERSON_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'email',
  'title',
  'department',
  'location',
  'managerId',
] as const satisfies readonly (keyof Person)[];

/** A person field an admin can choose to serve. */
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * Keeps `id`, `displayName` and the allowed fields of a person, always in the same key order, so two
 * projections of the same data serialize to the same text (change detection compares that text).
 */
export function projectPerson(person: Person, allowed: ReadonlySet<PersonField>): Person {
  const projected: Person = { id: person.id, displayName: person.displayName };
  for (const field of PERSON_FIELDS) {
    if (field === 'displayName' || !allowed.has(field)) continue;
    const value = person[field];
    if (value !== undefined) projected[field] = value;
  }
  return projected;
}
