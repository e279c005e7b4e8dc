/**
 * What the E2E scenario expects to find, derived from the dev org's seed data rather than guessed, so a
 * change of seed or catalog moves the expectations with it.
 */
import type { SeedOrg, SeedUser } from '../../dev/org/seed/types';

/** An app link the signed-in user should find, and what to type for it. */
export interface ExpectedApp {
  label: string;
  /** Okta's SSO launch URL: `{org}/home/{appName}/{appInstanceId}/{linkId}` (okta-api.md, appLinks). */
  linkUrl: string;
  query: string;
}

/** A colleague the signed-in user should find, and what to type for them. */
export interface ExpectedPerson {
  displayName: string;
  email: string;
  query: string;
}

/** The app the scenario prefers: the well-known first entry of the catalog. */
const PREFERRED_APP = 'Salesforce';
const MIN_QUERY_LENGTH = 4;

function userByLogin(org: SeedOrg, login: string): SeedUser {
  const user = org.users.find((candidate) => candidate.profile.login === login);
  if (!user) throw new Error(`The dev org has no user ${login}.`);
  return user;
}

function words(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A visible, single-link app assigned to `login`, with the shortest prefix of its label (at least four
 * letters) that begins no word of any other of the user's app labels — "a few letters" that must find it.
 */
export function pickApp(devOrg: { url: string; org: SeedOrg }, login: string): ExpectedApp {
  const user = userByLogin(devOrg.org, login);
  const assigned = new Set(user.appInstanceIds);
  const apps = devOrg.org.apps.filter((app) => assigned.has(app.appInstanceId));
  const labels = apps.flatMap((app) => app.links.filter((link) => !link.hidden).map((link) => link.label));
  const candidates = apps
    .filter((app) => app.links.length === 1 && !app.links[0]?.hidden)
    .sort((a, b) => Number(b.label === PREFERRED_APP) - Number(a.label === PREFERRED_APP));
  for (const app of candidates) {
    const link = app.links[0]!;
    const first = link.label.toLowerCase();
    for (let length = MIN_QUERY_LENGTH; length <= first.length; length++) {
      const query = first.slice(0, length);
      const clashes = labels.filter(
        (label) => label !== link.label && words(label).some((w) => w.startsWith(query)),
      );
      if (clashes.length === 0 && /^[\p{L}\p{N}]+$/u.test(query)) {
        return {
          label: link.label,
          linkUrl: `${devOrg.url}/home/${app.appName}/${app.appInstanceId}/${link.linkId}`,
          query,
        };
      }
    }
  }
  throw new Error(`No app assigned to ${login} has a distinctive label to search for.`);
}

/**
 * An active colleague of `login` (not a demo account) whose display name nobody else shares; the query
 * is that name.
 */
export function pickPerson(devOrg: { org: SeedOrg }, login: string): ExpectedPerson {
  const { org } = devOrg;
  const demoIds = new Set(Object.values(org.demo));
  const nameCounts = new Map<string, number>();
  for (const user of org.users) {
    nameCounts.set(user.profile.displayName, (nameCounts.get(user.profile.displayName) ?? 0) + 1);
  }
  const person = org.users.find(
    (user) =>
      user.status === 'ACTIVE' &&
      user.profile.login !== login &&
      !demoIds.has(user.id) &&
      nameCounts.get(user.profile.displayName) === 1,
  );
  if (!person) throw new Error('The dev org has no active colleague with a unique name.');
  return {
    displayName: person.profile.displayName,
    email: person.profile.email,
    query: person.profile.displayName,
  };
}

/** An app link of `login` whose label holds `&`, `<`, `>` or quotes, if the seed has one; query: its first word. */
export function pickAppWithXmlCharacters(
  devOrg: { url: string; org: SeedOrg },
  login: string,
): ExpectedApp | undefined {
  const user = userByLogin(devOrg.org, login);
  for (const app of devOrg.org.apps) {
    if (!user.appInstanceIds.includes(app.appInstanceId)) continue;
    for (const link of app.links) {
      const first = words(link.label)[0];
      if (!link.hidden && /[&<>"']/.test(link.label) && first) {
        return {
          label: link.label,
          linkUrl: `${devOrg.url}/home/${app.appName}/${app.appInstanceId}/${link.linkId}`,
          query: first,
        };
      }
    }
  }
  return undefined;
}
