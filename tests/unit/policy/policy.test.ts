import { describe, expect, it } from 'vitest';
import { effectiveSettings } from '@/lib/policy/effective-settings';
import { normalizeOrgUrl } from '@/lib/policy/org-url';
import { parsePolicy } from '@/lib/policy/parse-policy';
import { readPolicy } from '@/lib/policy/policy-store';
import type { KeyValueArea } from '@/lib/platform/ports';

function memoryArea(): KeyValueArea {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => values.get(key) as T | undefined,
    set: async (entries) => {
      for (const [key, value] of Object.entries(entries)) values.set(key, value);
    },
    remove: async (keys) => {
      for (const key of [keys].flat()) values.delete(key);
    },
  };
}

describe('normalizeOrgUrl', () => {
  it('accepts a bare domain, a URL with a trailing slash, and a loopback dev org', () => {
    expect(normalizeOrgUrl('acme.okta.com')).toBe('https://acme.okta.com');
    expect(normalizeOrgUrl(' https://acme.okta.com/ ')).toBe('https://acme.okta.com');
    expect(normalizeOrgUrl('http://127.0.0.1:8417')).toBe('http://127.0.0.1:8417');
  });

  it('maps the Admin Console host to the org', () => {
    expect(normalizeOrgUrl('acme-admin.okta.com')).toBe('https://acme.okta.com');
  });

  it('refuses plain http outside loopback, a custom authorization server path, and garbage', () => {
    expect(() => normalizeOrgUrl('http://acme.okta.com')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => normalizeOrgUrl('https://acme.okta.com/oauth2/default')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => normalizeOrgUrl('https://exa mple.com')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => normalizeOrgUrl('')).toThrow(expect.objectContaining({ code: 'CONFIG_MISSING' }));
  });
});

describe('parsePolicy', () => {
  it('keeps valid keys and reports each invalid one with a sentence', () => {
    const { policy, warnings } = parsePolicy({
      oktaDomain: 'acme.okta.com',
      clientId: 42,
      syncIntervalMinutes: 5,
      pinnedApps: ['Slack', 7],
      peopleSearch: 'yes',
      color: 'blue',
    });
    expect(policy).toEqual({ oktaDomain: 'acme.okta.com', syncIntervalMinutes: 15 });
    expect(warnings.map((warning) => warning.key).sort()).toEqual(
      ['clientId', 'color', 'peopleSearch', 'pinnedApps', 'syncIntervalMinutes'].sort(),
    );
  });

  it('ignores a policy that is not an object', () => {
    expect(parsePolicy('acme').policy).toEqual({});
    expect(parsePolicy(['acme']).warnings).toHaveLength(1);
  });
});

describe('effectiveSettings', () => {
  it('puts policy over user settings over build defaults and locks what policy set', () => {
    const { settings, locked } = effectiveSettings(
      { oktaDomain: 'acme.okta.com', peopleSearch: false },
      { peopleSearch: true, syncIntervalMinutes: 30, directoryUrl: 'https://evil.example' },
      { oktaDomain: 'http://127.0.0.1:8417', clientId: '0oadev', directoryUrl: '' },
    );
    expect(settings.oktaDomain).toBe('acme.okta.com');
    expect(settings.clientId).toBe('0oadev');
    expect(settings.peopleSearch).toBe(false);
    expect(settings.syncIntervalMinutes).toBe(30);
    expect(settings.directoryUrl).toBe('');
    expect([...locked].sort()).toEqual(['oktaDomain', 'peopleSearch']);
  });
});

describe('readPolicy', () => {
  it('keeps the last good policy when managed storage answers empty or throws', async () => {
    const local = memoryArea();
    const first = await readPolicy({ read: async () => ({ oktaDomain: 'acme.okta.com' }) }, local);
    expect(first.policy.oktaDomain).toBe('acme.okta.com');
    const empty = await readPolicy({ read: async () => ({}) }, local);
    expect(empty.policy.oktaDomain).toBe('acme.okta.com');
    const failing = await readPolicy(
      {
        read: async () => {
          throw new Error('Managed storage manifest not found');
        },
      },
      local,
    );
    expect(failing.policy.oktaDomain).toBe('acme.okta.com');
  });

  it('lets a different non-empty policy change the org', async () => {
    const local = memoryArea();
    await readPolicy({ read: async () => ({ oktaDomain: 'acme.okta.com' }) }, local);
    const next = await readPolicy({ read: async () => ({ oktaDomain: 'globex.okta.com' }) }, local);
    expect(next.policy.oktaDomain).toBe('globex.okta.com');
  });
});
