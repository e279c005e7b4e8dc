/**
 * The walking skeleton of issue 2, in real headless Chromium: sign in to the dev org through its login
 * page as the admin demo user, wait for sync, find an app and a person from the new tab, open the app,
 * get the app back from the omnibox, and find it again offline after a restart on the same profile.
 *
 * Each step is a test of its own so a failure names the step; once one fails, the rest are skipped.
 * Everything is found by role and accessible name (DESIGN.md, "UI contract").
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { pickApp, pickAppWithXmlCharacters, pickPerson } from './fixtures';
import type { ExpectedApp, ExpectedPerson } from './fixtures';
import {
  DEMO,
  isWellFormedOmniboxXml,
  launchExtension,
  newProfileDir,
  omniboxSuggestions,
  omniboxText,
  openNewTab,
  screenshot,
  SCREENSHOT_DIR,
  startE2eOrg,
} from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';
import { escapeRegExp } from './newtab-helpers';
import { scenarioSteps } from './scenario-steps';

const SYNC_TIMEOUT = 60_000;
const UI_TIMEOUT = 15_000;

/** The page a failure is recorded from: the new tab under test, when there is one. */
let pageOnFailure: Page | undefined;

/** Saves a screenshot and the accessibility tree of the new tab, to see what the user would have seen. */
async function recordFailure(stepName: string): Promise<void> {
  const page = pageOnFailure;
  if (!page || page.isClosed()) return;
  const slug = stepName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  try {
    await screenshot(page, `failure-${slug}.png`);
    const tree = await page.locator('body').ariaSnapshot({ timeout: 5_000 });
    await writeFile(join(SCREENSHOT_DIR, `failure-${slug}.aria.yml`), tree);
  } catch {
    // Best effort: the browser may be gone already.
  }
}

const step = scenarioSteps(recordFailure);

function searchBox(page: Page) {
  return page.getByRole('combobox', { name: /Search/ });
}

function resultRow(page: Page, name: string) {
  return page.getByRole('grid').getByRole('row', { name: new RegExp(escapeRegExp(name)) });
}

describe('walking skeleton: sign in, sync, and find apps and people from the new tab and the omnibox', () => {
  let org: DevOrg | undefined;
  let browser: ExtensionBrowser | undefined;
  let profileDir: string | undefined;
  let newTab: Page;
  let app: ExpectedApp;
  let person: ExpectedPerson;

  beforeAll(async () => {
    org = await startE2eOrg();
    app = pickApp(org, DEMO.admin);
    person = pickPerson(org, DEMO.admin);
    profileDir = await newProfileDir();
  });

  afterAll(async () => {
    await browser?.close();
    await org?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  step('a signed-out new tab offers a Sign in button', async () => {
    browser = await launchExtension(profileDir);
    newTab = await openNewTab(browser.context);
    pageOnFailure = newTab;
    await expect
      .poll(() => newTab.getByRole('button', { name: /Sign in/ }).count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
    await screenshot(newTab, 'newtab-signed-out.png');
  });

  step('Sign in opens the dev org login page, and signing in as the admin completes the flow', async () => {
    const { context } = browser!;
    const loginOpened = context.waitForEvent('page', {
      predicate: (page) => page.url().startsWith(org!.url) || page.url() === 'about:blank',
      timeout: UI_TIMEOUT,
    });
    await newTab
      .getByRole('button', { name: /Sign in/ })
      .first()
      .click();
    const login = await loginOpened;
    await login.waitForURL((url) => url.href.startsWith(org!.url), { timeout: UI_TIMEOUT });
    await login.getByLabel('Username').fill(DEMO.admin);
    await login.getByLabel('Password').fill(DEMO.password);
    const closed = login.waitForEvent('close', { timeout: UI_TIMEOUT });
    await login.getByRole('button', { name: 'Sign in' }).click();
    // launchWebAuthFlow closes its window once the redirect to https://<id>.chromiumapp.org/ arrives.
    await closed;
  });

  step('the new tab reports a finished sync', async () => {
    await newTab
      .getByRole('status')
      .filter({ hasText: 'Synced' })
      .first()
      .waitFor({ state: 'visible', timeout: SYNC_TIMEOUT });
  });

  step('typing a few letters of an app shows its row in the results grid', async () => {
    await searchBox(newTab).fill(app.query);
    await resultRow(newTab, app.label).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  });

  step("typing a person's name shows their row with a Copy email button", async () => {
    await searchBox(newTab).fill(person.query);
    const row = resultRow(newTab, person.displayName).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await row.getByRole('button', { name: /Copy email/ }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await screenshot(newTab, 'newtab-results.png');
  });

  step("activating the app's row opens the app's link in a tab", async () => {
    const { context } = browser!;
    await searchBox(newTab).fill(app.query);
    const row = resultRow(newTab, app.label).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // From the new tab page the app may replace the page itself (as the browser's own shortcuts do) or
    // open beside it; either is a tab on the app's link.
    const inNewTab = context
      .waitForEvent('page', { timeout: UI_TIMEOUT })
      .then(
        async (tab) => (await tab.waitForURL(app.linkUrl, { timeout: UI_TIMEOUT, waitUntil: 'commit' }), tab),
      );
    const inThisTab = newTab
      .waitForURL(app.linkUrl, { timeout: UI_TIMEOUT, waitUntil: 'commit' })
      .then(() => newTab);
    await row.click();
    const tab = await Promise.any([inNewTab, inThisTab]);
    if (tab === newTab) {
      newTab = await openNewTab(context);
      pageOnFailure = newTab;
    } else {
      await tab.close();
    }
  });

  step('the omnibox suggests the app, and entering the suggestion opens its link', async () => {
    const suggestions = await omniboxSuggestions(browser!.worker, app.query);
    const suggestion = suggestions.find((s) => omniboxText(s.description).includes(app.label));
    expect(suggestion, `suggestions for "${app.query}": ${JSON.stringify(suggestions)}`).toBeDefined();
    expect(isWellFormedOmniboxXml(suggestion!.description), suggestion!.description).toBe(true);

    const opened = browser!.context.waitForEvent('page', { timeout: UI_TIMEOUT });
    await browser!.worker.evaluate((content) => {
      const { chrome } = globalThis as unknown as {
        chrome: { omnibox: { onInputEntered: { dispatch(content: string, disposition: string): void } } };
      };
      chrome.omnibox.onInputEntered.dispatch(content, 'newForegroundTab');
    }, suggestion!.content);
    const tab = await opened;
    await tab.waitForURL(app.linkUrl, { timeout: UI_TIMEOUT, waitUntil: 'commit' });
    await tab.close();
  });

  step('an app label holding XML characters comes back escaped in its omnibox suggestion', async () => {
    const tricky = pickAppWithXmlCharacters(org!, DEMO.admin);
    if (!tricky) return;
    const suggestions = await omniboxSuggestions(browser!.worker, tricky.query);
    const suggestion = suggestions.find((s) => omniboxText(s.description).includes(tricky.label));
    expect(suggestion, `suggestions for "${tricky.query}": ${JSON.stringify(suggestions)}`).toBeDefined();
    expect(isWellFormedOmniboxXml(suggestion!.description), suggestion!.description).toBe(true);
  });

  step(
    'after a restart on the same profile with the dev org stopped, search still finds the app',
    async () => {
      await browser!.close();
      await org!.close();
      org = undefined;
      browser = await launchExtension(profileDir);
      newTab = await openNewTab(browser.context);
      pageOnFailure = newTab;
      await searchBox(newTab).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await searchBox(newTab).fill(app.query);
      await resultRow(newTab, app.label).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await screenshot(newTab, 'newtab-offline.png');
    },
  );
});
