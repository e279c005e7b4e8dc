import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevOrg } from '@/dev/org/index';
import { makeHarness, startOrg } from './harness';

let devOrg: DevOrg;

beforeAll(async () => {
  devOrg = await startOrg();
});
afterAll(async () => {
  await devOrg?.close();
});

describe('allowedGroups in managed policy (segmentation, DESIGN.md “Settings and policy”)', () => {
  it('does not sync or search anything for an employee outside the allowed groups', async () => {
    const h = makeHarness(devOrg, { policy: { allowedGroups: ['A group nobody is in'] } });
    await h.workstation.reloadConfig();
    h.login = { username: h.emailOf(devOrg.org.demo.admin), password: devOrg.org.password };
    const state = await h.workstation.handlers.signIn({}, {});
    await h.workstation.startSync();
    expect(state.error?.code ?? (await h.workstation.viewState()).error?.code).toBeDefined();
    expect(await h.storedCounts()).toEqual({ apps: 0, people: 0 });
    expect(await h.workstation.handlers.search({ query: 'salesforce' }, {})).toEqual([]);
  });
});
