/**
 * The admin guide's Firefox policy file, in real Firefox: docs/policy-examples/firefox-policies.json
 * with the add-on id filled in, placed where Debian's firefox-esr reads enterprise policy
 * (`/etc/firefox/policies/policies.json`), reaches the extension's `storage.managed` under
 * `3rdparty` → `Extensions` → the add-on id.
 *
 * It writes a system file, so it runs only as root and only when no policies.json is there already,
 * and removes what it wrote. Every other Firefox test gets its policy from a per-test native manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { FirefoxDriver } from './firefox-driver';
import { geckoId, launchFirefoxExtension, newFirefoxFolders } from './firefox-harness';
import type { FirefoxFolders } from './firefox-harness';

const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = `${POLICY_DIR}/policies.json`;
const EXAMPLE = fileURLToPath(new URL('../../docs/policy-examples/firefox-policies.json', import.meta.url));
const canWrite = process.getuid?.() === 0 && !existsSync(POLICY_FILE);

describe.skipIf(!canWrite)("the admin guide's Firefox policies.json", () => {
  let folders: FirefoxFolders | undefined;
  let driver: FirefoxDriver | undefined;
  /** The first folder this test created on the way to POLICY_DIR, if any. */
  let createdDir: string | undefined;

  afterAll(async () => {
    await driver?.close();
    await folders?.remove();
    await rm(POLICY_FILE, { force: true });
    if (createdDir) await rm(createdDir, { recursive: true, force: true });
  });

  it('reaches storage.managed under 3rdparty → Extensions → the add-on id', async () => {
    const example = readFileSync(EXAMPLE, 'utf8').replace('FIREFOX_EXTENSION_ID', geckoId());
    const expected = (
      JSON.parse(example) as {
        policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } };
      }
    ).policies['3rdparty'].Extensions[geckoId()];
    createdDir = await mkdir(POLICY_DIR, { recursive: true });
    await writeFile(POLICY_FILE, example);

    folders = await newFirefoxFolders();
    driver = await launchFirefoxExtension(folders);
    const page = await driver.openExtensionPage('options.html');
    const managed = await page.evaluate(() =>
      (
        globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }
      ).browser.storage.managed.get(),
    );
    expect(managed).toEqual(expected);
  });
});
