/**
 * Accessibility and looks of every page, in real Chromium: axe-core finds no serious or critical
 * violation on the new tab (signed out, signed in, with results), the popup and the options page; each
 * is saved as a screenshot in light and dark; the new tab stays usable at 200 % zoom; and results
 * arriving move nothing on the page (no layout shift).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pickApp, pickPerson } from './fixtures';
import { DEMO, launchExtension, openNewTab, screenshot, startE2eOrg } from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';
import {
  quickActions,
  resultRow,
  searchBox,
  seriousViolations,
  signInFromNewTab,
  UI_TIMEOUT,
} from './newtab-helpers';

/** Checks axe and saves light and dark screenshots of a page in the state it is in. */
async function checkPage(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await seriousViolations(page);
    expect(violations, `${name} (${colorScheme}): ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    await screenshot(page, `${name}-${colorScheme}.png`);
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('accessibility and looks of the new tab, popup and options', () => {
  let org: DevOrg | undefined;
  let browser: ExtensionBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    org = await startE2eOrg();
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await browser?.removeProfile();
    await org?.close();
  });

  test('the signed-out new tab and options page have no serious accessibility violation', async () => {
    const signedOut = await openNewTab(browser!.context);
    await signedOut
      .getByRole('button', { name: /Sign in/ })
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await checkPage(signedOut, 'newtab-signed-out');
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Account' }).waitFor({ timeout: UI_TIMEOUT });
    await checkPage(options, 'options-signed-out');
    await options.close();
    await signedOut.close();
    page = await signInFromNewTab(browser!, org!);
  });

  test('the signed-in new tab, with quick actions and with results, has no serious accessibility violation', async () => {
    await quickActions(page).getByRole('link').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await checkPage(page, 'newtab');
    const person = pickPerson(org!, DEMO.admin);
    await searchBox(page).fill(person.query.split(' ')[0]!);
    await resultRow(page, person.displayName).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await checkPage(page, 'newtab-results');
    await searchBox(page).fill('zzqxv');
    await page.getByText(/Nothing matches/).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await checkPage(page, 'newtab-no-results');
    await searchBox(page).fill('');
  });

  test('an open quick-action menu has no serious accessibility violation', async () => {
    await quickActions(page)
      .getByRole('button', { name: /Options for/ })
      .first()
      .click();
    await page.getByRole('menu').waitFor({ state: 'visible' });
    await checkPage(page, 'newtab-menu');
    await page.keyboard.press('Escape');
  });

  test('the popup opens with focus in the same search, without accessibility violations', async () => {
    const popup = await browser!.context.newPage();
    await popup.setViewportSize({ width: 480, height: 600 });
    await popup.goto(`chrome-extension://${browser!.extensionId}/popup.html`);
    const app = pickApp(org!, DEMO.admin);
    // Unlike a new tab, the popup takes focus: typing goes straight into the search box.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: UI_TIMEOUT })
      .toBe('combobox');
    await popup.keyboard.type(app.query);
    await resultRow(popup, app.label).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await checkPage(popup, 'popup-results');
    await popup.close();
  });

  test('the signed-in options page shows account, sync, diagnostics and the redirect URI, without violations', async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Sign in as someone else' }).waitFor({ timeout: UI_TIMEOUT });
    await options.getByText(`https://${browser!.extensionId}.chromiumapp.org/`).first().waitFor();
    await options.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    await options.getByText('Database schema').waitFor();
    await checkPage(options, 'options');
    await options.close();
  });

  test('at 200 % zoom the new tab keeps search and quick actions on screen without sideways scrolling', async () => {
    const zoomed = await browser!.context.newPage();
    // 200 % zoom of a 1280 px window is a 640 px wide CSS viewport.
    await zoomed.setViewportSize({ width: 640, height: 400 });
    await zoomed.goto(page.url());
    await quickActions(zoomed).getByRole('link').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await zoomed.evaluate(() => {
      document.documentElement.style.zoom = '2';
    });
    await screenshot(zoomed, 'newtab-zoom-200.png');
    await zoomed.close();
  });

  test('results arriving shift nothing on the page around them', async () => {
    const fresh = await openNewTab(browser!.context);
    await quickActions(fresh).getByRole('link').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await fresh.evaluate(() => {
      type Rect = { left: number; right: number; top: number; bottom: number };
      type Source = { inResults: boolean | undefined; was: Rect; now: Rect; what: string };
      const shifts: Array<{ value: number; sources: Source[] }> = [];
      // Everywhere the results list has been: a row the next keystroke already replaced reaches the
      // observer without its node, and is known as a result by lying there.
      const area = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
      const track = () => {
        const grid = document.querySelector('[role="grid"]')?.getBoundingClientRect();
        if (grid && grid.height > 0) {
          area.left = Math.min(area.left, grid.left);
          area.right = Math.max(area.right, grid.right);
          area.top = Math.min(area.top, grid.top);
          area.bottom = Math.max(area.bottom, grid.bottom);
        }
        requestAnimationFrame(track);
      };
      requestAnimationFrame(track);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const shift = entry as unknown as {
            value: number;
            sources?: Array<{
              node?: Node | null;
              previousRect: DOMRectReadOnly;
              currentRect: DOMRectReadOnly;
            }>;
          };
          shifts.push({
            value: shift.value,
            sources: (shift.sources ?? []).map((source) => {
              const element = source.node instanceof Element ? source.node : source.node?.parentElement;
              return {
                inResults: element ? element.closest('[role="grid"]') !== null : undefined,
                was: source.previousRect.toJSON() as Rect,
                now: source.currentRect.toJSON() as Rect,
                what: element ? element.outerHTML.slice(0, 80) : 'a removed node',
              };
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: false });
      (globalThis as unknown as { shiftsOutsideResults: () => unknown }).shiftsOutsideResults = () => {
        const inArea = (r: Rect) =>
          r.left >= area.left && r.right <= area.right && r.top >= area.top && r.bottom <= area.bottom;
        // Rows moving inside the results list as they change with each keystroke are the results
        // themselves; what must not move is the page around them.
        return shifts
          .map((shift) => ({
            value: shift.value,
            sources: shift.sources.filter((source) =>
              source.inResults === undefined
                ? !(inArea(source.was) && inArea(source.now))
                : !source.inResults,
            ),
          }))
          .filter((shift) => shift.sources.length > 0);
      };
    });
    // Where the page around the results is: it must be where it was once results show.
    const around = () =>
      fresh.evaluate(() =>
        ['.search input', '#search-hint', '.status-line', 'main > footer'].map((selector) => {
          const rect = document.querySelector(selector)?.getBoundingClientRect();
          return `${selector} ${rect ? `${rect.left},${rect.top} ${rect.width}×${rect.height}` : 'missing'}`;
        }),
      );
    const before = await around();
    const app = pickApp(org!, DEMO.admin);
    await searchBox(fresh).click();
    await fresh.keyboard.type(app.query);
    await resultRow(fresh, app.label).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await fresh.waitForTimeout(200);
    expect(await around()).toEqual(before);
    const shifts = await fresh.evaluate(() =>
      (
        globalThis as unknown as { shiftsOutsideResults: () => Array<{ value: number }> }
      ).shiftsOutsideResults(),
    );
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(total, JSON.stringify(shifts)).toBeLessThan(0.01);
    await fresh.close();
  });
});
