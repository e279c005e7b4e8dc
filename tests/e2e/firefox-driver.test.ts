/**
 * Smoke test of tests/e2e/firefox-driver.ts: each puppeteer internal it relies on still works with the
 * pinned puppeteer-core and Debian's firefox-esr. When puppeteer is upgraded, this file fails first and
 * names the piece that moved.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxDriver } from './firefox-driver';
import { findFirefox } from './firefox-driver';
import { EXTENSION_UUID, geckoId, launchFirefoxExtension, newFirefoxFolders } from './firefox-harness';
import type { FirefoxFolders } from './firefox-harness';

describe('the Firefox driver', () => {
  let folders: FirefoxFolders;
  let driver: FirefoxDriver | undefined;

  beforeAll(async () => {
    folders = await newFirefoxFolders();
  });

  afterAll(async () => {
    await driver?.close();
    await folders.remove();
  });

  it('pins the puppeteer-core version its internals were checked against', () => {
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    ) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['puppeteer-core']).toBe('24.43.1');
    expect(findFirefox()).toMatch(/firefox/);
  });

  it('launches Firefox and installs the build as a temporary add-on under its gecko id', async () => {
    driver = await launchFirefoxExtension(folders);
    expect(driver.extensionId).toBe(geckoId());
  });

  it('navigates a tab to a moz-extension:// page at the pinned host and waits for it to load', async () => {
    const page = await driver!.openExtensionPage('options.html');
    expect(await page.evaluate(() => location.href)).toBe(`moz-extension://${EXTENSION_UUID}/options.html`);
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    await page.close();
  });

  it("evaluates in the browser window's chrome scope, where the new tab override is registered", async () => {
    const newTabUrl = await driver!.chromeEval<string>('AboutNewTab.newTabURL');
    expect(newTabUrl).toBe(`moz-extension://${EXTENSION_UUID}/newtab.html`);
    expect(await driver!.chromeEval<boolean>('typeof gURLBar.search === "function"')).toBe(true);
  });

  it('lists, evaluates in and closes top-level content contexts', async () => {
    const page = await driver!.browser.newPage();
    await driver!.goto(page, 'data:text/html,<title>probe</title><p>probe</p>');
    expect(await driver!.contentUrls()).toContain('data:text/html,<title>probe</title><p>probe</p>');
    expect(await driver!.contentEval<string>('data:text/html,<title>probe', 'document.title')).toBe('probe');
    await driver!.closeContext('data:text/html,<title>probe');
    expect(await driver!.contentUrls()).not.toContain('data:text/html,<title>probe</title><p>probe</p>');
  });
});
