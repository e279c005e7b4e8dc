/**
 * Shared steps of the new tab, popup and options E2E files: sign in through the dev org's login page,
 * wait for the first sync, find things by role (DESIGN.md, "UI contract"), run axe-core.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO, openNewTab } from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';

export const UI_TIMEOUT = 15_000;
export const SYNC_TIMEOUT = 60_000;

export function searchBox(page: Page) {
  return page.getByRole('combobox', { name: /Search/ });
}

export function resultRow(page: Page, name: string) {
  return page.getByRole('grid').getByRole('row', { name: new RegExp(escapeRegExp(name)) });
}

export function quickActions(page: Page) {
  return page.getByRole('region', { name: /Quick actions/ });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a new tab, signs in as `login` through the dev org's login page and waits for the first sync. */
export async function signInFromNewTab(
  browser: ExtensionBrowser,
  org: DevOrg,
  login: string = DEMO.admin,
): Promise<Page> {
  const page = await openNewTab(browser.context);
  const button = page.getByRole('button', { name: /Sign in/ }).first();
  await button.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const loginOpened = browser.context.waitForEvent('page', {
    predicate: (candidate) => candidate.url().startsWith(org.url) || candidate.url() === 'about:blank',
    timeout: UI_TIMEOUT,
  });
  await button.click();
  const loginPage = await loginOpened;
  await loginPage.waitForURL((url) => url.href.startsWith(org.url), { timeout: UI_TIMEOUT });
  await loginPage.getByLabel('Username').fill(login);
  await loginPage.getByLabel('Password').fill(DEMO.password);
  const closed = loginPage.waitForEvent('close', { timeout: UI_TIMEOUT });
  await loginPage.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  await page
    .getByRole('status')
    .filter({ hasText: 'Synced' })
    .first()
    .waitFor({ state: 'visible', timeout: SYNC_TIMEOUT });
  return page;
}

/** The id of the row that holds the combobox's active cell, and that row's accessible text. */
export async function activeRowText(page: Page): Promise<string> {
  return searchBox(page).evaluate((input) => {
    const id = input.getAttribute('aria-activedescendant');
    const cell = id ? document.getElementById(id) : null;
    return cell?.closest('[role="row"]')?.textContent ?? '';
  });
}

/** Presses ArrowDown until the active row holds `text` (at most `max` rows); returns false if never. */
export async function arrowTo(page: Page, text: string, max = 20): Promise<boolean> {
  for (let step = 0; step <= max; step++) {
    if ((await activeRowText(page)).includes(text)) return true;
    await page.keyboard.press('ArrowDown');
  }
  return false;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2 A/AA and best practices) in the page; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // An extension page's CSP may refuse an inline script; evaluating the source through the DevTools
  // protocol is not subject to it.
  await page.addScriptTag({ content: axeSource }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: Array<{
            id: string;
            impact: string | null;
            help: string;
            nodes: Array<{ target: string[] }>;
          }>;
        }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
