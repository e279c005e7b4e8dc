import { describe, expect, it } from 'vitest';
import { loadOrgConfig } from '@/lib/background/org-config';
import { normalizeOrgUrl } from '@/lib/policy/org-url';
import { parsePolicy } from '@/lib/policy/parse-policy';
import { readPolicy } from '@/lib/policy/policy-store';
import { memoryArea } from '../../fakes/fake-platform';

const managed = (value: unknown) => ({ read: async () => value });

async function configFor(policy: unknown) {
  return loadOrgConfig(managed(policy), memoryArea(), {});
}

describe('hostile oktaDomain values', () => {
  const refused = [
    'javascript:alert(1)',
    'javascript://acme.okta.com/%0Aalert(1)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'https://evil.example/path',
    'https://acme.okta.com/oauth2/default',
    'acme.okta.com:99999',
    'http://acme.okta.com',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example:8080',
    'https://user:pass@acme.okta.com',
    'https://acme.okta.com?x=1',
    'https://acme.okta.com#frag',
    'acme .okta.com',
    'https://',
  ];
  for (const domain of refused) {
    it(`refuses ${JSON.stringify(domain)} as the org, with a config error and no org`, async () => {
      const config = await configFor({ oktaDomain: domain, clientId: '0oaACME' });
      expect(config.org).toBeUndefined();
      expect(config.configError?.code).toMatch(/CONFIG_INVALID|CONFIG_MISSING/);
    });
  }

  const accepted: Array<[string, string]> = [
    ['  acme.okta.com  ', 'https://acme.okta.com'],
    ['HTTPS://ACME.OKTA.COM/', 'https://acme.okta.com'],
    ['https://acme.okta.com:443', 'https://acme.okta.com'],
    ['acme-admin.okta.com', 'https://acme.okta.com'],
    ['http://127.0.0.1:8417', 'http://127.0.0.1:8417'],
    ['http://[::1]:8417', 'http://[::1]:8417'],
    ['//acme.okta.com', 'https://acme.okta.com'],
    // A lookalike is shown as punycode, so nobody mistakes it for acme.okta.com.
    ['аcme.okta.com', 'https://xn--cme-5cd.okta.com'],
  ];
  for (const [domain, orgUrl] of accepted) {
    it(`normalises ${JSON.stringify(domain)} to ${orgUrl}`, () => {
      expect(normalizeOrgUrl(domain)).toBe(orgUrl);
    });
  }
});

describe('hostile value types in managed storage', () => {
  it('drops wrong types with a warning per key and never throws', () => {
    const { policy, warnings } = parsePolicy({
      oktaDomain: ['acme.okta.com'],
      clientId: { id: '0oa' },
      clientSecret: 42,
      directoryUrl: true,
      peopleSearch: 'false',
      syncIntervalMinutes: '60',
      allowedGroups: 'Everyone',
      pinnedApps: ['Slack', 7],
      __proto__: { polluted: true },
      constructor: 'x',
    });
    expect(policy).toEqual({});
    expect(warnings.map((w) => w.key)).toEqual(
      expect.arrayContaining([
        'oktaDomain',
        'clientId',
        'clientSecret',
        'directoryUrl',
        'peopleSearch',
        'syncIntervalMinutes',
        'allowedGroups',
        'pinnedApps',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '60', null])(
    'ignores syncIntervalMinutes %s and keeps the default of 60',
    async (value) => {
      const config = await configFor({
        oktaDomain: 'acme.okta.com',
        clientId: '0oaACME',
        syncIntervalMinutes: value,
      });
      expect(config.settings.syncIntervalMinutes).toBe(60);
      expect(config.warnings.some((w) => w.key === 'syncIntervalMinutes')).toBe(true);
    },
  );

  it('raises a too-small interval to the 15-minute floor', async () => {
    const config = await configFor({
      oktaDomain: 'acme.okta.com',
      clientId: '0oaACME',
      syncIntervalMinutes: 1,
    });
    expect(config.settings.syncIntervalMinutes).toBe(15);
  });

  it('treats a policy that is not an object as no policy', () => {
    for (const raw of ['acme.okta.com', 42, ['acme.okta.com'], true]) {
      expect(parsePolicy(raw).policy).toEqual({});
    }
  });

  it('keeps a clientId with spaces or 10 kB as given, without crashing, and locks it', async () => {
    const long = '0oa' + 'x'.repeat(10_000);
    for (const clientId of ['0oa ACME', long]) {
      const config = await configFor({ oktaDomain: 'acme.okta.com', clientId });
      expect(config.org?.clientId).toBe(clientId.trim());
      expect(config.locked.has('clientId')).toBe(true);
    }
  });

  it('keeps the last good policy when managed storage answers {} or throws', async () => {
    const local = memoryArea();
    await readPolicy(managed({ oktaDomain: 'acme.okta.com', clientId: '0oaACME' }), local);
    for (const source of [
      managed({}),
      managed(undefined),
      managed(null),
      { read: async () => Promise.reject(new Error('no policy')) },
    ]) {
      const { policy } = await readPolicy(source, local);
      expect(policy).toMatchObject({ oktaDomain: 'acme.okta.com', clientId: '0oaACME' });
    }
  });
});
