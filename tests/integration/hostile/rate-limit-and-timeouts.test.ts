import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { isAppLinks, json, makeHarness, startOrg, type Harness } from './harness';

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

const apiCalls = () =>
  h.seen.filter((request) => new URL(request.url).pathname.startsWith('/api/v1/')).length;

describe('a 429 with X-Rate-Limit-Reset', () => {
  it('does not call Okta again before the reset time, even when the employee presses Sync now', async () => {
    await h.signInAndSync();
    const resetAt = Math.floor(h.platform.clockMs / 1000) + 60;
    h.routes.push((url) =>
      isAppLinks(url)
        ? json(
            { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
            {
              status: 429,
              headers: {
                'x-rate-limit-limit': '100',
                'x-rate-limit-remaining': '0',
                'x-rate-limit-reset': String(resetAt),
              },
            },
          )
        : undefined,
    );
    await h.workstation.startSync();
    expect((await h.workstation.viewState()).sync.error?.code).toBe('OKTA_RATE_LIMITED');
    h.clearRoutes();

    const before = apiCalls();
    h.platform.clockMs += 5_000;
    await h.workstation.handlers.syncNow(undefined, {});
    expect(apiCalls() - before).toBe(0);
  });
});

describe('an Okta call that never answers', () => {
  it('gives every Okta API request an abort signal, so a hung server cannot keep a sync “syncing” forever', async () => {
    await h.signInAndSync();
    const api = h.seen.filter((request) => new URL(request.url).pathname.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(0);
    expect(api.filter((request) => !request.hasSignal).map((request) => request.url)).toEqual([]);
  });
});
