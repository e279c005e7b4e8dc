/**
 * The Firefox E2E harness: the Firefox build (`.output/firefox-mv3-e2e`, made by
 * `npm run test:e2e:firefox`) in real headless Firefox (tests/e2e/firefox-driver.ts), the dev org with
 * Firefox's redirect URI registered, and managed policy delivered per test through a native manifest
 * under a temporary `HOME` (no root, nothing outside the temporary folders).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DevOrgOptions } from '../../dev/org/index';
import { FirefoxDriver } from './firefox-driver';
import type { DevOrg } from './harness';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The unpacked Firefox build under test. */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3-e2e');

/**
 * The Firefox E2E build's own default org (package.json `test:e2e:firefox`) is on 8423, where nothing
 * listens; the dev org runs on 8424 and is named only by managed policy, so a sign-in proves the policy
 * arrived.
 */
export const FIREFOX_ORG_PORT = 8424;

/** The `moz-extension://` host, pinned by preference so URLs are known before install. */
export const EXTENSION_UUID = '3a1f5c2e-9d4b-4e6a-8c7f-1b2d3e4f5a6b';

/** The add-on id of the build (`browser_specific_settings.gecko.id`). */
export function geckoId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No Firefox E2E build in ${FIREFOX_EXTENSION_DIR}: run \`npm run test:e2e:firefox\`, which builds it first.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('The Firefox build has no browser_specific_settings.gecko.id.');
  return id;
}

/** Firefox's sign-in redirect URI for an add-on id: `https://<sha1 hex of the id>.extensions.allizom.org/`. */
export function firefoxRedirectUri(id: string): string {
  return `https://${createHash('sha1').update(id).digest('hex')}.extensions.allizom.org/`;
}

/** Starts the dev org with the Firefox build's redirect URI registered. */
export async function startFirefoxOrg(options: Omit<DevOrgOptions, 'port'> = {}): Promise<DevOrg> {
  const { startDevOrg } = await import('../../dev/org/index');
  return startDevOrg({
    quiet: true,
    ...options,
    port: FIREFOX_ORG_PORT,
    redirectUris: [...(options.redirectUris ?? []), firefoxRedirectUri(geckoId())],
  });
}

/** Temporary folders of one Firefox under test: a profile that survives relaunches, and a `HOME`. */
export interface FirefoxFolders {
  profileDir: string;
  home: string;
  remove(): Promise<void>;
}

export async function newFirefoxFolders(): Promise<FirefoxFolders> {
  const base = await mkdtemp(join(tmpdir(), 'workstation-firefox-'));
  const profileDir = join(base, 'profile');
  const home = join(base, 'home');
  await mkdir(profileDir);
  await mkdir(home);
  return { profileDir, home, remove: () => rm(base, { recursive: true, force: true }) };
}

/**
 * Managed policy for the extension, as a native managed-storage manifest in `home`
 * (`~/.mozilla/managed-storage/<id>.json`). Firefox reads it once per browser start.
 */
export async function writeManagedPolicy(home: string, policy: Record<string, unknown>): Promise<void> {
  const id = geckoId();
  const dir = join(home, '.mozilla', 'managed-storage');
  await mkdir(dir, { recursive: true });
  const manifest = { name: id, description: 'Workstation policy for a test', type: 'storage', data: policy };
  await writeFile(join(dir, `${id}.json`), JSON.stringify(manifest));
}

/** Launches Firefox on `folders` and installs the Firefox build as a temporary add-on. */
export async function launchFirefoxExtension(
  folders: FirefoxFolders,
  prefs: Record<string, unknown> = {},
): Promise<FirefoxDriver> {
  const id = geckoId();
  const driver = await FirefoxDriver.launch({
    profileDir: folders.profileDir,
    home: folders.home,
    extensionId: id,
    uuid: EXTENSION_UUID,
    prefs,
  });
  try {
    const installed = await driver.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== id) throw new Error(`Installed ${installed}, expected ${id}.`);
    return driver;
  } catch (error) {
    await driver.close();
    throw error;
  }
}
