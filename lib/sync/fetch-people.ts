import type { FetchFn } from '../platform/ports';
import type { Person } from '../records';
import { firstUsersPageUrl, parseUsersPage, requestUsersPage } from '../okta/users';

/** Reads every page of `/api/v1/users` (direct reading; works only for tokens of admins). */
export async function fetchPeopleFromOkta(
  orgUrl: string,
  accessToken: () => Promise<string>,
  fetchFn: FetchFn,
  now: () => number,
): Promise<Person[]> {
  const people = new Map<string, Person>();
  let url: string | undefined = firstUsersPageUrl(orgUrl);
  while (url) {
    const { json, headers } = await requestUsersPage(url, await accessToken(), fetchFn, now());
    const page = parseUsersPage(json, headers);
    for (const person of page.people) people.set(person.id, person);
    // Follow Okta's own next link only when it stays on the org (it is opaque; never built by hand).
    url = page.next && new URL(page.next).origin === new URL(orgUrl).origin ? page.next : undefined;
  }
  return [...people.values()];
}
