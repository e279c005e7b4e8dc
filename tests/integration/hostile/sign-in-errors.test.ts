import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { makeHarness, startOrg, type Harness } from './harness';

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

describe('sign-in and refresh failures are told apart', () => {
  it('does not call a garbage redirect from the browser a network failure', async () => {
    h.platform.webAuthFlow = {
      redirectUri: () => 'https://x.chromiumapp.org/',
      launch: async () => 'not a url at all',
    };
    const state = await h.workstation.handlers.signIn({}, {});
    expect(state.session.signedIn).toBe(false);
    expect(state.error?.code).toBe('AUTH_FAILED');
  });

  it('does not tell a signed-in employee that “sign-in failed” when only the token refresh hit a 500', async () => {
    await h.signInAndSync();
    devOrg.faults.tokenServerErrorNext = 1;
    h.platform.clockMs += 2 * 60 * 60 * 1000;
    await h.workstation.startSync();
    const state = await h.workstation.viewState();
    expect(state.session.signedIn).toBe(true);
    expect(state.sync.error?.code).not.toBe('AUTH_FAILED');
    expect(state.error?.message ?? '').not.toMatch(/Sign-in failed/);
  });
});
