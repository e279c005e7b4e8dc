import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { startDevOrg } from '@/dev/org/index';
import { resetFaults } from '@/dev/org/faults';
import { RESUME_ALARM } from '@/lib/background/sync-runner';
import { Workstation } from '@/lib/background/workstation';
import { openWorkstationDb } from '@/lib/db/schema';
import { fakePlatform, type FakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';
const PEOPLE = 1_000;

let devOrg: DevOrg;
let dbName: string;
let dbCount = 0;

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: PEOPLE, apps: 40, seed: 11, quiet: true });
});
afterAll(async () => {
  await devOrg?.close();
});
beforeEach(() => {
  resetFaults(devOrg.faults);
  dbCount += 1;
  dbName = `sync-test-${dbCount}`;
});

function activeIds(): string[] {
  return devOrg.org.users.filter((user) => user.status === 'ACTIVE').map((user) => user.id);
}

/**
 * A signed-in background. A second call with the same platform is a restarted worker: same storage
 * and database, nothing in memory.
 */
async function signedIn(
  existing?: FakePlatform,
): Promise<{ platform: FakePlatform; workstation: Workstation }> {
  const admin = devOrg.org.users.find((user) => user.id === devOrg.org.demo.admin)!;
  const platform =
    existing ??
    fakePlatform(
      httpLoginFlow(REDIRECT_URI, () => ({ username: admin.profile.login, password: devOrg.org.password })),
    );
  const workstation = new Workstation(
    platform,
    { oktaDomain: devOrg.url, clientId: devOrg.clientId },
    dbName,
  );
  if (!existing) await workstation.handlers.signIn({}, {});
  return { platform, workstation };
}

/** Counts `/api/v1/users` requests; the n-th (1-based), if given, fails the way `failure` says. */
function watchUsersPages(platform: FakePlatform, n?: number, failure?: 'network' | 'server') {
  const counter = { users: 0 };
  const realFetch = platform.fetch;
  platform.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/api/v1/users?')) {
      counter.users += 1;
      if (counter.users === n) {
        if (failure === 'network') throw new TypeError('Failed to fetch');
        devOrg.faults.serverErrorNext = 1;
      }
    }
    return realFetch(input, init);
  };
  return counter;
}

async function storedPeopleIds(): Promise<string[]> {
  const db = await openWorkstationDb(dbName);
  const ids = (await db.getAll('people')).map((person) => person.id);
  db.close();
  return ids;
}

describe('a people sync interrupted between pages', () => {
  for (const failure of ['network', 'server'] as const) {
    for (const stopAfter of [1, 2, 3, 4]) {
      it(`resumes after a ${failure} failure at page ${stopAfter + 1}: nothing lost, nothing twice, old data served meanwhile`, async () => {
        const { platform, workstation } = await signedIn();
        await workstation.startSync();
        const before = (await workstation.viewState()).sync.people;
        expect(before).toBe(activeIds().length);

        // Someone joins; the next sync is a full pass (a new source id forces one) that fails midway.
        await platform.local.remove('sync.status');
        const db = await openWorkstationDb(dbName);
        await db.delete('meta', 'sync.people.state');
        db.close();
        const counter = watchUsersPages(platform, stopAfter + 1, failure);
        await workstation.startSync();
        const failed = await workstation.viewState();
        expect(failed.sync.error?.code).toBe(failure === 'network' ? 'NETWORK' : 'OKTA_SERVER');
        expect(failed.sync.nextAttemptAt).toBeGreaterThan(platform.clockMs);
        expect(platform.alarms.get(RESUME_ALARM)?.when).toBe(failed.sync.nextAttemptAt);
        // The previous directory is still in service.
        expect((await storedPeopleIds()).length).toBe(before);
        const someone = devOrg.org.users.find(
          (user) => user.status === 'ACTIVE' && user.id !== devOrg.org.demo.admin,
        )!;
        expect((await workstation.handlers.search({ query: someone.profile.email }, {}))[0]).toMatchObject({
          id: someone.id,
        });

        // A restarted worker resumes from the saved cursor when the alarm fires.
        const pagesBefore = counter.users;
        const restarted = await signedIn(platform);
        await restarted.workstation.startSync();
        const done = await restarted.workstation.viewState();
        expect(done.sync.error).toBeUndefined();
        const ids = await storedPeopleIds();
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(activeIds().sort());
        const pagesTotal = Math.ceil(
          devOrg.org.users.filter((user) => user.status !== 'DEPROVISIONED').length / 200,
        );
        expect(counter.users - pagesBefore).toBe(pagesTotal - stopAfter);
        expect(platform.alarms.has(RESUME_ALARM)).toBe(false);
      });
    }
  }
});

describe('rate limits', () => {
  it('waits out a short 429 until Okta’s reset and finishes in the same run', async () => {
    const { platform, workstation } = await signedIn();
    devOrg.faults.rateLimitNext = 1;
    devOrg.faults.rateLimitResetSeconds = 5;
    const clockBefore = platform.clockMs;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.sync.people).toBe(activeIds().length);
    expect(platform.sleeps.some((ms) => ms > 0 && ms <= 20_000)).toBe(true);
    expect(platform.clockMs).toBeGreaterThan(clockBefore);
  });

  it('leaves a long 429 to an alarm at Okta’s reset time and resumes from the saved cursor', async () => {
    const { platform, workstation } = await signedIn();
    await workstation.startSync();
    await platform.local.remove('sync.status');
    const db = await openWorkstationDb(dbName);
    await db.delete('meta', 'sync.people.state');
    db.close();

    const counter = watchUsersPages(platform);
    // The third users page answers 429 with a reset a few minutes ahead (the dev org's own clock).
    const realFetch = platform.fetch;
    platform.fetch = async (input, init) => {
      if (counter.users === 2) {
        devOrg.faults.rateLimitNext = 1;
        devOrg.faults.rateLimitResetSeconds = 300;
      }
      return realFetch(input, init);
    };
    await workstation.startSync();
    const waiting = await workstation.viewState();
    expect(waiting.sync.error?.code).toBe('OKTA_RATE_LIMITED');
    const resetAt = waiting.sync.nextAttemptAt ?? 0;
    expect(resetAt).toBeGreaterThan(Date.now() + 250_000);
    expect(platform.alarms.get(RESUME_ALARM)?.when).toBe(resetAt);

    // "Sync now" before the reset asks Okta nothing; the alarm at the reset resumes.
    const requestsBefore = counter.users;
    await workstation.startSync();
    expect(counter.users).toBe(requestsBefore);
    platform.clockMs = resetAt + 1;
    await workstation.startSync();
    expect((await workstation.viewState()).sync.error).toBeUndefined();
    expect(counter.users - requestsBefore).toBe(Math.ceil(PEOPLE / 200) - 2);
    expect((await storedPeopleIds()).sort()).toEqual(activeIds().sort());
  });
});

describe('delta sync', () => {
  it('brings changes, adds and removals with a delta, and asks Okta for only what changed', async () => {
    const { platform, workstation } = await signedIn();
    await workstation.startSync();
    const active = devOrg.org.users.filter(
      (user) => user.status === 'ACTIVE' && user.id !== devOrg.org.demo.admin,
    );
    const [renamed, leaver, paused] = active;
    devOrg.updateUser(renamed!.id, { title: 'Chief Delta Officer' });
    devOrg.deactivateUser(leaver!.id);
    devOrg.suspendUser(paused!.id);

    const urls: string[] = [];
    const realFetch = platform.fetch;
    platform.fetch = async (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    await workstation.startSync();

    const usersCalls = urls.filter((url) => url.includes('/api/v1/users?'));
    expect(usersCalls).toHaveLength(1);
    expect(decodeURIComponent(usersCalls[0]!)).toContain('search=lastUpdated gt "');
    const ids = await storedPeopleIds();
    expect(ids).not.toContain(leaver!.id);
    expect(ids).not.toContain(paused!.id);
    const [found] = await workstation.handlers.search({ query: renamed!.profile.email }, {});
    expect(found).toMatchObject({ kind: 'person', id: renamed!.id, title: 'Chief Delta Officer' });
  });
});

describe('the database', () => {
  it('keeps apps, people and launches when it upgrades from the first version', async () => {
    const name = `upgrade-${dbCount}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('apps', { keyPath: 'id' });
        db.createObjectStore('people', { keyPath: 'id' });
        db.createObjectStore('launches', { keyPath: 'appId' });
        db.createObjectStore('meta');
      },
    });
    await v1.put('apps', {
      id: '0oa1 https://a.example/1',
      appInstanceId: '0oa1',
      label: 'Jira',
      linkUrl: 'https://a.example/1',
      appName: 'jira',
      sortOrder: 0,
    });
    await v1.put('people', { id: '00u1', displayName: 'Ada Lovelace' });
    await v1.put('launches', { appId: '0oa1 https://a.example/1', count: 3, lastLaunchedAt: 1 });
    v1.close();

    const db = await openWorkstationDb(name);
    expect(await db.count('apps')).toBe(1);
    expect(await db.count('people')).toBe(1);
    expect((await db.get('launches', '0oa1 https://a.example/1'))?.count).toBe(3);
    expect(db.objectStoreNames.contains('staging')).toBe(true);
    db.close();
  });
});
