import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  EXTENSION_REDIRECT_URI,
  resetFaults,
  startDevOrg,
  type DevOrg,
  type SeedUser,
} from '../../dev/org/index';
import { authorizeOverHttp, exchangeCode } from '../../dev/org/testing/sign-in-over-http';
import type { Person } from '../../lib/records';
import { loadConfig, startDirectory, type Directory } from '../../server/index';
import { signClientAssertion } from '../../server/okta/client-assertion';
import { createPrivateKey } from 'node:crypto';

const SCOPE = 'openid profile email groups offline_access okta.users.read.self';
const quiet = { log: () => undefined };

let devOrg: DevOrg;
let dir: string;
let directory: Directory;
let employeeToken: string;
let adminToken: string;
/** Every Okta call the main directory made: what came back and when. */
const calls: { url: string; status: number; at: number; reset: number }[] = [];

async function signIn(org: DevOrg, username: string): Promise<string> {
  const result = await authorizeOverHttp({
    issuer: org.url,
    clientId: org.clientId,
    redirectUri: EXTENSION_REDIRECT_URI,
    username,
    password: DEMO_PASSWORD,
    scope: SCOPE,
  });
  return (await exchangeCode(result, EXTENSION_REDIRECT_URI)).access_token;
}

function env(org: DevOrg, extra: Record<string, string>): Record<string, string> {
  return {
    OKTA_DOMAIN: org.url,
    OKTA_CLIENT_ID: org.clientId,
    OKTA_API_TOKEN: org.service.apiToken,
    PORT: '0',
    ...extra,
  };
}

async function get(url: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

async function snapshot(base: string, token: string) {
  const answer = await get(`${base}/v1/people`, token);
  return { ...answer, body: answer.json as { cursor: string; people: Person[] } };
}

const shown = (users: readonly SeedUser[]) =>
  users
    .filter((user) => user.status !== 'DEPROVISIONED' && user.status !== 'SUSPENDED')
    .map((user) => user.id);

let colleagues: SeedUser[] = [];
/** The n-th ordinary active employee of the seed (not a demo account); each test changes its own. */
function colleague(n: number): SeedUser {
  const found = colleagues[n];
  if (!found) throw new Error('the seed has too few active users');
  return found;
}

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 300, apps: 10, quiet: true });
  dir = await mkdtemp(join(tmpdir(), 'directory-test-'));
  const demo = new Set(Object.values(devOrg.org.demo));
  colleagues = devOrg.org.users.filter((user) => user.status === 'ACTIVE' && !demo.has(user.id));
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    calls.push({
      url: String(input),
      status: response.status,
      at: Date.now(),
      reset: Number(response.headers.get('x-rate-limit-reset')),
    });
    return response;
  };
  const config = loadConfig(env(devOrg, { DATABASE_PATH: join(dir, 'main.sqlite') }));
  [directory, employeeToken, adminToken] = await Promise.all([
    startDirectory(config, { ...quiet, schedule: false, fetch: recordingFetch }),
    signIn(devOrg, DEMO_LOGINS.employee),
    signIn(devOrg, DEMO_LOGINS.admin),
  ]);
  await directory.sync('full');
});
afterAll(async () => {
  await directory?.close();
  await devOrg?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => resetFaults(devOrg.faults));

describe('the directory snapshot', () => {
  it('gives an employee every active user of the org, gzipped, without deactivated or suspended users', async () => {
    const answer = await snapshot(directory.url, employeeToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.body.people.map((person) => person.id).sort()).toEqual(shown(devOrg.org.users).sort());
    const employee = answer.body.people.find((person) => person.id === devOrg.org.demo.employee);
    expect(employee).toMatchObject({ displayName: expect.any(String), email: DEMO_LOGINS.employee });
    expect(Object.keys(employee ?? {})).not.toContain('login');
  });

  it('answers 304 to the same ETag, and sends a new ETag once someone changes', async () => {
    const first = await get(`${directory.url}/v1/people`, employeeToken);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await get(`${directory.url}/v1/people`, employeeToken, { 'if-none-match': etag });
    expect(again.status).toBe(304);

    devOrg.updateUser(colleague(0).id, { title: 'Chief Etag Officer' });
    await directory.sync('delta');
    const changed = await get(`${directory.url}/v1/people`, employeeToken, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('deltas', () => {
  it('puts a changed user in the next changes and a deactivated or suspended one in the removed ids', async () => {
    const { body } = await snapshot(directory.url, employeeToken);
    const [changed, deactivated, suspended] = [colleague(1), colleague(2), colleague(3)];
    devOrg.updateUser(changed.id, { title: 'Head of Deltas' });
    devOrg.deactivateUser(deactivated.id);
    devOrg.suspendUser(suspended.id);
    const result = await directory.sync('delta');
    expect(result).toMatchObject({ kind: 'delta', changed: 3 });

    const changes = await get(
      `${directory.url}/v1/people/changes?since=${encodeURIComponent(body.cursor)}`,
      employeeToken,
    );
    expect(changes.status).toBe(200);
    const delta = changes.json as { cursor: string; upserts: Person[]; removed: string[] };
    expect(delta.upserts.map((person) => [person.id, person.title])).toEqual([
      [changed.id, 'Head of Deltas'],
    ]);
    expect(delta.removed.sort()).toEqual([deactivated.id, suspended.id].sort());
    expect(delta.cursor).not.toBe(body.cursor);

    const nothing = await get(
      `${directory.url}/v1/people/changes?since=${encodeURIComponent(delta.cursor)}`,
      employeeToken,
    );
    expect(nothing.json).toEqual({ cursor: delta.cursor, upserts: [], removed: [] });
  });

  it('misses a user deleted for good in a delta, and removes them in the next full pass', async () => {
    const { body } = await snapshot(directory.url, employeeToken);
    const deleted = colleague(4);
    devOrg.deleteUser(deleted.id);
    expect((await directory.sync('delta')).changed).toBe(0);
    expect((await directory.sync('full')).changed).toBe(1);
    const changes = await get(
      `${directory.url}/v1/people/changes?since=${encodeURIComponent(body.cursor)}`,
      employeeToken,
    );
    expect(changes.json).toMatchObject({ upserts: [], removed: [deleted.id] });
  });

  it('answers 410 to a cursor it cannot vouch for, so the client takes the snapshot', async () => {
    for (const since of [
      'nonsense',
      'otherdb.1',
      `${(await snapshot(directory.url, employeeToken)).body.cursor}9`,
    ]) {
      const answer = await get(
        `${directory.url}/v1/people/changes?since=${encodeURIComponent(since)}`,
        employeeToken,
      );
      expect(answer.status).toBe(410);
      expect(answer.json).toMatchObject({
        error: 'cursor_expired',
        message: expect.stringContaining('/v1/people'),
      });
    }
  });

  it('answers 410 to a cursor older than the removals it still remembers', async () => {
    const config = loadConfig(
      env(devOrg, { DATABASE_PATH: join(dir, 'short-memory.sqlite'), CHANGES_RETENTION_SECONDS: '0' }),
    );
    const forgetful = await startDirectory(config, { ...quiet, schedule: false });
    try {
      await forgetful.sync('full');
      const { body } = await snapshot(forgetful.url, employeeToken);
      devOrg.deactivateUser(colleague(5).id);
      await forgetful.sync('delta');
      const answer = await get(
        `${forgetful.url}/v1/people/changes?since=${encodeURIComponent(body.cursor)}`,
        employeeToken,
      );
      expect(answer.status).toBe(410);
      const fresh = await snapshot(forgetful.url, employeeToken);
      const after = await get(
        `${forgetful.url}/v1/people/changes?since=${encodeURIComponent(fresh.body.cursor)}`,
        employeeToken,
      );
      expect(after.status).toBe(200);
    } finally {
      await forgetful.close();
    }
  });
});

describe('employee authentication', () => {
  it('refuses a request without a token with 401 and a JSON body saying what to send', async () => {
    const answer = await get(`${directory.url}/v1/people`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(answer.json).toMatchObject({ error: 'missing_token', message: expect.stringContaining('Bearer') });
  });

  it('refuses a token Okta does not know with 401', async () => {
    const answer = await get(`${directory.url}/v1/people`, 'not-a-token');
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: 'inactive_token' });
  });

  it('refuses an access token issued to another app of the org with 401', async () => {
    const tokenEndpoint = `${devOrg.url}/oauth2/v1/token`;
    const assertion = signClientAssertion(
      devOrg.service.clientId,
      tokenEndpoint,
      createPrivateKey(devOrg.service.privateKeyPem),
      Date.now(),
    );
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'okta.users.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    const { access_token: otherAppToken } = (await response.json()) as { access_token: string };
    expect(otherAppToken).toEqual(expect.any(String));
    const answer = await get(`${directory.url}/v1/people`, otherAppToken);
    expect(answer.status).toBe(401);
  });

  it('refuses a token once it has expired, even though its earlier answer was cached', async () => {
    const shortLived = await startDevOrg({
      port: 0,
      people: 20,
      apps: 2,
      quiet: true,
      accessTokenTtlSeconds: 1,
    });
    const service = await startDirectory(
      loadConfig(env(shortLived, { DATABASE_PATH: join(dir, 'short-lived.sqlite') })),
      { ...quiet, schedule: false },
    );
    try {
      const token = await signIn(shortLived, DEMO_LOGINS.employee);
      expect((await get(`${service.url}/v1/people`, token)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const answer = await get(`${service.url}/v1/people`, token);
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error: 'inactive_token' });
    } finally {
      await service.close();
      await shortLived.close();
    }
  });
});

describe('a service app credential with allowed groups and fewer fields', () => {
  let restricted: Directory;
  let allowedGroup: string;

  beforeAll(async () => {
    const groupNames = (user: SeedUser) =>
      user.groupIds.map((id) => devOrg.org.groups.find((group) => group.id === id)?.name ?? '');
    const admin = devOrg.org.users.find((user) => user.id === devOrg.org.demo.admin)!;
    const employee = devOrg.org.users.find((user) => user.id === devOrg.org.demo.employee)!;
    allowedGroup = groupNames(admin).find((name) => name && !groupNames(employee).includes(name))!;
    const keyFile = join(dir, 'service-key.pem');
    await writeFile(keyFile, devOrg.service.privateKeyPem);
    const config = loadConfig({
      OKTA_DOMAIN: devOrg.url,
      OKTA_CLIENT_ID: devOrg.clientId,
      OKTA_SERVICE_CLIENT_ID: devOrg.service.clientId,
      OKTA_SERVICE_PRIVATE_KEY_FILE: keyFile,
      PORT: '0',
      DATABASE_PATH: join(dir, 'restricted.sqlite'),
      ALLOWED_GROUPS: allowedGroup,
      EXPOSED_FIELDS: 'email,title',
      CORS_ORIGINS: 'chrome-extension://hoehbjejopceicelemflmpablooiofpi',
    });
    restricted = await startDirectory(config, { ...quiet, schedule: false });
    await restricted.sync('full');
  });
  afterAll(() => restricted?.close());

  it('refuses an employee outside the allowed groups with 403 and says which groups may read', async () => {
    const answer = await get(`${restricted.url}/v1/people`, employeeToken);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      error: 'not_in_allowed_groups',
      message: expect.stringContaining(allowedGroup),
    });
  });

  it('serves a member only the id, display name and the fields the admin exposed', async () => {
    const answer = await snapshot(restricted.url, adminToken);
    expect(answer.status).toBe(200);
    expect(answer.body.people.length).toBe(shown(devOrg.org.users).length);
    for (const person of answer.body.people) {
      expect(Object.keys(person).every((key) => ['id', 'displayName', 'email', 'title'].includes(key))).toBe(
        true,
      );
    }
  });

  it('lets the configured extension origin read answers through CORS, and no other origin', async () => {
    const origin = 'chrome-extension://hoehbjejopceicelemflmpablooiofpi';
    const allowed = await get(`${restricted.url}/v1/people`, adminToken, { origin });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await get(`${restricted.url}/v1/people`, adminToken, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('when Okta misbehaves', () => {
  it('waits for X-Rate-Limit-Reset after a 429 during a sync, then completes it', async () => {
    await directory.sync('delta');
    devOrg.faults.rateLimitNext = 1;
    devOrg.faults.rateLimitResetSeconds = 0;
    const from = calls.length;
    devOrg.updateUser(colleague(6).id, { department: 'Rate Limits' });
    const result = await directory.sync('delta');
    expect(result.changed).toBe(1);
    const [limited, retried] = calls.slice(from);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(retried!.at).toBeGreaterThanOrEqual(limited!.reset * 1000);
    const metrics = await (await fetch(`${directory.url}/metrics`)).text();
    expect(metrics).toMatch(/directory_okta_rate_limited_total\{endpoint="users"\} 1/);
  });

  it('keeps serving the last snapshot while Okta fails, and /healthz says degraded and why', async () => {
    const before = await snapshot(directory.url, employeeToken);
    devOrg.faults.serverErrorNext = 1;
    await expect(directory.sync('delta')).rejects.toMatchObject({ code: 'OKTA_SERVER' });

    const health = await get(`${directory.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'degraded', reason: expect.stringContaining('OKTA_SERVER') });
    const during = await snapshot(directory.url, employeeToken);
    expect(during.body).toEqual(before.body);

    await directory.sync('delta');
    expect((await get(`${directory.url}/healthz`)).json).toMatchObject({
      status: 'ok',
      people: before.body.people.length,
    });
  });

  it('refuses to empty the directory when Okta suddenly lists no users, as for a credential without an admin role', async () => {
    let emptyList = false;
    // Okta answers an empty 200 to a principal without an admin role (okta-api.md §2.4); the dev org
    // does so only for employee tokens, so this one answer is rewritten on the way.
    const fetchFn: typeof fetch = async (input, init) =>
      emptyList && String(input).includes('/api/v1/users?')
        ? new Response('[]', { headers: { 'content-type': 'application/json' } })
        : fetch(input, init);
    const config = loadConfig(env(devOrg, { DATABASE_PATH: join(dir, 'empty-list.sqlite') }));
    const service = await startDirectory(config, { ...quiet, schedule: false, fetch: fetchFn });
    try {
      await service.sync('full');
      const people = service.store.count();
      emptyList = true;
      await expect(service.sync('full')).rejects.toMatchObject({ code: 'OKTA_FORBIDDEN' });
      expect(service.store.count()).toBe(people);
      expect((await get(`${service.url}/healthz`)).json).toMatchObject({
        status: 'degraded',
        reason: expect.stringContaining('Read-Only Administrator'),
      });
    } finally {
      await service.close();
    }
  });

  it('after a restart serves the people from SQLite before Okta answers', async () => {
    const config = loadConfig(env(devOrg, { DATABASE_PATH: join(dir, 'restart.sqlite') }));
    const first = await startDirectory(config, quiet);
    await first.firstSync;
    const served = (await snapshot(first.url, employeeToken)).body;
    await first.close();

    devOrg.faults.slowMs = 10_000;
    const restarted = await startDirectory(config, quiet);
    try {
      const answer = await snapshot(restarted.url, employeeToken);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(served);
      expect((await get(`${restarted.url}/healthz`)).json).toMatchObject({ status: 'ok' });
    } finally {
      await restarted.close();
    }
  });
});

describe('/metrics', () => {
  it('reports people, the last successful sync, Okta calls and request latency in Prometheus text', async () => {
    const response = await fetch(`${directory.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^directory_people \d+$/m);
    expect(text).toMatch(/^directory_last_successful_sync_timestamp_seconds [1-9]\d+$/m);
    expect(text).toMatch(/^directory_okta_calls_total\{endpoint="users",status="200"\} \d+$/m);
    expect(text).toMatch(
      /^directory_http_request_duration_seconds_count\{route="people",status="200"\} \d+$/m,
    );
  });
});
