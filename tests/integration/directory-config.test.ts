import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../server/index';
import { judgeIntrospection } from '../../server/okta/introspect-token';

const SECRET = '00SuperSecretApiTokenValue';
const BASE = { OKTA_DOMAIN: 'acme.okta.com', OKTA_CLIENT_ID: '0oaEXTENSION', OKTA_API_TOKEN: SECRET };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'directory-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain(SECRET);
    return message;
  }
  throw new Error('the settings were accepted');
}

describe('the directory service settings', () => {
  it('take the documented defaults when only the org, the client and a credential are set', () => {
    const config = loadConfig(BASE);
    expect(config).toMatchObject({
      oktaOrgUrl: 'https://acme.okta.com',
      host: '127.0.0.1',
      port: 8420,
      deltaIntervalSeconds: 300,
      allowedGroups: [],
      exposedFields: ['firstName', 'lastName', 'email', 'title', 'department', 'location', 'managerId'],
      credential: { kind: 'api-token' },
    });
    expect(describeConfig(config)).not.toContain(SECRET);
  });

  it('name the one setting that is missing or wrong, in one line, without echoing a secret', () => {
    expect(refusal({})).toMatch(/^OKTA_DOMAIN is not set/);
    expect(refusal({ ...BASE, OKTA_CLIENT_ID: '' })).toMatch(/^OKTA_CLIENT_ID is not set/);
    expect(refusal({ ...BASE, OKTA_API_TOKEN: '' })).toMatch(/^OKTA_API_TOKEN is not set/);
    expect(refusal({ ...BASE, OKTA_DOMAIN: 'http://acme.okta.com' })).toMatch(/^OKTA_DOMAIN must use https:/);
    expect(refusal({ ...BASE, OKTA_DOMAIN: 'https://acme.okta.com/oauth2/default' })).toMatch(
      /^OKTA_DOMAIN must be the org alone/,
    );
    expect(refusal({ ...BASE, PORT: 'eighty' })).toMatch(/^PORT must be a whole number/);
    expect(refusal({ ...BASE, DELTA_INTERVAL_SECONDS: '1' })).toMatch(/^DELTA_INTERVAL_SECONDS must be/);
    expect(refusal({ ...BASE, EXPOSED_FIELDS: 'email,salary' })).toMatch(
      /^EXPOSED_FIELDS has an unknown field "salary"/,
    );
    expect(refusal({ ...BASE, CORS_ORIGINS: 'hoehbjejopceicelemflmpablooiofpi' })).toMatch(
      /^CORS_ORIGINS has/,
    );
    expect(refusal({ ...BASE, OKTA_SERVICE_CLIENT_ID: '0oaSERVICE' })).toMatch(/both set/);
  });

  it('accept a service app whose private key file holds an RSA key, and refuse a file that does not', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = join(dir, 'key.pem');
    const jwk = join(dir, 'key.json');
    const junk = join(dir, 'junk.pem');
    await writeFile(pem, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    await writeFile(jwk, JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'key-1' }));
    await writeFile(junk, 'not a key');
    const service = {
      OKTA_DOMAIN: 'acme.okta.com',
      OKTA_CLIENT_ID: '0oaEXTENSION',
      OKTA_SERVICE_CLIENT_ID: '0oaSERVICE',
    };
    expect(loadConfig({ ...service, OKTA_SERVICE_PRIVATE_KEY_FILE: pem }).credential).toMatchObject({
      kind: 'service-app',
    });
    expect(loadConfig({ ...service, OKTA_SERVICE_PRIVATE_KEY_FILE: jwk }).credential).toMatchObject({
      keyId: 'key-1',
    });
    expect(refusal({ ...service, OKTA_SERVICE_PRIVATE_KEY_FILE: junk })).toMatch(
      /does not hold an RSA private key/,
    );
    expect(refusal({ ...service, OKTA_SERVICE_PRIVATE_KEY_FILE: join(dir, 'missing.pem') })).toMatch(
      /cannot be read/,
    );
    expect(refusal(service)).toMatch(/^OKTA_SERVICE_PRIVATE_KEY_FILE is not set/);
  });

  it('stop `npm run directory` with one line naming the setting when nothing is configured', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts'], {
      env: { PATH: process.env.PATH ?? '' },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(2);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^directory: OKTA_DOMAIN is not set/),
    ]);
  });
});

describe('an introspection answer', () => {
  const now = 1_800_000_000_000;
  const exp = now / 1000 + 600;

  it('admits an active token of the extension’s client, as its Okta user id, until it expires', () => {
    const answer = { active: true, client_id: '0oaEXT', uid: '00uUSER', sub: 'ada@acme.com', exp };
    expect(judgeIntrospection(answer, '0oaEXT', now)).toEqual({
      ok: true,
      userId: '00uUSER',
      expiresAt: exp * 1000,
    });
  });

  it('refuses an active token issued to another client of the org', () => {
    const answer = { active: true, client_id: '0oaOTHER', uid: '00uUSER', exp };
    expect(judgeIntrospection(answer, '0oaEXT', now)).toMatchObject({ ok: false, reason: 'wrong_client' });
  });

  it('refuses an inactive token, or one whose exp has passed', () => {
    expect(judgeIntrospection({ active: false }, '0oaEXT', now)).toMatchObject({
      ok: false,
      reason: 'inactive',
    });
    const stale = { active: true, client_id: '0oaEXT', uid: '00uUSER', exp: now / 1000 - 1 };
    expect(judgeIntrospection(stale, '0oaEXT', now)).toMatchObject({ ok: false, reason: 'inactive' });
  });
});
