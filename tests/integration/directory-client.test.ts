import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetFaults, startDevOrg, type DevOrg, type SeedUser } from '@/dev/org/index';
import { Workstation } from '@/lib/background/workstation';
import { loadConfig, startDirectory, type Directory } from '@/server/index';
import { fakePlatform, type FakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';

let devOrg: DevOrg;
let directory: Directory;
let dir: string;
let platform: FakePlatform;
let workstation: Workstation;
let requests: string[];
let flow: ReturnType<typeof httpLoginFlow>;
let dbCount = 0;

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 400, apps: 40, seed: 21, quiet: true });
  dir = await mkdtemp(join(tmpdir(), 'workstation-directory-client-'));
  directory = await startDirectory(
    loadConfig({
      OKTA_DOMAIN: devOrg.url,
      OKTA_CLIENT_ID: devOrg.clientId,
      OKTA_API_TOKEN: devOrg.service.apiToken,
      PORT: '0',
      DATABASE_PATH: join(dir, 'directory.sqlite'),
    }),
    { log: () => undefined, schedule: false },
  );
  await directory.sync('full');
});

afterAll(async () => {
  await directory?.close();
  await devOrg?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function login(userId: string) {
  const user = devOrg.org.users.find((candidate) => candidate.id === userId)!;
  return { username: user.profile.login, password: devOrg.org.password };
}

function activeColleague(n: number): SeedUser {
  return devOrg.org.users.filter(
    (user) => user.status === 'ACTIVE' && !Object.values(devOrg.org.demo).includes(user.id),
  )[n]!;
}

function newWorkstation(directoryUrl = directory.url): Workstation {
  flow = httpLoginFlow(REDIRECT_URI, () => login(devOrg.org.demo.employee));
  platform = fakePlatform(flow);
  const realFetch = platform.fetch;
  platform.fetch = async (input, init) => {
    requests.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  };
  dbCount += 1;
  return new Workstation(
    platform,
    { oktaDomain: devOrg.url, clientId: devOrg.clientId, directoryUrl },
    `directory-client-${dbCount}`,
  );
}

beforeEach(() => {
  resetFaults(devOrg.faults);
  requests = [];
  workstation = newWorkstation();
});

describe('people from the directory service', () => {
  it('lets an employee without an admin role find colleagues, without asking Okta for okta.users.read', async () => {
    const state = await workstation.handlers.signIn({}, {});
    expect(state.hostOrigins).toContain(`${new URL(directory.url).origin}/*`);
    const scopes = new URL(flow.launches[0]!).searchParams.get('scope')!.split(' ');
    expect(scopes).toContain('okta.users.read.self');
    expect(scopes).not.toContain('okta.users.read');
    await workstation.startSync();
    const after = await workstation.viewState();
    expect(after.sync.error).toBeUndefined();
    expect(after.peopleNote).toBeUndefined();
    expect(after.sync.people).toBe(directory.store.count());
    expect(requests.some((url) => url.startsWith(`${devOrg.url}/api/v1/users?`))).toBe(false);

    const colleague = activeColleague(3);
    const [found] = await workstation.handlers.search({ query: colleague.profile.email }, {});
    expect(found).toMatchObject({ kind: 'person', id: colleague.id, email: colleague.profile.email });
  });

  it('takes changes by cursor after the snapshot: an update arrives and a deactivated person goes', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const renamed = activeColleague(10);
    const leaver = activeColleague(11);
    devOrg.updateUser(renamed.id, { title: 'Head of Cursors' });
    devOrg.deactivateUser(leaver.id);
    await directory.sync('delta');

    requests = [];
    await workstation.startSync();
    expect(requests.filter((url) => url.startsWith(`${directory.url}/v1/people`))).toEqual([
      expect.stringContaining('/v1/people/changes?since='),
    ]);
    const [found] = await workstation.handlers.search({ query: renamed.profile.email }, {});
    expect(found).toMatchObject({ id: renamed.id, title: 'Head of Cursors' });
    const gone = await workstation.handlers.search({ query: leaver.profile.email }, {});
    expect(gone.some((result) => result.id === leaver.id)).toBe(false);
  });

  it('takes the snapshot again when the directory says the cursor is too old', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const realFetch = platform.fetch;
    platform.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return url.includes('/v1/people/changes')
        ? new Response(JSON.stringify({ error: 'cursor_expired' }), { status: 410 })
        : realFetch(input, init);
    };
    requests = [];
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.sync.people).toBe(directory.store.count());
    expect(requests.filter((url) => url.startsWith(`${directory.url}/v1/people`))).toEqual([
      `${directory.url}/v1/people`,
    ]);
  });

  it('keeps apps and the last people when the directory is down, says so, and tries again later', async () => {
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    const before = (await workstation.viewState()).sync.people;
    const realFetch = platform.fetch;
    platform.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith(directory.url)) throw new TypeError('fetch failed');
      return realFetch(input, init);
    };
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error?.code).toBe('DIRECTORY_UNAVAILABLE');
    expect(state.error?.message).toMatch(/directory service is not answering/);
    expect(state.sync.nextAttemptAt).toBeGreaterThan(platform.clockMs);
    expect(state.sync.people).toBe(before);
    const colleague = activeColleague(3);
    expect((await workstation.handlers.search({ query: colleague.profile.email }, {}))[0]).toMatchObject({
      id: colleague.id,
    });
  });

  it('says why people are missing when the directory’s host permission was refused, and still syncs apps', async () => {
    await workstation.handlers.signIn({}, {});
    platform.hostAccessGranted = false;
    await workstation.startSync();
    const state = await workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.sync.apps).toBeGreaterThan(0);
    expect(state.peopleNote?.code).toBe('DIRECTORY_HOST_DENIED');
    expect(requests.some((url) => url.startsWith(directory.url))).toBe(false);
  });
});
