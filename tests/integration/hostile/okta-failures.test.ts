import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { isAppLinks, isUsersList, json, makeHarness, startOrg, type Harness, type Route } from './harness';

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

const html = (status: number) =>
  new Response('<!DOCTYPE html><html><body><h1>Something went wrong</h1></body></html>', {
    status,
    headers: { 'content-type': 'text/html' },
  });

/** Signs in, syncs, applies a failure, syncs again; checks the error and that nothing stored was lost. */
async function expectFailureKeepsData(route: Route, code: string): Promise<void> {
  await h.signInAndSync();
  const good = await h.workstation.viewState();
  const stored = await h.storedCounts();
  expect(good.sync.apps).toBeGreaterThan(0);
  expect(good.sync.people).toBeGreaterThan(0);
  h.routes.push(route);
  await h.workstation.startSync();
  const state = await h.workstation.viewState();
  expect(state.sync.error?.code).toBe(code);
  expect(state.sync.phase).toBe('idle');
  expect(state.session.signedIn).toBe(true);
  expect(state.sync).toMatchObject({
    apps: good.sync.apps,
    people: good.sync.people,
    lastSuccessAt: good.sync.lastSuccessAt,
  });
  expect(await h.storedCounts()).toEqual(stored);
  const [app] = await h.workstation.handlers.search({ query: 'salesforce' }, {});
  expect(app).toMatchObject({ kind: 'app', label: 'Salesforce' });
  const colleague = devOrg.org.users.find((u) => u.status === 'ACTIVE' && u.id !== devOrg.org.demo.admin)!;
  const [person] = await h.workstation.handlers.search({ query: colleague.profile.email }, {});
  expect(person).toMatchObject({ kind: 'person', id: colleague.id });
  expect(state.error?.message ?? '').not.toMatch(/undefined|\[object/);
}

const on =
  (which: (url: URL) => boolean, answer: () => Response): Route =>
  (url) =>
    which(url) ? answer() : undefined;

describe('Okta failing during a sync keeps the last good apps and people', () => {
  it('keeps them on a 500 from appLinks', () =>
    expectFailureKeepsData(
      on(isAppLinks, () =>
        json({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' }, { status: 500 }),
      ),
      'OKTA_SERVER',
    ));

  it('keeps them on a 500 from the users list', () =>
    expectFailureKeepsData(
      on(isUsersList, () => json({ errorCode: 'E0000009' }, { status: 500 })),
      'OKTA_SERVER',
    ));

  it('keeps them on an HTML 502 page from a proxy', () =>
    expectFailureKeepsData(
      on(isAppLinks, () => html(502)),
      'OKTA_SERVER',
    ));

  it('keeps them on a 429 without X-Rate-Limit-Reset', () =>
    expectFailureKeepsData(
      on(isAppLinks, () => json({ errorCode: 'E0000047' }, { status: 429 })),
      'OKTA_RATE_LIMITED',
    ));

  it('keeps them on a 429 with a garbage X-Rate-Limit-Reset', () =>
    expectFailureKeepsData(
      on(isUsersList, () =>
        json({ errorCode: 'E0000047' }, { status: 429, headers: { 'x-rate-limit-reset': 'soon' } }),
      ),
      'OKTA_RATE_LIMITED',
    ));

  it('keeps them on a 200 whose body is an HTML page (a captive portal or a login page)', () =>
    expectFailureKeepsData(
      on(isAppLinks, () => html(200)),
      'OKTA_BAD_RESPONSE',
    ));

  it('keeps them on a 200 whose users page is an HTML page', () =>
    expectFailureKeepsData(
      on(isUsersList, () => html(200)),
      'OKTA_BAD_RESPONSE',
    ));

  it('keeps them on a 200 with truncated JSON', () =>
    expectFailureKeepsData(
      on(
        isUsersList,
        () =>
          new Response('[{"id":"00u1","profile":{"firstName":"Ann"', {
            headers: { 'content-type': 'application/json' },
          }),
      ),
      'OKTA_BAD_RESPONSE',
    ));

  it('keeps them on a 200 users page that is an object instead of a list', () =>
    expectFailureKeepsData(
      on(isUsersList, () => json({ users: [] })),
      'OKTA_BAD_RESPONSE',
    ));

  it('keeps them when the network is down', () =>
    expectFailureKeepsData((url) => {
      if (url.pathname.startsWith('/api/v1/')) throw new TypeError('Failed to fetch');
      return undefined;
    }, 'NETWORK'));

  it('keeps them when the first users page works and a later one fails', async () => {
    let calls = 0;
    await expectFailureKeepsData((url) => {
      if (!isUsersList(url)) return undefined;
      calls += 1;
      if (calls === 1) {
        return json(
          [
            {
              id: '00uONLY',
              status: 'ACTIVE',
              profile: { firstName: 'Only', lastName: 'One', email: 'only@x.example' },
            },
          ],
          {
            headers: { link: `<${devOrg.url}/api/v1/users?limit=200&after=00uONLY>; rel="next"` },
          },
        );
      }
      return json({ errorCode: 'E0000009' }, { status: 503 });
    }, 'OKTA_SERVER');
  });
});

describe('slow and rate-limited Okta', () => {
  it('finishes a sync when every Okta call is slow (1 s each)', async () => {
    await h.signInAndSync();
    devOrg.faults.slowMs = 1_000;
    await h.workstation.startSync();
    const state = await h.workstation.viewState();
    expect(state.sync.error).toBeUndefined();
    expect(state.sync.phase).toBe('idle');
  }, 60_000);
});

describe('a next link on another origin', () => {
  it('never sends the employee’s token to that origin', async () => {
    await h.signInAndSync();
    h.routes.push((url) => {
      if (!isUsersList(url)) return undefined;
      return json(
        [{ id: '00uA', status: 'ACTIVE', profile: { firstName: 'A', lastName: 'B', email: 'a@b.example' } }],
        {
          headers: { link: '<https://evil.example/api/v1/users?after=1>; rel="next"' },
        },
      );
    });
    await h.workstation.startSync();
    expect(h.seen.filter((request) => new URL(request.url).origin !== devOrg.url)).toEqual([]);
  });
});
