import { isPlainEmail } from '../actions/plain-email';
import type { Person } from '../records';

const HIDDEN_STATUSES = new Set(['DEPROVISIONED', 'SUSPENDED']);

/** Turns one Okta User object into a person; undefined for a deactivated or suspended user, or one without a name. */
export function toPerson(entry: unknown): Person | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const user = entry as { id?: unknown; status?: unknown; profile?: unknown };
  if (typeof user.id !== 'string' || (typeof user.status === 'string' && HIDDEN_STATUSES.has(user.status))) {
    return undefined;
  }
  const profile = (user.profile && typeof user.profile === 'object' ? user.profile : {}) as Record<
    string,
    unknown
  >;
  // Unset attributes may be missing, null or "" (okta-api.md §6.2).
  const text = (key: string) => {
    const value = profile[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const firstName = text('firstName');
  const lastName = text('lastName');
  // Only a plain address is kept: anything else would become extra recipients in a mailto: link.
  const rawEmail = text('email');
  const email = rawEmail && isPlainEmail(rawEmail) ? rawEmail : undefined;
  const displayName = text('displayName') ?? ([firstName, lastName].filter(Boolean).join(' ') || email);
  if (!displayName) return undefined;
  const location = [text('city'), text('countryCode')].filter(Boolean).join(', ') || undefined;
  const person: Person = { id: user.id, displayName };
  const optional = {
    firstName,
    lastName,
    email,
    title: text('title'),
    department: text('department'),
    location,
    managerId: text('managerId'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (person as unknown as Record<string, string>)[key] = value;
  }
  return person;
}
