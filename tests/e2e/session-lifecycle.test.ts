/**
 * The session over its life (issue 4), in real headless Chromium against the dev org: an 8-second
 * access token that expires and is renewed (the refresh token rotating each time), a browser restart
 * on the same profile (the access token in `storage.session` is gone, the refresh token in
 * `storage.local` carries the session), and a sign-out that leaves no token and no record behind.
 *
 * Each step is a test of its own; once one fails, the rest are skipped. UI is found by role and
 * accessible name (DESIGN.md, "UI contract").
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readStorage, signInOnLoginPage, storeCounts, syncStatus } from './extension-state';
import type { StoredAreas } from './extension-state';
import { DEMO, launchExtension, newProfileDir, openNewTab, screenshot, startE2eOrg } from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';
import { scenarioSteps } from './scenario-steps';

const UI_TIMEOUT = 15_000;
const SYNC_TIMEOUT = 30_000;
/** Short enough to expire during the test; the extension refreshes a quarter of the life ahead. */
const ACCESS_TOKEN_TTL_SECONDS = 8;

interface StoredSession {
  refreshToken?: string;
}
interface StoredAccess {
  accessToken: string;
  expiresAt: number;
  issuedAt: number;
}

const step = scenarioSteps();

const refreshTokenOf = (stored: StoredAreas) =>
  (stored.local['auth.session'] as StoredSession | undefined)?.refreshToken;
const accessOf = (stored: StoredAreas) => stored.session['auth.access'] as StoredAccess | undefined;

describe('a session across token expiry, a browser restart and sign-out', () => {
  let org: DevOrg;
  let browser: ExtensionBrowser | undefined;
  let profileDir: string;
  let newTab: Page;
  /** Every refresh token the session has held, oldest first. */
  const refreshTokens: string[] = [];
  let lastAccessToken = '';

  beforeAll(async () => {
    org = await startE2eOrg({
      people: 200,
      apps: 20,
      seed: 41,
      accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
    });
    profileDir = await newProfileDir();
  });

  afterAll(async () => {
    await browser?.close();
    await org?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  /** Clicks "Sync now" on the new tab and waits for a later successful sync than the last one. */
  async function syncNowSucceeds(): Promise<void> {
    const before = (await syncStatus(browser!.worker))?.lastSuccessAt ?? 0;
    await newTab.getByRole('button', { name: 'Sync now' }).click({ timeout: UI_TIMEOUT });
    await expect
      .poll(async () => (await syncStatus(browser!.worker))?.lastSuccessAt ?? 0, { timeout: SYNC_TIMEOUT })
      .toBeGreaterThan(before);
    const status = await syncStatus(browser!.worker);
    expect(status?.error).toBeUndefined();
    expect(status?.apps).toBeGreaterThan(0);
    expect(status?.people).toBeGreaterThan(0);
    await newTab.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: UI_TIMEOUT });
  }

  step('signs in with an 8-second access token and finishes the first sync', async () => {
    browser = await launchExtension(profileDir);
    newTab = await openNewTab(browser.context);
    await signInOnLoginPage(browser, newTab, org.url, DEMO.admin);
    await newTab.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: SYNC_TIMEOUT });
    const stored = await readStorage(browser.worker);
    const access = accessOf(stored);
    expect(access).toBeDefined();
    expect(access!.expiresAt - access!.issuedAt).toBe(ACCESS_TOKEN_TTL_SECONDS * 1000);
    expect(refreshTokenOf(stored)).toBeTruthy();
    refreshTokens.push(refreshTokenOf(stored)!);
    lastAccessToken = access!.accessToken;
  });

  step(
    'after that access token expired, "Sync now" succeeds on a renewed one and the refresh token rotated',
    async () => {
      const first = accessOf(await readStorage(browser!.worker))!;
      const wait = first.expiresAt + 500 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await syncNowSucceeds();
      const stored = await readStorage(browser!.worker);
      const access = accessOf(stored)!;
      expect(access.accessToken).not.toBe(lastAccessToken);
      expect(access.expiresAt).toBeGreaterThan(Date.now());
      expect(refreshTokenOf(stored)).toBeTruthy();
      expect(refreshTokens).not.toContain(refreshTokenOf(stored));
      refreshTokens.push(refreshTokenOf(stored)!);
      lastAccessToken = access.accessToken;
    },
  );

  step(
    'after a browser restart on the same profile it is still signed in, and "Sync now" succeeds',
    async () => {
      await browser!.close();
      browser = await launchExtension(profileDir);
      const restarted = await readStorage(browser.worker);
      // The access token lived in storage.session, which the browser empties when it closes.
      expect(accessOf(restarted)).toBeUndefined();
      expect(refreshTokenOf(restarted)).toBe(refreshTokens.at(-1));

      newTab = await openNewTab(browser.context);
      await newTab.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: UI_TIMEOUT });
      expect(await newTab.getByRole('button', { name: /Sign in/ }).count()).toBe(0);
      await syncNowSucceeds();
      const stored = await readStorage(browser.worker);
      expect(accessOf(stored)?.accessToken).toBeTruthy();
      expect(refreshTokens).not.toContain(refreshTokenOf(stored));
      refreshTokens.push(refreshTokenOf(stored)!);
      lastAccessToken = accessOf(stored)!.accessToken;
      await screenshot(newTab, 'session-after-restart.png');
    },
  );

  step('sign-out leaves every IndexedDB store empty and no token or record in storage', async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Sign out', exact: true }).click({ timeout: UI_TIMEOUT });
    await options
      .getByRole('button', { name: /Sign in/ })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    // The new tab hears of it too.
    await newTab
      .getByRole('button', { name: /Sign in/ })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });

    const counts = await storeCounts(browser!.worker);
    expect(Object.keys(counts).sort()).toEqual(['apps', 'launches', 'meta', 'people', 'prefs', 'staging']);
    for (const [store, count] of Object.entries(counts))
      expect({ store, count }).toEqual({ store, count: 0 });

    const stored = await readStorage(browser!.worker);
    expect(stored.session).toEqual({});
    // Only the flag that shows Okta's login page to whoever signs in next. (With a managed policy, its
    // last good copy, `policy.lastGood`, would stay too: it is the organization's, not the person's.
    // This browser has none.)
    expect(stored.local).toEqual({ 'auth.forceLoginNext': true });
    const everything = JSON.stringify(stored);
    for (const token of [...refreshTokens, lastAccessToken]) expect(everything).not.toContain(token);

    // The refresh token was revoked at Okta, not only forgotten.
    const introspection = await fetch(`${org.url}/oauth2/v1/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: refreshTokens.at(-1)!,
        token_type_hint: 'refresh_token',
        client_id: org.clientId,
      }),
    });
    expect(((await introspection.json()) as { active?: boolean }).active).toBe(false);
    await screenshot(options, 'options-signed-out.png');
  });
});
