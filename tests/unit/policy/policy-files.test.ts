import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkPolicyFile } from '@/lib/policy/files/check-policy-file';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLES = join(ROOT, 'docs', 'policy-examples');
const exampleNames = readdirSync(EXAMPLES).sort();
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const check = (name: string, text: string) => checkPolicyFile(name, new TextEncoder().encode(text));

describe('the policy examples of the admin guide', () => {
  it('cover every format the guide promises', () => {
    expect(exampleNames).toEqual(
      expect.arrayContaining([
        'google-admin-console.json',
        'chrome-windows.reg',
        'edge-windows.reg',
        'chrome-macos.mobileconfig',
        'edge-macos.mobileconfig',
        'chromium-linux.json',
        'edge-linux.json',
        'firefox-policies.json',
      ]),
    );
  });

  it('are each linked from the admin guide', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'admin.md'), 'utf8');
    for (const name of exampleNames) expect(guide).toContain(`(policy-examples/${name})`);
  });

  it.each(exampleNames)('%s sets every key, with no problem but the extension id to fill in', (name) => {
    const report = checkPolicyFile(name, readFileSync(join(EXAMPLES, name)));
    expect(report.problems).toEqual([]);
    expect(report.entries).toHaveLength(1);
    const policy = report.entries[0]!.policy as Record<string, unknown>;
    expect(policy).toMatchObject({
      oktaDomain: 'acme.okta.com',
      peopleSearch: true,
      syncIntervalMinutes: 60,
      allowedGroups: ['Workstation Pilot', 'IT Admins'],
      pinnedApps: ['Slack', 'Workday'],
    });
    if (report.entries[0]!.extensionId !== undefined) expect(report.notes[0]).toMatch(/EXTENSION_ID/);
  });

  it('pass `npm run policy:check` all at once', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/policy-check.ts',
        '--',
        ...exampleNames.map((name) => join(EXAMPLES, name)),
      ],
      { cwd: ROOT },
    );
    expect(stdout.match(/no problems/g)).toHaveLength(exampleNames.length);
  }, 30_000);
});

describe('policy:check on files with mistakes', () => {
  it('prints each problem of a file and exits with status 1', async () => {
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/policy-check.ts', '--', join(ROOT, 'package.json')],
      { cwd: ROOT },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/problem: .*oktaDomain and clientId/),
    });
  }, 30_000);

  it('reads a .reg file saved by regedit (UTF-16) and judges DWORDs by the schema', () => {
    const text = example('chrome-windows.reg')
      .replace('"peopleSearch"=dword:00000001', '"peopleSearch"=dword:00000002')
      .replace('dword:0000003c', '"60"')
      .replace('https://workstation-directory', 'http://workstation-directory')
      .replaceAll('EXTENSION_ID', 'not-an-id');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const report = checkPolicyFile('bad.reg', utf16);
    expect(report.problems.join('\n')).toMatch(/peopleSearch must be true or false/);
    expect(report.problems.join('\n')).toMatch(/syncIntervalMinutes must be a whole number/);
    expect(report.problems.join('\n')).toMatch(/directoryUrl must be the https: address/);
    expect(report.problems.join('\n')).toMatch(/"not-an-id" is not an extension id/);
  });

  it('reads a configuration profile and reports a wrong type and a client secret', () => {
    const text = example('chrome-macos.mobileconfig').replace(
      '<key>peopleSearch</key>\n      <true/>',
      '<key>peopleSearch</key>\n      <string>yes</string>\n      <key>clientSecret</key>\n      <string>s</string>',
    );
    const problems = check('bad.mobileconfig', text).problems.join('\n');
    expect(problems).toMatch(/peopleSearch must be true or false/);
    expect(problems).toMatch(/clientSecret is set but never used/);
  });

  it('reads the mcx_preference_settings form of a profile too', () => {
    const text = `<?xml version="1.0"?><plist version="1.0"><dict><key>PayloadContent</key><array><dict>
      <key>PayloadType</key><string>com.apple.ManagedClient.preferences</string>
      <key>PayloadContent</key><dict><key>com.google.Chrome.extensions.abcdefghijklmnopabcdefghijklmnop</key><dict>
      <key>Forced</key><array><dict><key>mcx_preference_settings</key><dict>
      <key>oktaDomain</key><string>acme.okta.com</string><key>clientId</key><string>0oa1</string>
      <key>syncIntervalMinutes</key><integer>5</integer></dict></dict></array></dict></dict></dict></array></dict></plist>`;
    const report = check('profile.mobileconfig', text);
    expect(report.entries[0]?.extensionId).toBe('abcdefghijklmnopabcdefghijklmnop');
    expect(report.problems).toEqual([
      expect.stringMatching(/syncIntervalMinutes is 5; the minimum, 15, is used/),
    ]);
  });

  it('reports unknown keys in Admin console JSON and a wrong Firefox id', () => {
    const admin = JSON.parse(example('google-admin-console.json')) as Record<string, unknown>;
    admin.OktaDomain = { Value: 'typo' };
    expect(check('admin.json', JSON.stringify(admin)).problems).toEqual([
      expect.stringMatching(/OktaDomain is not a Workstation policy key/),
    ]);
    const firefox = example('firefox-policies.json').replace('FIREFOX_EXTENSION_ID', 'not an id');
    expect(check('policies.json', firefox).problems).toEqual([
      expect.stringMatching(/is not an extension id/),
    ]);
  });

  it('says when a file holds no Workstation policy or cannot be read', () => {
    expect(check('empty.json', '{"3rdparty": {}}').problems).toEqual([
      'No Workstation policy was found in the file.',
    ]);
    expect(check('broken.json', '{').problems[0]).toMatch(/could not be read/);
    expect(check('broken.mobileconfig', '<plist><dict><key>a</key></dict></plist>').problems[0]).toMatch(
      /could not be read/,
    );
  });
});
