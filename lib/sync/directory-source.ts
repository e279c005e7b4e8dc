import { isPlainEmail } from '../actions/plain-email';
import { AppError } from '../errors';
import { oktaErrorFrom } from '../okta/okta-error';
import { OKTA_TIMEOUT_MS } from '../okta/okta-get';
import type { Person } from '../records';
import type { PeopleSource, PeopleSourcePage } from './people-source';

const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'title',
  'department',
  'location',
  'managerId',
] as const;

/** A person from the directory service, checked field by field; undefined when unusable. */
export function parseDirectoryPerson(entry: unknown): Person | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const record = entry as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.displayName !== 'string' || !record.displayName.trim()) {
    return undefined;
  }
  const person: Person = { id: record.id, displayName: record.displayName.trim() };
  for (const field of PERSON_FIELDS) {
    const value = record[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    if (field === 'email' && !isPlainEmail(value.trim())) continue;
    person[field] = value.trim();
  }
  return person;
}

/**
 * People from the org's directory service (DESIGN.md, "Directory service API"): the snapshot
 * `/v1/people` for a full pass, then `/v1/people/changes?since=CURSOR` for deltas; a 410 (cursor too
 * old) starts a full pass. The employee's Okta access token goes only to this policy-set URL.
 */
export function directoryPeopleSource(directoryUrl: string): PeopleSource {
  const base = directoryUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  return {
    id: `directory ${base}`,
    kind: 'directory',
    firstPage(watermark) {
      return watermark
        ? `${base}/v1/people/changes?since=${encodeURIComponent(watermark)}`
        : `${base}/v1/people`;
    },
    async fetchPage(cursor, accessToken, fetchFn, now): Promise<PeopleSourcePage> {
      if (new URL(cursor).origin !== origin)
        throw new AppError('OKTA_BAD_RESPONSE', 'Not the directory service.');
      let response: Response;
      try {
        response = await fetchFn(cursor, {
          headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
          credentials: 'omit',
          signal: AbortSignal.timeout(OKTA_TIMEOUT_MS),
        });
      } catch {
        throw new AppError('DIRECTORY_UNAVAILABLE', `Could not reach ${new URL(base).host}.`);
      }
      if (response.status === 410) {
        return { upserts: [], removed: [], entries: 0, headers: response.headers, restartFull: true };
      }
      if (response.status === 403)
        throw new AppError('DIRECTORY_FORBIDDEN', 'The directory refused this account.');
      if (response.status >= 500) {
        throw new AppError('DIRECTORY_UNAVAILABLE', `The directory answered ${response.status}.`);
      }
      // 401 (the token expired: refresh once and retry) and 429 are classified as for Okta.
      if (!response.ok) throw await oktaErrorFrom(response, now);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new AppError('OKTA_BAD_RESPONSE', 'The directory did not answer with JSON.');
      }
      return { ...parseDirectoryAnswer(body), headers: response.headers };
    },
  };
}

/** Reads a snapshot (`people`) or a changes answer (`upserts`, `removed`) with its new cursor. */
export function parseDirectoryAnswer(body: unknown): Omit<PeopleSourcePage, 'headers'> {
  if (!body || typeof body !== 'object')
    throw new AppError('OKTA_BAD_RESPONSE', 'The directory sent no data.');
  const answer = body as { cursor?: unknown; people?: unknown; upserts?: unknown; removed?: unknown };
  const list = Array.isArray(answer.people)
    ? answer.people
    : Array.isArray(answer.upserts)
      ? answer.upserts
      : undefined;
  if (!list || typeof answer.cursor !== 'string' || !answer.cursor) {
    throw new AppError('OKTA_BAD_RESPONSE', 'The directory sent an answer without people or a cursor.');
  }
  const upserts: Person[] = [];
  for (const entry of list as unknown[]) {
    const person = parseDirectoryPerson(entry);
    if (person) upserts.push(person);
  }
  const removed = Array.isArray(answer.removed)
    ? (answer.removed as unknown[]).filter((id): id is string => typeof id === 'string')
    : [];
  return { upserts, removed, entries: list.length + removed.length, cursor: answer.cursor };
}
