import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { startDevOrg } from '@/dev/org/index';
import { omniboxInputChanged, omniboxInputEntered } from '@/lib/background/omnibox';
import { Workstation } from '@/lib/background/workstation';
import { resetFaults } from '@/dev/org/faults';
import { fakePlatform, type FakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow, type LoginBehaviour } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';

let devOrg: DevOrg;
let login: LoginBehaviour;
let platform: FakePlatform;
let workstation: Workstation;
let dbCount = 0;

function emailOf(userId: string): string {
  const user = devOrg.org.users.find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`no seeded user ${userId}`);
  return user.profile.login;
}

/** The links the seed assigns a user, as Okta's dashboard shows them (hidden tiles left out). */
function visibleLinksOf(userId: string): string[] {
  const user = devOrg.org.users.find((candidate) => candidate.id === userId)!;
  return devOrg.org.apps
    .filter((app) => user.appInstanceIds.includes(app.appInstanceId))
    .flatMap((app) => app.links.filter((link) => !link.hidden).map((link) => link.label));
}

let flow: ReturnType<typeof httpLoginFlow>;

function newWorkstation(domain = devOrg.url): Workstation {
  flow = httpLoginFlow(REDIRECT_URI, () => login);
  platform = fakePlatform(flow, { policy: {} });
  dbCount += 1;
  return new Workstation(
    platform,
    { oktaDomain: domain, clientId: devOrg.clientId },
    `workstation-test-${dbCount}`,
  );
}

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 400, apps: 60, seed: 7, quiet: true });
});

afterAll(async () => {
  await devOrg?.close();
});

beforeEach(() => {
  resetFaults(devOrg.faults);
  login = { username: emailOf(devOrg.org.demo.admin), password: devOrg.org.password };
  workstation = newWorkstation();
});

describe('an employee signing in and searching', () => {
  it('signs in through the login page, syncs every app and person, and finds them', async () => {
    expect((await workstation.viewState()).session.signedIn).toBe(false);

    const afterSignIn = await workstation.handlers.signIn({}, {});
    expect(afterSignIn.error).toBeUndefined();
    expect(afterSignIn.session).toMatchObject({ signedIn: true, email: emailOf(devOrg.org.demo.admin) });
    await workstation.startSync();

    const state = await workstation.viewState();
    const activePeople = devOrg.org.users.filter((user) => user.status === 'ACTIVE').length;
    expect(state.sync).toMatchObject({
      phase: 'idle',
      apps: visibleLinksOf(devOrg.org.demo.admin).length,
      people: activePeople,
    });
    expect(state.sync.error).toBeUndefined();

    const [topApp] = await workstation.handlers.search({ query: 'salesforce' }, {});
    expect(topApp).toMatchObject({ kind: 'app', label: 'Salesforce' });

    const colleague = devOrg.org.users.find(
      (user) => user.status === 'ACTIVE' && user.id !== devOrg.org.demo.admin,
    )!;
    const found = await workstation.handlers.search({ query: colleague.profile.email }, {});
    expect(found[0]).toMatchObject({ kind: 'person', id: colleague.id, email: colleague.profile.email });
  });

  it('never sends an Origin on token requests, so the dev org (like Okta) accepts them', async () => {
    await workstation.handlers.signIn({}, {});
    expect([...platform.strippedOriginUrls]).toEqual(
      expect.arrayContaining([`${devOrg.url}/oauth2/v1/token`, `${devOrg.url}/oauth2/v1/revoke`]),
    );
  });

  it('answers the omnibox with the app and opens it on Enter, counting the launch for quick actions', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();

    const suggestions = await omniboxInputChanged(
      workstation,
      'slack',
      platform.omnibox.setDefaultSuggestion,
    );
    expect(platform.defaultSuggestion).toMatch(/^Open <match>Slack<\/match>/);
    const slack = suggestions[0]!;
    expect(slack.description).toContain('Slack');

    await omniboxInputEntered(workstation, slack.content, 'newForegroundTab', (url, where) =>
      platform.tabs.open(url, where),
    );
    expect(platform.opened).toEqual([{ url: slack.content, disposition: 'newForegroundTab' }]);
    const quick = (await workstation.handlers.quickActionsView(undefined, {})).tiles;
    expect(quick[0]?.linkUrl).toBe(slack.content);
  });

  it('says at once when nothing matches, with a row that Enter ignores', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const rows = await omniboxInputChanged(workstation, 'qzxvq', platform.omnibox.setDefaultSuggestion);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.description).toContain('No app or person matches');
    await omniboxInputEntered(workstation, rows[0]!.content, 'currentTab', (url, where) =>
      platform.tabs.open(url, where),
    );
    expect(platform.opened).toEqual([]);
  });

  it('acts on the typed text when Enter is pressed on the default row, and never opens a typed URL', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const open = (url: string, where: 'currentTab' | 'newForegroundTab' | 'newBackgroundTab') =>
      platform.tabs.open(url, where);
    await omniboxInputEntered(workstation, 'https://evil.example/phish', 'currentTab', open);
    expect(platform.opened).toEqual([]);
    await omniboxInputEntered(workstation, 'jira', 'currentTab', open);
    expect(platform.opened[0]?.url).toMatch(new RegExp(`^${devOrg.url}/home/`));
  });
});

describe('choosing the account', () => {
  it('asks Okta for its login page after a sign-out, so the next person can choose their account', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.handlers.signOut(undefined, {});
    await workstation.handlers.signIn({}, {});
    const [first, second] = flow.launches.map((url) => new URL(url).searchParams.get('prompt'));
    expect(first).toBeNull();
    expect(second).toBe('login');
    await workstation.handlers.signIn({ forceLogin: false }, {});
    expect(new URL(flow.launches[2]!).searchParams.get('prompt')).toBeNull();
  });

  it('asks for the login page after an unassigned account was refused, so another account can be used', async () => {
    login = { username: emailOf(devOrg.org.demo.unassigned), password: devOrg.org.password };
    await workstation.handlers.signIn({}, {});
    login = { username: emailOf(devOrg.org.demo.employee), password: devOrg.org.password };
    const state = await workstation.handlers.signIn({}, {});
    expect(new URL(flow.launches[1]!).searchParams.get('prompt')).toBe('login');
    expect(state.session).toMatchObject({ signedIn: true, email: emailOf(devOrg.org.demo.employee) });
  });
});

describe('sign-in that goes wrong', () => {
  it('says the sign-in was cancelled, stores nothing, and the next attempt works', async () => {
    login = { ...login, cancel: true };
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_CANCELLED');
    expect(state.error?.message).toContain(REDIRECT_URI);
    expect(platform.local.values.has('auth.session')).toBe(false);

    login = { ...login, cancel: false };
    const again = await workstation.handlers.signIn({}, {});
    expect(again.session.signedIn).toBe(true);
    expect(again.error).toBeUndefined();
  });

  it('tells a user who is not assigned to the app to ask their admin', async () => {
    login = { username: emailOf(devOrg.org.demo.unassigned), password: devOrg.org.password };
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(false);
    expect(state.error).toMatchObject({ code: 'AUTH_NOT_ASSIGNED' });
    expect(state.error?.message).toMatch(/not assigned/);
  });

  it('says an unreachable Okta domain cannot be reached, naming it', async () => {
    workstation = newWorkstation('http://127.0.0.1:9');
    const state = await workstation.handlers.signIn({}, {});
    expect(state.error).toMatchObject({ code: 'AUTH_PAGE_UNREACHABLE' });
    expect(state.error?.message).toContain('127.0.0.1:9');
  });

  it('explains a mistyped client id before any window opens', async () => {
    platform = fakePlatform(httpLoginFlow(REDIRECT_URI, () => login));
    workstation = new Workstation(
      platform,
      { oktaDomain: devOrg.url, clientId: '0oa-typo' },
      'workstation-typo',
    );
    const state = await workstation.handlers.signIn({}, {});
    expect(state.error?.code).toBe('CONFIG_INVALID');
  });

  it('says how to fix a domain that is not a valid Okta address, without trying to sign in', async () => {
    workstation = newWorkstation('http://acme.okta.com');
    const state = await workstation.viewState();
    expect(state.configError?.code).toBe('CONFIG_INVALID');
    const after = await workstation.handlers.signIn({}, {});
    expect(after.session.signedIn).toBe(false);
  });
});

describe('people for employees without an admin role', () => {
  it('syncs their apps and says why people are missing', async () => {
    login = { username: emailOf(devOrg.org.demo.employee), password: devOrg.org.password };
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.apps).toBe(visibleLinksOf(devOrg.org.demo.employee).length);
    expect(state.sync.people).toBe(0);
    expect(state.peopleNote?.code).toBe('OKTA_FORBIDDEN');
    expect(state.sync.error).toBeUndefined();
  });
});

describe('a session over time', () => {
  it('refreshes an expired access token with the rotated refresh token and keeps syncing', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const before = (platform.local.values.get('auth.session') as { refreshToken: string }).refreshToken;
    platform.clockMs += 2 * 60 * 60 * 1000;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.session.signedIn).toBe(true);
    const after = (platform.local.values.get('auth.session') as { refreshToken: string }).refreshToken;
    expect(after).not.toBe(before);
  });

  it('signs out and deletes the people directory at once when Okta no longer accepts the refresh token', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    devOrg.faults.expireRefreshTokens = true;
    platform.clockMs += 2 * 60 * 60 * 1000;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_EXPIRED');
    expect(state.sync.people).toBe(0);
  });

  it('keeps the last good data when a sync fails, and says so', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    devOrg.faults.serverErrorNext = 1;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error?.code).toBe('OKTA_SERVER');
    const [top] = await workstation.handlers.search({ query: 'salesforce' }, {});
    expect(top).toMatchObject({ kind: 'app', label: 'Salesforce' });
  });

  it('revokes the tokens and deletes every record on sign-out', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const refreshToken = (platform.local.values.get('auth.session') as { refreshToken: string }).refreshToken;
    const state = await workstation.handlers.signOut(undefined, {});
    expect(state.session.signedIn).toBe(false);
    expect(await workstation.handlers.search({ query: 'salesforce' }, {})).toEqual([]);
    expect(platform.local.values.has('auth.session')).toBe(false);

    const introspection = await fetch(`${devOrg.url}/oauth2/v1/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: devOrg.clientId }).toString(),
    });
    expect(await introspection.json()).toMatchObject({ active: false });
  });
});

describe('managed policy at browser start', () => {
  it('answers pages at once while managed storage is slow, then applies the policy when it answers', async () => {
    let answer: (value: unknown) => void = () => undefined;
    platform = fakePlatform(httpLoginFlow(REDIRECT_URI, () => login));
    platform.managedPolicy = { read: () => new Promise((resolve) => (answer = resolve)) };
    workstation = new Workstation(
      platform,
      { oktaDomain: devOrg.url, clientId: devOrg.clientId },
      'slow-policy',
    );

    const first = await workstation.viewState();
    expect(first.orgHost).toBe(new URL(devOrg.url).host);

    answer({ oktaDomain: 'acme.okta.com', clientId: '0oaACME' });
    await vi.waitFor(async () => expect((await workstation.viewState()).orgHost).toBe('acme.okta.com'));
    expect(platform.broadcasts).not.toHaveLength(0);
  });
});
