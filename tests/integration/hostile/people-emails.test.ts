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

// Okta itself validates email format, but the product must not trust that: a directory service, a
// custom attribute mapping or a compromised/misbehaving org can send anything in `profile.email`.
const NOT_ONE_ADDRESS = [
  oktaUser('00uCOMMA', { displayName: 'Comma Zed', email: 'comma.zed@acme.example,eve@evil.example' }),
  oktaUser('00uSEMI', { displayName: 'Semi Zed', email: 'semi.zed@acme.example;eve@evil.example' }),
  oktaUser('00uSPACE', { displayName: 'Space Zed', email: 'space.zed@acme.example eve@evil.example' }),
  oktaUser('00uCRLF', { displayName: 'Crlf Zed', email: 'crlf.zed@acme.example\r\nBcc: eve@evil.example' }),
  oktaUser('00uNOAT', { displayName: 'Noat Zed', email: 'javascript:alert(1)' }),
];

describe('an email that is not one plain address', () => {
  it('is never turned into a mailto: that a mail client would read as several recipients or extra header lines', async () => {
    await h.signInAndSync();
    h.routes.push((url) => (isUsersList(url) ? json(NOT_ONE_ADDRESS) : undefined));
    await h.workstation.startSync();
    expect((await h.workstation.viewState()).sync.error).toBeUndefined();

    const problems: string[] = [];
    for (const { id } of NOT_ONE_ADDRESS as Array<{ id: string }>) {
      h.platform.opened.length = 0;
      await h.workstation.handlers.emailPerson({ personId: id }, {}).catch(() => undefined);
      for (const { url } of h.platform.opened) {
        // A mail client percent-decodes the address list, then splits it on commas (RFC 6068 §2).
        const decoded = decodeURIComponent(url.slice('mailto:'.length));
        if (/[,;\s]/.test(decoded) || !/^[^@\s]+@[^@\s]+$/.test(decoded)) problems.push(`${id}: ${url}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
