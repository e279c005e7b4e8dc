import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { isUsersList, json, makeHarness, oktaUser, startOrg, type Harness } from './harness';

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

/** The test's own stop: a product that pages forever is cut off here so the test can report it. */
const CUT_OFF = 300;

function usersCalls(): number {
  return h.seen.filter((request) => isUsersList(new URL(request.url))).length;
}

describe('a users list whose next link never ends', () => {
  it('stops when the next link points to the page it came from, says so, and keeps the last good people', async () => {
    await h.signInAndSync();
    const before = (await h.workstation.viewState()).sync.people;
    const start = usersCalls();
    h.routes.push((url) => {
      if (!isUsersList(url)) return undefined;
      const calls = usersCalls() - start;
      const self = `${devOrg.url}/api/v1/users?limit=200&after=00uLOOP`;
      return json([oktaUser('00uLOOP', { firstName: 'Loop', lastName: 'Er', email: 'loop@x.example' })], {
        headers: calls < CUT_OFF ? { link: `<${self}>; rel="self", <${self}>; rel="next"` } : {},
      });
    });
    await h.workstation.startSync();
    expect(usersCalls() - start).toBeLessThan(5);
    const state = await h.workstation.viewState();
    expect(state.sync.error?.code).toBe('OKTA_BAD_RESPONSE');
    expect(state.sync.people).toBe(before);
  });

  it('stops when every page has a new cursor but brings no new people', async () => {
    await h.signInAndSync();
    const start = usersCalls();
    h.routes.push((url) => {
      if (!isUsersList(url)) return undefined;
      const calls = usersCalls() - start;
      const next = `${devOrg.url}/api/v1/users?limit=200&after=cursor${calls}`;
      return json([oktaUser('00uSAME', { firstName: 'Same', lastName: 'Again', email: 'same@x.example' })], {
        headers: calls < CUT_OFF ? { link: `<${next}>; rel="next"` } : {},
      });
    });
    await h.workstation.startSync();
    expect(usersCalls() - start).toBeLessThan(CUT_OFF);
  }, 60_000);
});

describe('a users list whose next link leaves the org', () => {
  it('does not replace the directory with the first page alone, and says the sync failed', async () => {
    await h.signInAndSync();
    const before = (await h.workstation.viewState()).sync.people;
    expect(before).toBeGreaterThan(1);
    h.routes.push((url) => {
      if (!isUsersList(url)) return undefined;
      return json(
        [oktaUser('00uFIRST', { firstName: 'First', lastName: 'Page', email: 'first@x.example' })],
        {
          headers: { link: '<https://evil.example/api/v1/users?limit=200&after=00uFIRST>; rel="next"' },
        },
      );
    });
    await h.workstation.startSync();
    const state = await h.workstation.viewState();
    expect(state.sync.people).toBe(before);
    expect(state.sync.error?.code).toBe('OKTA_BAD_RESPONSE');
  });

  it('treats a next link that is not a URL as a bad answer from Okta, not as the network being down', async () => {
    await h.signInAndSync();
    h.routes.push((url) =>
      isUsersList(url)
        ? json([oktaUser('00uX', { firstName: 'X', lastName: 'Y', email: 'x@y.example' })], {
            headers: { link: '<not a url>; rel="next"' },
          })
        : undefined,
    );
    await h.workstation.startSync();
    expect((await h.workstation.viewState()).sync.error?.code).toBe('OKTA_BAD_RESPONSE');
  });
});
