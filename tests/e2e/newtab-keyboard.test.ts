/**
 * The new tab by keyboard alone, in real Chromium: typing anywhere starts a search, arrows pick a row,
 * Ctrl+Enter opens the app in a new tab, → and Enter copy a colleague's email with visible "Copied"
 * feedback; quick actions are hidden, restored and moved by keyboard and stay so after a reload; and
 * "Use the browser's new tab page" hands new tabs to Chromium's own page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pickApp, pickPerson } from './fixtures';
import type { ExpectedApp, ExpectedPerson } from './fixtures';
import { DEMO, launchExtension, openNewTab, screenshot, startE2eOrg } from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';
import {
  activeRowText,
  arrowTo,
  quickActions,
  searchBox,
  signInFromNewTab,
  UI_TIMEOUT,
} from './newtab-helpers';

describe('the new tab, keyboard first', () => {
  let org: DevOrg | undefined;
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  let app: ExpectedApp;
  let person: ExpectedPerson;

  beforeAll(async () => {
    org = await startE2eOrg();
    app = pickApp(org, DEMO.admin);
    person = pickPerson(org, DEMO.admin);
    browser = await launchExtension();
    page = await signInFromNewTab(browser, org);
  });

  afterAll(async () => {
    await browser?.close();
    await browser?.removeProfile();
    await org?.close();
  });

  test('typing anywhere on the page starts a search; arrows pick the app and Ctrl+Enter opens it in a new tab', async () => {
    await page.locator('body').focus();
    await page.keyboard.type(app.query);
    await expect.poll(() => searchBox(page).inputValue()).toBe(app.query);
    await expect.poll(() => activeRowText(page), { timeout: UI_TIMEOUT }).not.toBe('');
    expect(await arrowTo(page, app.label)).toBe(true);
    const opened = browser!.context.waitForEvent('page', { timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+Enter');
    const tab = await opened;
    await tab.waitForURL(app.linkUrl, { timeout: UI_TIMEOUT, waitUntil: 'commit' });
    await tab.close();
    expect(page.url()).toMatch(/^chrome(-extension)?:\/\//);
  });

  test("→ then Enter on a colleague's row copies the email and says Copied", async () => {
    await searchBox(page).fill('');
    await searchBox(page).focus();
    await page.keyboard.type(person.query);
    await expect.poll(() => activeRowText(page), { timeout: UI_TIMEOUT }).not.toBe('');
    expect(await arrowTo(page, person.displayName)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row', { name: new RegExp(person.displayName) }).first();
    await row.getByText('Copied').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await page
      .getByRole('status')
      .filter({ hasText: `Copied ${person.email}` })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'newtab-copied.png');
    await page.keyboard.press('Escape');
    expect(await searchBox(page).inputValue()).toBe('');
    // What was copied is what a paste brings back.
    await page.keyboard.press('Control+V');
    await expect.poll(() => searchBox(page).inputValue()).toBe(person.email);
    await page.keyboard.press('Escape');
  });

  test('the recently used row lists the app just opened in another tab, without a reload', async () => {
    const recent = page.getByRole('region', { name: /Recently used/ });
    await recent.getByRole('link', { name: app.label }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  });

  test('a quick action hidden from its menu by keyboard stays hidden after a reload, and comes back', async () => {
    const region = quickActions(page);
    const links = region.getByRole('list').first().getByRole('link');
    await links.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const label = (await links.first().innerText()).trim();
    await region.getByRole('button', { name: `Options for ${label}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Hide from quick actions' }).waitFor({ state: 'visible' });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await region
      .getByRole('link', { name: label, exact: true })
      .waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await page.reload();
    const restore = quickActions(page).getByRole('button', { name: /Show hidden apps \(1\)/ });
    await restore.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    expect(await quickActions(page).getByRole('link', { name: label, exact: true }).count()).toBe(0);
    await restore.focus();
    await page.keyboard.press('Enter');
    await quickActions(page)
      .getByRole('link', { name: label, exact: true })
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  });

  test('Alt+→ moves a focused tile one place later, pins it, and the order survives a reload', async () => {
    const tileLinks = () => quickActions(page).getByRole('list').first().getByRole('link');
    const labels = async () => (await tileLinks().allInnerTexts()).map((text) => text.trim());
    const before = await labels();
    expect(before.length).toBeGreaterThan(2);
    await tileLinks().first().focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(labels, { timeout: UI_TIMEOUT }).toEqual([before[1], before[0], ...before.slice(2)]);
    // Focus follows the tile that moved, so it can keep moving.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(before[0]);
    await page.reload();
    await expect.poll(labels, { timeout: UI_TIMEOUT }).toEqual([before[1], before[0], ...before.slice(2)]);
    await screenshot(page, 'newtab-quick-actions-moved.png');
  });

  test('with the mouse, dragging a tile onto another puts it in that place', async () => {
    const tileLinks = () => quickActions(page).getByRole('list').first().getByRole('link');
    const labels = async () => (await tileLinks().allInnerTexts()).map((text) => text.trim());
    const before = await labels();
    await tileLinks().nth(3).dragTo(tileLinks().nth(0));
    await expect
      .poll(labels, { timeout: UI_TIMEOUT })
      .toEqual([before[3], before[0], before[1], before[2], ...before.slice(4)]);
  });

  test('offline, the status line says results come from the last sync, and search still answers', async () => {
    await browser!.context.setOffline(true);
    try {
      await page
        .getByRole('status')
        .filter({ hasText: /^Offline · showing what was synced/ })
        .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
      await searchBox(page).fill(app.query);
      await page
        .getByRole('grid')
        .getByRole('row', { name: new RegExp(app.label) })
        .first()
        .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await screenshot(page, 'newtab-offline-status.png');
      await searchBox(page).fill('');
    } finally {
      await browser!.context.setOffline(false);
    }
  });

  test("with “Use the browser's new tab page” on, a new tab goes to Chromium's own page; off, Workstation's", async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    const choice = options.getByRole('checkbox', { name: /Use the browser/ });
    await choice.check();
    const handedOver = await openNewTab(browser!.context);
    await handedOver.waitForURL(/^chrome:\/\/new-tab-page/, { timeout: UI_TIMEOUT });
    await handedOver.close();
    await choice.uncheck();
    const ours = await openNewTab(browser!.context);
    await searchBox(ours).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await ours.close();
    await options.close();
  });
});
