import { get } from 'node:http';
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

const FULL = 'openid profile email groups offline_access okta.users.read.self okta.users.read';
let devOrg: DevOrg;
let adminToken: string;
let employeeToken: string;

async function accessToken(username: string, scope: string): Promise<string> {
  const result = await authorizeOverHttp({
    issuer: devOrg.url,
    clientId: devOrg.clientId,
    redirectUri: EXTENSION_REDIRECT_URI,
    username,
    password: DEMO_PASSWORD,
    scope,
  });
  return (await exchangeCode(result, EXTENSION_REDIRECT_URI)).access_token;
}

interface RawResponse {
  status: number;
  /** Header name (lower case) → every value, in order, as sent on the wire. */
  headers: Map<string, string[]>;
  json: unknown;
}

// node:http keeps repeated headers apart (fetch would join the two `link` headers with ", ").
function rawGet(url: string, token?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const headers = new Map<string, string[]>();
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i]!.toLowerCase();
          headers.set(name, [...(headers.get(name) ?? []), response.rawHeaders[i + 1]!]);
        }
        resolve({ status: response.statusCode ?? 0, headers, json: text ? JSON.parse(text) : undefined });
      });
    }).on('error', reject);
  });
}

function linkOf(response: RawResponse, rel: string): string | undefined {
  for (const value of response.headers.get('link') ?? []) {
    const match = /^<([^>]+)>; rel="([^"]+)"$/.exec(value);
    if (match?.[2] === rel) return match[1];
  }
  return undefined;
}

function userOf(id: string): SeedUser {
  return devOrg.org.users.find((user) => user.id === id)!;
}

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 1000, apps: 80, quiet: true });
  [adminToken, employeeToken] = await Promise.all([
    accessToken(DEMO_LOGINS.admin, FULL),
    accessToken(DEMO_LOGINS.employee, FULL),
  ]);
});
afterAll(() => devOrg.close());
beforeEach(() => resetFaults(devOrg.faults));

describe('the dev org’s users API', () => {
  it('pages an admin through every user who is not deprovisioned, once each, over separate link headers', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${devOrg.url}/api/v1/users?limit=150`;
    let pages = 0;
    while (url) {
      const page = await rawGet(url, adminToken);
      expect(page.status).toBe(200);
      expect(linkOf(page, 'self')).toBe(url);
      seen.push(...(page.json as { id: string }[]).map((user) => user.id));
      url = linkOf(page, 'next');
      if (url) expect(page.headers.get('link')).toHaveLength(2);
      pages += 1;
    }
    const expected = devOrg.org.users
      .filter((user) => user.status !== 'DEPROVISIONED')
      .map((user) => user.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.sort());
    expect(pages).toBe(Math.ceil(expected.length / 150));
  });

  it('serves at most 200 users a page whatever limit is asked for', async () => {
    const page = await rawGet(`${devOrg.url}/api/v1/users?limit=1000`, adminToken);
    expect(page.json).toHaveLength(200);
  });

  it('includes deprovisioned users in a search and finds them by status', async () => {
    const search = encodeURIComponent('status eq "DEPROVISIONED"');
    const page = await rawGet(`${devOrg.url}/api/v1/users?search=${search}`, adminToken);
    const expected = devOrg.org.users
      .filter((user) => user.status === 'DEPROVISIONED')
      .map((user) => user.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((page.json as { id: string }[]).map((user) => user.id)).toEqual(expected);
  });

  it('answers a malformed search with 400 E0000031', async () => {
    const page = await rawGet(
      `${devOrg.url}/api/v1/users?search=${encodeURIComponent('status eq')}`,
      adminToken,
    );
    expect(page.status).toBe(400);
    expect(page.json).toMatchObject({ errorCode: 'E0000031' });
  });

  it('refuses the users list to a non-admin with 403 E0000006 in Okta’s error shape', async () => {
    const page = await rawGet(`${devOrg.url}/api/v1/users`, employeeToken);
    expect(page.status).toBe(403);
    expect(page.json).toEqual({
      errorCode: 'E0000006',
      errorSummary: 'You do not have permission to perform the requested action',
      errorLink: 'E0000006',
      errorId: expect.any(String),
      errorCauses: [],
    });
  });

  it('answers a non-admin with an empty list when that fault is on', async () => {
    devOrg.faults.emptyUsersForNonAdmin = true;
    const page = await rawGet(`${devOrg.url}/api/v1/users`, employeeToken);
    expect(page.status).toBe(200);
    expect(page.json).toEqual([]);
  });

  it('lists only the caller for a token with okta.users.read.self alone', async () => {
    const token = await accessToken(DEMO_LOGINS.admin, 'openid okta.users.read.self');
    const page = await rawGet(`${devOrg.url}/api/v1/users`, token);
    expect((page.json as { id: string }[]).map((user) => user.id)).toEqual([devOrg.org.demo.admin]);
  });

  it('names the missing scope in WWW-Authenticate when the token lacks it', async () => {
    const token = await accessToken(DEMO_LOGINS.admin, 'openid email');
    const page = await rawGet(`${devOrg.url}/api/v1/users`, token);
    expect(page.status).toBe(403);
    expect(page.headers.get('www-authenticate')?.[0]).toMatch(
      /^Bearer .*scope="okta\.users\.read", error="insufficient_scope"/,
    );
  });

  it('answers an unknown token with 401 invalid_token and E0000011', async () => {
    const page = await rawGet(`${devOrg.url}/api/v1/users/me`, 'not-a-token');
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')?.[0]).toContain('error="invalid_token"');
    expect(page.json).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  });

  it('returns the caller’s Okta user object from /users/me', async () => {
    const me = await rawGet(`${devOrg.url}/api/v1/users/me`, employeeToken);
    const employee = userOf(devOrg.org.demo.employee);
    expect(me.json).toMatchObject({
      id: employee.id,
      status: 'ACTIVE',
      profile: {
        login: DEMO_LOGINS.employee,
        email: DEMO_LOGINS.employee,
        displayName: employee.profile.displayName,
      },
      _links: { self: { href: `${devOrg.url}/api/v1/users/${employee.id}` } },
    });
  });

  it('sends rate-limit headers on every answer and a 429 with a reset ahead when told to', async () => {
    const before = await rawGet(`${devOrg.url}/api/v1/users/me`, employeeToken);
    for (const name of [
      'x-rate-limit-limit',
      'x-rate-limit-remaining',
      'x-rate-limit-reset',
      'x-okta-request-id',
    ]) {
      expect(before.headers.get(name)).toHaveLength(1);
    }
    devOrg.faults.rateLimitNext = 1;
    devOrg.faults.rateLimitResetSeconds = 7;
    const limited = await rawGet(`${devOrg.url}/api/v1/users?limit=5`, adminToken);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ errorCode: 'E0000047' });
    expect(limited.headers.get('x-rate-limit-remaining')).toEqual(['0']);
    const reset = Number(limited.headers.get('x-rate-limit-reset')?.[0]);
    expect(reset - Date.now() / 1000).toBeGreaterThan(5);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(8);
    expect((await rawGet(`${devOrg.url}/api/v1/users?limit=5`, adminToken)).status).toBe(200);
  });

  it('switches faults over HTTP and answers 500 E0000009 once', async () => {
    const set = await fetch(`${devOrg.url}/__dev/faults`, {
      method: 'POST',
      body: JSON.stringify({ serverErrorNext: 1 }),
    });
    expect(((await set.json()) as { serverErrorNext: number }).serverErrorNext).toBe(1);
    expect((await rawGet(`${devOrg.url}/api/v1/users/me`, employeeToken)).json).toMatchObject({
      errorCode: 'E0000009',
    });
    expect((await rawGet(`${devOrg.url}/api/v1/users/me`, employeeToken)).status).toBe(200);
    const refused = await fetch(`${devOrg.url}/__dev/faults`, {
      method: 'POST',
      body: JSON.stringify({ nope: true }),
    });
    expect(refused.status).toBe(400);
  });
});

describe('the dev org’s appLinks', () => {
  interface AppLink {
    id: string;
    label: string;
    linkUrl: string;
    logoUrl?: string;
    appName: string;
    appInstanceId: string;
    hidden: boolean;
    sortOrder: number;
  }

  it('gives every link the user’s id, shares one instance between Google links, and hides a tile', async () => {
    const response = await rawGet(`${devOrg.url}/api/v1/users/me/appLinks`, employeeToken);
    const links = response.json as AppLink[];
    expect(links.length).toBeGreaterThanOrEqual(30);
    expect(new Set(links.map((link) => link.id))).toEqual(new Set([devOrg.org.demo.employee]));
    const mail = links.find((link) => link.label === 'Google Mail')!;
    const calendar = links.find((link) => link.label === 'Google Calendar')!;
    expect(mail.appInstanceId).toBe(calendar.appInstanceId);
    expect(mail.linkUrl).not.toBe(calendar.linkUrl);
    expect(links.some((link) => link.hidden)).toBe(true);
    expect(links.map((link) => link.label)).toEqual(
      expect.arrayContaining([
        'Jira',
        'Jira Service Management',
        'Salesforce',
        'Slack',
        'Tom & Jerry\'s <Tools> "Beta"',
      ]),
    );
    expect(links.some((link) => link.logoUrl === undefined)).toBe(true);
    expect(links.map((link) => link.sortOrder)).toEqual(links.map((_, index) => index));
    for (const link of links) {
      expect(link.linkUrl).toBe(
        `${devOrg.url}/home/${link.appName}/${link.appInstanceId}/${link.linkUrl.split('/').pop()}`,
      );
    }
  });

  it('lands an opened link on a page naming the app, escaped, and serves the logos that exist', async () => {
    const links = (await rawGet(`${devOrg.url}/api/v1/users/me/appLinks`, employeeToken)).json as AppLink[];
    const hostile = links.find((link) => link.label.startsWith('Tom & Jerry'))!;
    const page = await (await fetch(hostile.linkUrl)).text();
    expect(page).toContain('Tom &amp; Jerry&#39;s &lt;Tools&gt; &quot;Beta&quot;');
    const statuses = await Promise.all(
      links.filter((link) => link.logoUrl).map(async (link) => (await fetch(link.logoUrl!)).status),
    );
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(20);
    expect(statuses).toContain(404);
  });
});
