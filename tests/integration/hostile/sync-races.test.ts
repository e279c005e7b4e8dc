import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { isUsersList, makeHarness, startOrg, type Harness } from './harness';

let devOrg: DevOrg;
let h: Harness;

beforeAll(async () => {
  devOrg = await startOrg();
});
afterAll(async () => {
  await devOrg?.close();
});
beforeEach(() => {
  h = makeHarness(devOrg);
});

/**
 * Holds the first request matching `which`: Okta answers it at once (with the token valid at that
 * moment), but the answer reaches the product only when released — an answer in flight.
 * `reached` resolves when the request has been answered by Okta.
 */
function gate(which: (url: URL) => boolean) {
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  let used = false;
  h.routes.push(async (url, init) => {
    if (used || !which(url)) return undefined;
    used = true;
    const answer = await fetch(url, init);
    const body = await answer.arrayBuffer();
    arrived();
    await released;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
  return { release, reached };
}

describe('sign-out while a sync is running', () => {
  it('leaves no apps or people in storage once the interrupted sync finishes', async () => {
    await h.signInAndSync();
    const held = gate(isUsersList);
    const sync = h.workstation.startSync();
    await held.reached;

    const signedOut = await h.workstation.handlers.signOut(undefined, {});
    expect(signedOut.session.signedIn).toBe(false);
    expect(await h.storedCounts()).toEqual({ apps: 0, people: 0 });

    held.release();
    await sync.catch(() => undefined);

    // DESIGN.md, "Security rules": sign-out deletes every stored record and the index.
    expect(await h.storedCounts()).toEqual({ apps: 0, people: 0 });
    const state = await h.workstation.viewState();
    expect(state.sync).toMatchObject({ apps: 0, people: 0 });
  });
});

describe('another person signing in while the previous person’s sync is running', () => {
  it('never shows the new person the previous person’s apps or people directory', async () => {
    const { admin, employee } = devOrg.org.demo;
    await h.signInAndSync(admin);
    const adminOnly = devOrg.org.apps
      .filter((app) =>
        devOrg.org.users.find((u) => u.id === admin)!.appInstanceIds.includes(app.appInstanceId),
      )
      .filter(
        (app) => !devOrg.org.users.find((u) => u.id === employee)!.appInstanceIds.includes(app.appInstanceId),
      )
      .flatMap((app) => app.links.filter((link) => !link.hidden).map((link) => link.label));
    expect(adminOnly.length).toBeGreaterThan(0);

    // The admin's next sync has fetched their apps and is waiting on the people list ...
    const held = gate(isUsersList);
    const sync = h.workstation.startSync();
    await held.reached;

    // ... when the employee uses "Sign in as someone else" on the same browser.
    h.login = { username: h.emailOf(employee), password: devOrg.org.password };
    const state = await h.workstation.handlers.signIn({ forceLogin: true }, {});
    expect(state.session).toMatchObject({ signedIn: true, email: h.emailOf(employee) });
    held.release();
    // The sync the sign-in started (it joins whatever sync is running) has ended.
    await sync.catch(() => undefined);
    // (The next sync would only come with the alarm, up to an hour later.)

    const seen: string[] = [];
    for (const label of adminOnly) {
      const rows = await h.workstation.handlers.search({ query: label, limit: 5 }, {});
      if (rows.some((row) => row.kind === 'app' && row.label === label)) seen.push(label);
    }
    expect(seen).toEqual([]);
    // The employee has no admin role: they must not get the admin's people directory either.
    const colleague = devOrg.org.users.find(
      (u) => u.status === 'ACTIVE' && u.id !== admin && u.id !== employee,
    )!;
    const people = await h.workstation.handlers.search({ query: colleague.profile.email }, {});
    expect(people.filter((row) => row.kind === 'person')).toEqual([]);
  });
});
