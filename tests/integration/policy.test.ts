/**
 * Managed policy applied live by the background (issue 8), against two dev orgs over loopback: an org
 * change signs out of the old org, allowedGroups keeps non-members out with nothing stored, people
 * search off hides people in search and the omnibox, pinned apps lead quick actions, and an empty or
 * failing read of managed storage changes nothing.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg, SeedUser } from '@/dev/org/index';
import { resetFaults, startDevOrg } from '@/dev/org/index';
import { omniboxInputChanged } from '@/lib/background/omnibox';
import { Workstation } from '@/lib/background/workstation';
import { fakePlatform, type FakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow, type LoginBehaviour } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';

let orgA: DevOrg;
let orgB: DevOrg;
let login: LoginBehaviour;
let flow: ReturnType<typeof httpLoginFlow>;
let platform: FakePlatform;
let workstation: Workstation;
let dbName: string;
let dbCount = 0;

const policyFor = (org: DevOrg, extra: Record<string, unknown> = {}) => ({
  oktaDomain: org.url,
  clientId: org.clientId,
  ...extra,
});

function user(org: DevOrg, id: string): SeedUser {
  const found = org.org.users.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no seeded user ${id}`);
  return found;
}

function groupNames(org: DevOrg, seedUser: SeedUser): string[] {
  return seedUser.groupIds.map((id) => org.org.groups.find((group) => group.id === id)!.name);
}

/** A group the demo admin is in and the demo employee is not. */
function adminOnlyGroup(org: DevOrg): string {
  const employeeGroups = new Set(groupNames(org, user(org, org.org.demo.employee)));
  const group = groupNames(org, user(org, org.org.demo.admin)).find((name) => !employeeGroups.has(name));
  if (!group) throw new Error('the seed gives the admin no group of their own');
  return group;
}

function signInAs(org: DevOrg, id: string): void {
  login = { username: user(org, id).profile.login, password: org.org.password };
}

/** A background with nothing but managed policy: no build defaults. */
function start(policy: unknown): void {
  flow = httpLoginFlow(REDIRECT_URI, () => login);
  platform = fakePlatform(flow, { policy });
  dbCount += 1;
  dbName = `policy-test-${dbCount}`;
  workstation = new Workstation(platform, {}, dbName);
}

async function setPolicy(policy: unknown): Promise<void> {
  platform.policy = policy;
  await workstation.reloadConfig();
}

async function storedCounts(): Promise<{ apps: number; people: number; launches: number }> {
  const db = await openDB(dbName);
  try {
    const count = (store: string) => (db.objectStoreNames.contains(store) ? db.count(store as never) : 0);
    return { apps: await count('apps'), people: await count('people'), launches: await count('launches') };
  } finally {
    db.close();
  }
}

async function introspect(org: DevOrg, token: string): Promise<{ active: boolean }> {
  const response = await fetch(`${org.url}/oauth2/v1/introspect`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, client_id: org.clientId }).toString(),
  });
  return (await response.json()) as { active: boolean };
}

const storedRefreshToken = () =>
  (platform.local.values.get('auth.session') as { refreshToken: string } | undefined)?.refreshToken;

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([
    startDevOrg({ port: 0, people: 150, apps: 30, seed: 3, quiet: true }),
    startDevOrg({ port: 0, people: 60, apps: 20, seed: 4, quiet: true, clientId: '0oaotherorg' }),
  ]);
});

afterAll(async () => {
  await Promise.all([orgA?.close(), orgB?.close()]);
});

beforeEach(() => {
  resetFaults(orgA.faults);
  resetFaults(orgB.faults);
  signInAs(orgA, orgA.org.demo.admin);
});

describe('an org chosen by policy alone', () => {
  it('signs in to the org policy names, with no build defaults', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(true);
    expect(flow.launches[0]).toMatch(new RegExp(`^${orgA.url}/`));
    expect(state.policy?.settings.find((s) => s.key === 'oktaDomain')).toMatchObject({ locked: true });
  });
});

describe('a new oktaDomain or clientId while signed in', () => {
  it('revokes the old tokens, deletes every record, and asks to sign in to the new org', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    expect((await storedCounts()).apps).toBeGreaterThan(0);
    const oldRefreshToken = storedRefreshToken()!;

    await setPolicy(policyFor(orgB));

    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.orgHost).toBe(new URL(orgB.url).host);
    expect(state.error?.code).toBe('ORG_CHANGED');
    expect(state.error?.message).toMatch(/Sign in again/);
    expect(await storedCounts()).toEqual({ apps: 0, people: 0, launches: 0 });
    expect(platform.local.values.has('auth.session')).toBe(false);
    expect(await introspect(orgA, oldRefreshToken)).toMatchObject({ active: false });
    expect(await workstation.handlers.search({ query: 'salesforce' }, {})).toEqual([]);
    expect(platform.broadcasts.length).toBeGreaterThan(0);

    signInAs(orgB, orgB.org.demo.admin);
    const again = await workstation.handlers.signIn({}, {});
    expect(again.session.signedIn).toBe(true);
    expect(flow.launches.at(-1)).toMatch(new RegExp(`^${orgB.url}/`));
  });

  it('treats a new clientId on the same org as another org', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    await setPolicy(policyFor(orgA, { clientId: '0oasomeotherapp' }));
    expect((await workstation.viewState()).session.signedIn).toBe(false);
    expect((await storedCounts()).apps).toBe(0);
  });

  it('keeps the session and data when managed storage answers empty or fails (a slow browser start)', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const before = await storedCounts();

    await setPolicy({});
    platform.managedPolicy = {
      read: async () => {
        throw new Error('Managed storage manifest not found');
      },
    };
    await workstation.reloadConfig();
    // A worker woken later starts from the last good policy too.
    const restarted = new Workstation(platform, {}, dbName);
    await restarted.reloadConfig();

    for (const background of [workstation, restarted]) {
      const state = await background.viewState();
      expect(state.session.signedIn).toBe(true);
      expect(state.orgHost).toBe(new URL(orgA.url).host);
      expect(state.error).toBeUndefined();
    }
    expect(await storedCounts()).toEqual(before);
  });

  it('keeps everything when only a setting other than the org changes', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    await setPolicy(policyFor(orgA, { syncIntervalMinutes: 30 }));
    expect((await workstation.viewState()).session.signedIn).toBe(true);
    expect(platform.alarms.get('workstation-sync')?.periodMinutes).toBe(30);
  });
});

describe('allowedGroups', () => {
  it('refuses someone outside the groups with one sentence, and stores nothing', async () => {
    start(policyFor(orgA, { allowedGroups: [adminOnlyGroup(orgA)] }));
    await workstation.reloadConfig();
    signInAs(orgA, orgA.org.demo.employee);

    const state = await workstation.handlers.signIn({}, {});
    await workstation.startSync();

    expect(state.session.signedIn).toBe(false);
    expect(state.error).toEqual({
      code: 'AUTH_NOT_ENABLED',
      message: 'Your organization has not enabled Workstation for your account.',
    });
    expect(await storedCounts()).toEqual({ apps: 0, people: 0, launches: 0 });
    expect(
      [...platform.local.values.keys()].filter((key) => /^(auth\.session|data\.owner|sync\.)/.test(key)),
    ).toEqual([]);
    expect([...platform.session.values.keys()]).toEqual([]);
    expect(await workstation.handlers.search({ query: 'salesforce' }, {})).toEqual([]);
    expect(
      await omniboxInputChanged(workstation, 'salesforce', platform.omnibox.setDefaultSuggestion),
    ).toEqual([]);
    // No appLinks or users call ever left for Okta.
    expect(platform.alarms.has('workstation-sync')).toBe(false);
  });

  it('lets a member in, and the next person can choose another account', async () => {
    start(policyFor(orgA, { allowedGroups: [adminOnlyGroup(orgA).toUpperCase()] }));
    await workstation.reloadConfig();
    signInAs(orgA, orgA.org.demo.employee);
    await workstation.handlers.signIn({}, {});
    signInAs(orgA, orgA.org.demo.admin);
    const state = await workstation.handlers.signIn({}, {});
    expect(new URL(flow.launches[1]!).searchParams.get('prompt')).toBe('login');
    expect(state.session.signedIn).toBe(true);
    await workstation.startSync();
    expect((await storedCounts()).apps).toBeGreaterThan(0);
  });

  it('signs out and deletes everything when a refresh shows the person left the groups', async () => {
    const group = adminOnlyGroup(orgA);
    const admin = user(orgA, orgA.org.demo.admin);
    const groupId = orgA.org.groups.find((candidate) => candidate.name === group)!.id;
    start(policyFor(orgA, { allowedGroups: [group] }));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    expect((await storedCounts()).apps).toBeGreaterThan(0);

    // The dev org reads memberships when it mints a token, so a change here shows in the next ID token.
    const memberships = admin.groupIds as string[];
    const before = [...memberships];
    memberships.splice(memberships.indexOf(groupId), 1);
    try {
      platform.clockMs += 2 * 60 * 60 * 1000;
      await workstation.startSync();
    } finally {
      memberships.splice(0, memberships.length, ...before);
    }

    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_NOT_ENABLED');
    expect(await storedCounts()).toEqual({ apps: 0, people: 0, launches: 0 });
    expect(platform.local.values.has('auth.session')).toBe(false);
  });

  it('signs out a signed-in non-member as soon as policy names the groups', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    signInAs(orgA, orgA.org.demo.employee);
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    await setPolicy(policyFor(orgA, { allowedGroups: [adminOnlyGroup(orgA)] }));
    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_NOT_ENABLED');
    expect(await storedCounts()).toEqual({ apps: 0, people: 0, launches: 0 });
  });
});

describe('peopleSearch: false', () => {
  it('hides people from search and the omnibox, and deletes the saved directory', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const colleague = orgA.org.users.find((u) => u.status === 'ACTIVE' && u.id !== orgA.org.demo.admin)!;
    const query = colleague.profile.email;
    expect((await workstation.handlers.search({ query }, {}))[0]).toMatchObject({ kind: 'person' });

    await setPolicy(policyFor(orgA, { peopleSearch: false }));

    expect(await workstation.handlers.search({ query }, {})).toEqual([]);
    const rows = await omniboxInputChanged(workstation, query, platform.omnibox.setDefaultSuggestion);
    expect(rows.some((row) => row.content.startsWith('mailto:'))).toBe(false);
    expect(platform.defaultSuggestion).not.toContain(colleague.profile.displayName);
    expect((await storedCounts()).people).toBe(0);
    expect((await workstation.viewState()).peopleSearch).toBe(false);
    // Apps still work.
    expect((await workstation.handlers.search({ query: 'salesforce' }, {}))[0]).toMatchObject({
      kind: 'app',
    });

    await workstation.startSync();
    expect((await storedCounts()).people).toBe(0);
  });
});

describe('pinnedApps', () => {
  it('puts the pinned apps first in quick actions, in policy order, by label or app instance id', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const unpinned = (await workstation.handlers.quickActionsView(undefined, {})).tiles;
    const last = unpinned.at(-1)!;
    const admin = user(orgA, orgA.org.demo.admin);
    const byId = orgA.org.apps.find(
      (app) =>
        admin.appInstanceIds.includes(app.appInstanceId) &&
        app.links.length === 1 &&
        app.label !== last.label,
    )!;

    await setPolicy(policyFor(orgA, { pinnedApps: [last.label.toLowerCase(), byId.appInstanceId] }));

    const pinned = (await workstation.handlers.quickActionsView(undefined, {})).tiles;
    expect(pinned.slice(0, 2).map((app) => app.label)).toEqual([last.label, byId.links[0]!.label]);
  });
});

describe('directoryUrl', () => {
  it('resyncs at once when policy names another directory', async () => {
    start(policyFor(orgA));
    await workstation.reloadConfig();
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    platform.clockMs += 60_000;
    // Nothing answers on port 9: the resync reaching for the new directory is what shows it started.
    await setPolicy(policyFor(orgA, { directoryUrl: 'http://127.0.0.1:9/' }));
    await expect
      .poll(async () => (await workstation.viewState()).sync.error?.code)
      .toBe('DIRECTORY_UNAVAILABLE');
  });
});

describe('policy problems', () => {
  it('reaches the options page with every bad value, while the good ones work', async () => {
    start(
      policyFor(orgA, {
        syncIntervalMinutes: 5,
        directoryUrl: 'http://directory.example',
        clientSecret: 's3cret',
        colour: 'blue',
      }),
    );
    await workstation.reloadConfig();
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(true);
    expect(state.policy?.warnings.map((w) => w.key).sort()).toEqual([
      'colour',
      'directoryUrl',
      'syncIntervalMinutes',
    ]);
    expect(state.policy?.clientSecretWarning).toMatch(/never used/);
    expect(JSON.stringify(state)).not.toContain('s3cret');
  });
});
