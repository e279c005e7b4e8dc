import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInAudience } from '@/lib/policy/audience';
import { effectiveSettings } from '@/lib/policy/effective-settings';
import { CLIENT_SECRET_WARNING, parsePolicy } from '@/lib/policy/parse-policy';
import { POLICY_KEY_TITLES, POLICY_KEYS } from '@/lib/policy/policy-keys';
import { readPolicy } from '@/lib/policy/policy-store';
import { policyView } from '@/lib/policy/policy-view';
import { memoryArea } from '../../fakes/fake-platform';

const schema = JSON.parse(
  readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'),
) as {
  type: string;
  properties: Record<
    string,
    { title?: string; description?: string; type: string; items?: { type: string } }
  >;
};

/** Parses a policy holding one key and returns what was kept and which keys were reported. */
function one(key: string, value: unknown) {
  const { policy, warnings } = parsePolicy({ [key]: value });
  return { kept: (policy as Record<string, unknown>)[key], warned: warnings.filter((w) => w.key === key) };
}

describe('the managed schema', () => {
  it('lists every policy key with the same title the options page shows, and a description', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    for (const key of POLICY_KEYS) {
      expect(schema.properties[key]?.title).toBe(POLICY_KEY_TITLES[key]);
      expect(schema.properties[key]?.description?.length).toBeGreaterThan(20);
    }
  });

  it('types each key as parsePolicy expects, so Chromium keeps every value parsePolicy can judge', () => {
    expect(schema.properties.peopleSearch?.type).toBe('boolean');
    expect(schema.properties.syncIntervalMinutes?.type).toBe('integer');
    for (const key of ['allowedGroups', 'pinnedApps']) {
      expect(schema.properties[key]).toMatchObject({ type: 'array', items: { type: 'string' } });
    }
    for (const key of ['oktaDomain', 'clientId', 'clientSecret', 'directoryUrl']) {
      expect(schema.properties[key]?.type).toBe('string');
    }
  });
});

describe('oktaDomain', () => {
  it.each(['acme.okta.com', 'https://acme.okta.com/', 'acme.oktapreview.com', 'http://127.0.0.1:8417'])(
    'keeps %s without a warning',
    (value) => {
      expect(one('oktaDomain', value)).toEqual({ kept: value.trim(), warned: [] });
    },
  );

  it.each([
    'http://acme.okta.com',
    'https://acme.okta.com/oauth2/default',
    'https://user:pw@acme.okta.com',
    'acme .okta.com',
  ])('keeps %s, so it still locks the org, and says why it is not a valid org address', (value) => {
    const { kept, warned } = one('oktaDomain', value);
    expect(kept).toBe(value);
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toMatch(/^oktaDomain: /);
  });

  it.each([42, '', '   ', ['acme.okta.com'], null, true])('drops %j with a warning', (value) => {
    const { kept, warned } = one('oktaDomain', value);
    expect(kept).toBeUndefined();
    expect(warned[0]?.message).toMatch(/non-empty string/);
  });
});

describe('clientId', () => {
  it('keeps a client id, trimmed', () => {
    expect(one('clientId', ' 0oa1b2c3d4E5F6g7h8i9 ')).toEqual({ kept: '0oa1b2c3d4E5F6g7h8i9', warned: [] });
  });
  it.each([7, '', { id: '0oa' }, null])('drops %j with a warning', (value) => {
    expect(one('clientId', value).kept).toBeUndefined();
    expect(one('clientId', value).warned).toHaveLength(1);
  });
});

describe('clientSecret', () => {
  it('is never kept as a value, and always explains why it is not used and what to do', () => {
    const { policy, warnings } = parsePolicy({ clientSecret: 'hunter2-super-secret' });
    expect(JSON.stringify(policy)).not.toContain('hunter2');
    expect(policy.clientSecret).toBe('');
    expect(warnings).toEqual([{ key: 'clientSecret', message: CLIENT_SECRET_WARNING }]);
    expect(CLIENT_SECRET_WARNING).toMatch(/public client/);
  });
  it('warns about a secret of the wrong type too', () => {
    expect(one('clientSecret', 42)).toEqual({
      kept: undefined,
      warned: [{ key: 'clientSecret', message: CLIENT_SECRET_WARNING }],
    });
  });
  it('is not remembered with the last good policy', async () => {
    const local = memoryArea();
    await readPolicy({ read: async () => ({ oktaDomain: 'acme.okta.com', clientSecret: 'hunter2' }) }, local);
    expect(JSON.stringify([...local.values])).not.toContain('hunter2');
    const again = await readPolicy({ read: async () => ({}) }, local);
    expect(again.warnings.map((w) => w.key)).toEqual(['clientSecret']);
  });
});

describe('directoryUrl', () => {
  it.each([
    ['https://directory.acme.example', 'https://directory.acme.example'],
    ['https://directory.acme.example/', 'https://directory.acme.example'],
    ['https://acme.example/workstation/', 'https://acme.example/workstation'],
    ['http://127.0.0.1:8420', 'http://127.0.0.1:8420'],
    ['http://localhost:8420/', 'http://localhost:8420'],
  ])('keeps %s as %s', (value, expected) => {
    expect(one('directoryUrl', value)).toEqual({ kept: expected, warned: [] });
  });

  it.each([
    'http://directory.acme.example',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'directory.acme.example',
    'https://user:pass@directory.acme.example',
    'https://directory.acme.example/?token=1',
    'ftp://directory.acme.example',
    42,
    '',
  ])('refuses %j with a warning, since employees’ tokens would go there', (value) => {
    const { kept, warned } = one('directoryUrl', value);
    expect(kept).toBeUndefined();
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toMatch(/https:/);
  });
});

describe('peopleSearch', () => {
  it.each([true, false])('keeps %s', (value) => {
    expect(one('peopleSearch', value)).toEqual({ kept: value, warned: [] });
  });
  it.each(['false', 0, 1, null, 'yes'])('drops %j with a warning', (value) => {
    expect(one('peopleSearch', value)).toMatchObject({ kept: undefined, warned: [{ key: 'peopleSearch' }] });
  });
});

describe('syncIntervalMinutes', () => {
  it.each([15, 60, 1440])('keeps %i', (value) => {
    expect(one('syncIntervalMinutes', value)).toEqual({ kept: value, warned: [] });
  });
  it.each([1, 14])('raises %i to 15 and says so', (value) => {
    const { kept, warned } = one('syncIntervalMinutes', value);
    expect(kept).toBe(15);
    expect(warned[0]!.message).toMatch(/minimum, 15/);
  });
  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '60', null])(
    'drops %j with a warning',
    (value) => {
      expect(one('syncIntervalMinutes', value)).toMatchObject({
        kept: undefined,
        warned: [{ key: 'syncIntervalMinutes' }],
      });
    },
  );
});

describe.each(['allowedGroups', 'pinnedApps'])('%s', (key) => {
  it('keeps a list of strings, trimmed, without blanks or repeats', () => {
    expect(one(key, [' Engineering ', '', 'Sales', 'Engineering'])).toEqual({
      kept: ['Engineering', 'Sales'],
      warned: [],
    });
  });
  it('keeps an empty list', () => {
    expect(one(key, [])).toEqual({ kept: [], warned: [] });
  });
  it.each(['Engineering', ['Slack', 7], { 0: 'Slack' }, null])('drops %j with a warning', (value) => {
    expect(one(key, value)).toMatchObject({ kept: undefined, warned: [{ key }] });
  });
});

describe('the policy as a whole', () => {
  it('keeps every good key while reporting the bad ones and unknown keys', () => {
    const { policy, warnings } = parsePolicy({
      oktaDomain: 'acme.okta.com',
      clientId: '0oaACME',
      directoryUrl: 'http://directory.acme.example',
      peopleSearch: false,
      syncIntervalMinutes: 'hourly',
      allowedGroups: ['Workstation Pilot'],
      pinnedApps: ['Slack', '0oa1slack'],
      OktaDomain: 'typo.okta.com',
    });
    expect(policy).toEqual({
      oktaDomain: 'acme.okta.com',
      clientId: '0oaACME',
      peopleSearch: false,
      allowedGroups: ['Workstation Pilot'],
      pinnedApps: ['Slack', '0oa1slack'],
    });
    expect(warnings.map((w) => w.key).sort()).toEqual(['OktaDomain', 'directoryUrl', 'syncIntervalMinutes']);
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [
      undefined,
      null,
      'x',
      1,
      [],
      [1],
      Object.create(null),
      { __proto__: null, oktaDomain: 'a.okta.com' },
    ]) {
      expect(() => parsePolicy(raw)).not.toThrow();
    }
  });
});

describe('effectiveSettings', () => {
  it('locks exactly the keys policy set, never clientSecret, and keeps directoryUrl out of user settings', () => {
    const { settings, locked } = effectiveSettings(
      { clientSecret: '', pinnedApps: ['Slack'], allowedGroups: ['Pilot'] },
      { directoryUrl: 'https://evil.example', syncIntervalMinutes: 30 },
      { oktaDomain: 'acme.okta.com', clientId: '0oaACME', directoryUrl: 'https://dir.acme.example' },
    );
    expect(settings).toMatchObject({
      oktaDomain: 'acme.okta.com',
      directoryUrl: 'https://dir.acme.example',
      syncIntervalMinutes: 30,
      pinnedApps: ['Slack'],
      allowedGroups: ['Pilot'],
    });
    expect([...locked].sort()).toEqual(['allowedGroups', 'pinnedApps']);
  });
});

describe('allowedGroups membership', () => {
  it('lets everyone in when no group is named', () => {
    expect(isInAudience(undefined, [])).toBe(true);
  });
  it('lets in a member of any named group, ignoring case', () => {
    expect(isInAudience(['Everyone', 'workstation pilot'], ['Sales', 'Workstation Pilot'])).toBe(true);
  });
  it('keeps out someone in none of the groups, and someone whose ID token has no groups claim', () => {
    expect(isInAudience(['Everyone'], ['Workstation Pilot'])).toBe(false);
    expect(isInAudience(undefined, ['Workstation Pilot'])).toBe(false);
  });
});

describe('the options page view of policy', () => {
  it('lists every setting in force, marks the locked ones, and puts the clientSecret warning apart', () => {
    const { policy, warnings } = parsePolicy({
      oktaDomain: 'acme.okta.com',
      clientSecret: 's',
      peopleSearch: 'no',
    });
    const view = policyView({
      ...effectiveSettings(policy, {}, { clientId: '0oaBUILD' }),
      warnings,
      hasClientSecret: true,
    });
    expect(view.settings.map((s) => [s.key, s.value, s.locked])).toEqual([
      ['oktaDomain', 'acme.okta.com', true],
      ['clientId', '0oaBUILD', false],
      ['directoryUrl', 'Not set', false],
      ['peopleSearch', 'On', false],
      ['syncIntervalMinutes', '60', false],
      ['allowedGroups', 'None', false],
      ['pinnedApps', 'None', false],
    ]);
    expect(view.warnings.map((w) => w.key)).toEqual(['peopleSearch']);
    expect(view.clientSecretWarning).toBe(CLIENT_SECRET_WARNING);
  });
});
