import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AppError } from '@/lib/errors';
import { createBrowserPlatform } from '@/lib/platform/browser-platform';

/** WXT's fake browser, as Firefox or Chrome would answer, with the user's host access in `granted`. */
function asBrowser(family: 'firefox' | 'chromium', granted: (pattern: string) => boolean) {
  const base =
    family === 'firefox' ? 'moz-extension://6f3c2a4e-1b2d-4c5e-9f00-0123456789ab' : 'chrome-extension://x';
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
    (path: string) => `${base}/${path.replace(/^\//, '')}`,
  );
  const asked: string[][] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => {
    asked.push(origins);
    return origins.every(granted);
  });
  return asked;
}

describe('the browser platform', () => {
  const fetched: string[] = [];

  beforeEach(() => {
    fetched.length = 0;
    vi.stubGlobal('fetch', async (input: string) => {
      fetched.push(input);
      return new Response('{}');
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('checks host access before every request and refuses a host the user took access from', async () => {
    asBrowser('chromium', (pattern) => pattern === 'https://acme.okta.com/*');
    const platform = createBrowserPlatform();
    await platform.fetch('https://acme.okta.com/api/v1/users/me');
    const refused = await platform
      .fetch('https://login.acme.example/oauth2/v1/token')
      .catch((error) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('HOST_PERMISSION_DENIED');
    expect(fetched).toEqual(['https://acme.okta.com/api/v1/users/me']);
  });

  it('asks Firefox about hosts without a port, as its granted patterns have none', async () => {
    const asked = asBrowser('firefox', (pattern) => pattern === 'http://127.0.0.1/*');
    const platform = createBrowserPlatform();
    await platform.fetch('http://127.0.0.1:8419/api/v1/users/me/appLinks');
    expect(await platform.hostAccess.contains(['http://127.0.0.1:8419/*'])).toBe(true);
    expect(asked).toEqual([['http://127.0.0.1/*'], ['http://127.0.0.1/*']]);
  });

  it("reads Firefox's missing managed policy as none, and gives Firefox plain-text omnibox rows", async () => {
    asBrowser('firefox', () => true);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    const platform = createBrowserPlatform();
    await expect(platform.managedPolicy.read()).resolves.toBeUndefined();
    expect(platform.omnibox.markup).toBe('plain');
  });

  it('leaves Chrome its XML omnibox rows', () => {
    asBrowser('chromium', () => true);
    expect(createBrowserPlatform().omnibox.markup).toBe('xml');
  });
});
