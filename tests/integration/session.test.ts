import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { startDevOrg } from '@/dev/org/index';
import { resetFaults } from '@/dev/org/faults';
import { SessionManager } from '@/lib/auth/session';
import { RESUME_ALARM } from '@/lib/background/sync-runner';
import { Workstation } from '@/lib/background/workstation';
import { fakePlatform, type FakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';
const HOURS_2 = 2 * 60 * 60 * 1000;

let devOrg: DevOrg;
let platform: FakePlatform;
let flow: ReturnType<typeof httpLoginFlow>;
let workstation: Workstation;
let tokenRequests: string[];
let dbCount = 0;

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 300, apps: 40, seed: 5, quiet: true });
});
afterAll(async () => {
  await devOrg?.close();
});

function adminLogin() {
  const admin = devOrg.org.users.find((user) => user.id === devOrg.org.demo.admin)!;
  return { username: admin.profile.login, password: devOrg.org.password };
}

/** Counts the grant types sent to the token endpoint through a platform's fetch. */
function countTokenRequests(target: FakePlatform): void {
  const realFetch = target.fetch;
  target.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/oauth2/v1/token'))
      tokenRequests.push(new URLSearchParams(String(init?.body)).get('grant_type') ?? '');
    return realFetch(input, init);
  };
}

function newWorkstation(redirectUri = REDIRECT_URI): Workstation {
  flow = httpLoginFlow(redirectUri, adminLogin);
  platform = fakePlatform(flow);
  countTokenRequests(platform);
  dbCount += 1;
  return new Workstation(
    platform,
    { oktaDomain: devOrg.url, clientId: devOrg.clientId },
    `session-test-${dbCount}`,
  );
}

const refreshes = () => tokenRequests.filter((grant) => grant === 'refresh_token').length;
const org = () => ({ orgUrl: devOrg.url, clientId: devOrg.clientId });

beforeEach(() => {
  resetFaults(devOrg.faults);
  tokenRequests = [];
  workstation = newWorkstation();
});

describe('one sign-in and one refresh at a time', () => {
  it('gives ten contexts asking at once one refresh between them, with no invalid_grant even without a grace period', async () => {
    await workstation.handlers.signIn({}, {});
    devOrg.faults.refreshGraceSeconds = 0;
    platform.clockMs += HOURS_2;
    // Ten contexts (the worker and pages in several windows) share storage and Web Locks, not memory.
    const contexts = Array.from({ length: 10 }, () => new SessionManager(platform));
    const tokens = await Promise.all(contexts.map((context) => context.accessToken(org())));
    expect(new Set(tokens).size).toBe(1);
    expect(refreshes()).toBe(1);
    expect((await workstation.viewState()).session.signedIn).toBe(true);
  });

  it('lets a second sign-in request join the first instead of opening another window', async () => {
    const [first, second] = await Promise.all([
      workstation.handlers.signIn({}, {}),
      workstation.handlers.signIn({}, {}),
    ]);
    expect(flow.launches).toHaveLength(1);
    expect(first.session.signedIn && second.session.signedIn).toBe(true);
  });

  it('refreshes once and retries once when Okta answers 401 to a token it revoked', async () => {
    await workstation.handlers.signIn({}, {});
    const access = (platform.session.values.get('auth.access') as { accessToken: string }).accessToken;
    await fetch(`${devOrg.url}/oauth2/v1/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: access,
        token_type_hint: 'access_token',
        client_id: devOrg.clientId,
      }),
    });
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.sync.apps).toBeGreaterThan(0);
    expect(refreshes()).toBe(1);
  });

  it('shows when the access token expires, and renews it on its own before then', async () => {
    await workstation.handlers.signIn({}, {});
    const { session } = await workstation.viewState();
    expect(session.expiresAt).toBeGreaterThan(platform.clockMs);
    platform.clockMs = (session.expiresAt ?? 0) - 60_000;
    await workstation.startSync();
    expect(refreshes()).toBe(1);
    expect((await workstation.viewState()).session.expiresAt).toBeGreaterThan(session.expiresAt ?? 0);
  });
});

describe('when refreshing fails', () => {
  it('keeps the session through a token endpoint outage, says so, and retries on an alarm', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    platform.clockMs += HOURS_2;
    devOrg.faults.tokenServerErrorNext = 1;
    await workstation.startSync();
    const failed = await workstation.viewState();
    expect(failed.session.signedIn).toBe(true);
    expect(failed.sync.error?.code).toBe('OKTA_SERVER');
    expect(failed.error?.message).toMatch(/try again later/);
    expect(platform.alarms.get(RESUME_ALARM)?.when).toBe(failed.sync.nextAttemptAt);

    await workstation.startSync();
    expect((await workstation.viewState()).sync.error).toBeUndefined();
  });

  it('recovers when a refresh answer is lost, within Okta’s grace period for the rotated token', async () => {
    await workstation.handlers.signIn({}, {});
    platform.clockMs += HOURS_2;
    devOrg.faults.loseTokenResponseNext = 1;
    await workstation.startSync();
    const offline = await workstation.viewState();
    expect(offline.sync.error?.code).toBe('NETWORK');
    expect(offline.session.signedIn).toBe(true);

    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.session.signedIn).toBe(true);
  });

  it('without a grace period, ends the session after a lost refresh answer: "Sign in again", people deleted', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    expect((await workstation.viewState()).sync.people).toBeGreaterThan(0);
    devOrg.faults.refreshGraceSeconds = 0;
    devOrg.faults.loseTokenResponseNext = 1;
    platform.clockMs += HOURS_2;
    await workstation.startSync();
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_EXPIRED');
    expect(state.error?.message).toMatch(/Sign in again/);
    expect(state.sync.people).toBe(0);
    expect(await workstation.handlers.search({ query: 'a' }, {})).toEqual([]);
  });

  it('signs the person out at the next call once an admin revoked every token', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    devOrg.faults.revokeTokensIssuedBefore = Math.ceil(Date.now() / 1000) + 1;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_EXPIRED');
  });

  it('signs the person out when the refresh token outlived its lifetime', async () => {
    devOrg.faults.refreshTokenLifetimeSeconds = 1;
    await workstation.handlers.signIn({}, {});
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    platform.clockMs += HOURS_2;
    await workstation.startSync();
    expect((await workstation.viewState()).error?.code).toBe('AUTH_EXPIRED');
  });
});

describe('what the admin must fix', () => {
  it('says in one sentence that the Okta app demands DPoP proofs', async () => {
    devOrg.faults.requireDpop = true;
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_DPOP_REQUIRED');
    expect(state.error?.message).toMatch(/DPoP/);
  });

  it('shows the exact redirect URI to give the admin when the org does not know it', async () => {
    const unknown = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
    workstation = newWorkstation(unknown);
    const state = await workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.message).toContain(unknown);
  });
});

describe('signing out', () => {
  it('can end the Okta session too, through the logout endpoint with the ID token', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.handlers.signOut({ endOktaSession: true }, {});
    const logout = new URL(flow.launches.at(-1)!);
    expect(logout.pathname).toBe('/oauth2/v1/logout');
    expect(logout.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(REDIRECT_URI);
    expect(platform.local.values.has('auth.session')).toBe(false);
    expect(platform.session.values.has('auth.access')).toBe(false);
  });
});
