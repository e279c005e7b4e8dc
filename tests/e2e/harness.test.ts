import { afterAll, describe, expect, test } from 'vitest';
import { launchExtension, PINNED_EXTENSION_ID } from './harness';
import type { ExtensionBrowser } from './harness';

describe('the E2E harness', () => {
  let browser: ExtensionBrowser | undefined;

  afterAll(async () => {
    await browser?.close();
    await browser?.removeProfile();
  });

  test('launches Chromium with the built extension and finds its service worker under the pinned id', async () => {
    browser = await launchExtension();
    expect(browser.extensionId).toBe(PINNED_EXTENSION_ID);
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const keyword = await browser.worker.evaluate(() => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { getManifest(): { omnibox?: { keyword?: string } } } };
      };
      return chrome.runtime.getManifest().omnibox?.keyword;
    });
    expect(keyword).toBe('ok');
  });
});
