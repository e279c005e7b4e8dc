/**
 * Managed policy end to end (issue 8), delivered the real way: a policy file Chromium reads from
 * /etc/chromium/policies/managed/, in a folder of each test's own (policy-browser.ts). The org the
 * tests sign in to listens on a port of its own, not the one the E2E build's defaults name, so a
 * sign-in there proves that policy alone configured the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { DevOrg } from '../../dev/org/index';
import { DEMO, newProfileDir, openNewTab, screenshot } from './harness';
import type { ExtensionBrowser } from './harness';
import { policyDeliveryUnavailable, policyFolder } from './policy-browser';
import type { PolicyFolder } from './policy-browser';

const UI_TIMEOUT = 15_000;
/** Chromium re-reads a rewritten policy file after about 5 s, then fires storage.managed.onChanged. */
const POLICY_RELOAD_TIMEOUT = 20_000;
const unavailable = policyDeliveryUnavailable();

let org: DevOrg;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  if (unavailable) return;
  const { startDevOrg } = await import('../../dev/org/index');
  org = await startDevOrg({ port: 0, people: 80, apps: 20, seed: 5, quiet: true, clientId: '0oapolicyonly' });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await org?.close();
});

async function launch(
  policy: Record<string, unknown>,
): Promise<{ folder: PolicyFolder; browser: ExtensionBrowser }> {
  const folder = await policyFolder(policy);
  cleanups.push(() => folder.remove());
  const profileDir = await newProfileDir();
  const browser = await folder.launch(profileDir);
  cleanups.push(async () => {
    await browser.close();
    await browser.removeProfile();
  });
  return { folder, browser };
}

/** Clicks Sign in on the new tab and completes the dev org's login page as `username`. */
async function signIn(browser: ExtensionBrowser, newTab: Page, username: string): Promise<void> {
  const loginOpened = browser.context.waitForEvent('page', {
    predicate: (page) => page.url().startsWith(org.url) || page.url() === 'about:blank',
    timeout: UI_TIMEOUT,
  });
  await newTab
    .getByRole('button', { name: /Sign in/ })
    .first()
    .click();
  const login = await loginOpened;
  // The login page is the org policy names, not the build's default org.
  await login.waitForURL((url) => url.href.startsWith(`${org.url}/`), { timeout: UI_TIMEOUT });
  await login.getByLabel('Username').fill(username);
  await login.getByLabel('Password').fill(DEMO.password);
  const closed = login.waitForEvent('close', { timeout: UI_TIMEOUT });
  await login.getByRole('button', { name: 'Sign in' }).click();
  await closed;
}

/** What the extension has stored: storage.local keys and record counts in IndexedDB. */
function stored(worker: Worker): Promise<{ keys: string[]; apps: number; people: number }> {
  return worker.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } };
    const keys = [
      ...Object.keys(await chrome.storage.local.get(null)),
      ...Object.keys(await chrome.storage.session.get(null)),
    ];
    const exists = (await indexedDB.databases()).some((db) => db.name === 'workstation');
    if (!exists) return { keys, apps: 0, people: 0 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('workstation');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (store: string) =>
      db.objectStoreNames.contains(store)
        ? new Promise<number>((resolve) => {
            const request = db.transaction(store).objectStore(store).count();
            request.onsuccess = () => resolve(request.result);
          })
        : Promise.resolve(0);
    const counts = { apps: await count('apps'), people: await count('people') };
    db.close();
    return { keys, ...counts };
  });
}

function userGroups(login: string): string[] {
  const user = org.org.users.find((candidate) => candidate.profile.login === login)!;
  return user.groupIds.map((id) => org.org.groups.find((group) => group.id === id)!.name);
}

describe.skipIf(unavailable)('managed policy from /etc/chromium/policies/managed', () => {
  let first: { folder: PolicyFolder; browser: ExtensionBrowser } | undefined;
  let newTab: Page;
  const policy = {
    oktaDomain: '',
    clientId: '',
    syncIntervalMinutes: 5,
    directoryUrl: 'http://directory.acme.example',
    clientSecret: 'a-secret-everyone-can-read',
  };

  it('signs in to the org policy names, and the options page lists the bad values while the rest works', async () => {
    Object.assign(policy, { oktaDomain: org.url, clientId: org.clientId });
    first = await launch(policy);
    newTab = await openNewTab(first.browser.context);
    await signIn(first.browser, newTab, DEMO.admin);
    await newTab.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: UI_TIMEOUT });

    const options = await first.browser.context.newPage();
    await options.goto(`chrome-extension://${first.browser.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'Settings' });
    await section
      .getByText('syncIntervalMinutes is 5; the minimum, 15, is used.')
      .waitFor({ timeout: UI_TIMEOUT });
    await section.getByText(/directoryUrl must be the https: address/).waitFor();
    await section.getByRole('alert').filter({ hasText: 'clientSecret is set but never used' }).waitFor();
    expect(await section.getByText('Set by your organization').count()).toBeGreaterThanOrEqual(3);
    expect(await options.content()).not.toContain('a-secret-everyone-can-read');
    await screenshot(options, 'options-policy-warnings.png');
    await options.close();
  });

  it('applies a policy change without a restart: another org signs the user out and deletes their data', async () => {
    if (!first) return expect.fail('the sign-in test did not run');
    const otherOrg = org.url.replace('127.0.0.1', 'localhost');
    await first.folder.write({ ...policy, oktaDomain: otherOrg });
    await newTab
      .getByRole('alert')
      .filter({ hasText: `moved Workstation to ${new URL(otherOrg).host}` })
      .first()
      .waitFor({ timeout: POLICY_RELOAD_TIMEOUT });
    await newTab
      .getByRole('button', { name: /Sign in/ })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    const after = await stored(first.browser.worker);
    expect(after.keys.filter((key) => /^(auth\.session|auth\.access|data\.owner)/.test(key))).toEqual([]);
    expect({ apps: after.apps, people: after.people }).toEqual({ apps: 0, people: 0 });
  });

  it('tells a user outside allowedGroups it is not enabled for them, and stores nothing', async () => {
    const employeeGroups = new Set(userGroups(DEMO.employee));
    const group = userGroups(DEMO.admin).find((name) => !employeeGroups.has(name))!;
    const { browser } = await launch({ oktaDomain: org.url, clientId: org.clientId, allowedGroups: [group] });
    const page = await openNewTab(browser.context);
    await signIn(browser, page, DEMO.employee);
    await page
      .getByText('Your organization has not enabled Workstation for your account.')
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'newtab-not-enabled.png');
    const after = await stored(browser.worker);
    // Only the flag that lets the next person choose their account stays: no token, owner or sync state.
    expect(
      after.keys.filter((key) => key !== 'auth.forceLoginNext' && /^(auth|data|sync)\./.test(key)),
    ).toEqual([]);
    expect({ apps: after.apps, people: after.people }).toEqual({ apps: 0, people: 0 });
  });
});
