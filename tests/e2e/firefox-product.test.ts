/**
 * The product in real headless Firefox (Debian's firefox-esr): the Firefox build installs; policy
 * arrives through a per-test managed-storage manifest and names the org; sign-in runs through
 * `identity.launchWebAuthFlow` and the dev org's login page; sync; the new tab finds an app and a
 * person; the omnibox answers in the real address bar; a host permission the user revokes is named
 * and asked for again; the session survives a restart.
 *
 * Each step is a test of its own so a failure names the step; once one fails, the rest are skipped.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxDriver } from './firefox-driver';
import {
  EXTENSION_UUID,
  firefoxRedirectUri,
  geckoId,
  launchFirefoxExtension,
  newFirefoxFolders,
  startFirefoxOrg,
  writeManagedPolicy,
} from './firefox-harness';
import type { FirefoxFolders } from './firefox-harness';
import { pickApp, pickPerson } from './fixtures';
import type { ExpectedApp, ExpectedPerson } from './fixtures';
import { UNTRUSTED_ORIGIN } from '../../dev/org/index';
import { DEMO } from './harness';
import type { DevOrg } from './harness';
import { scenarioSteps } from './scenario-steps';

const UI_TIMEOUT = 15_000;
const SYNC_TIMEOUT = 45_000;
const NEW_TAB = `moz-extension://${EXTENSION_UUID}/newtab.html`;

/** The page a failure is reported from. */
let currentPage: Page | undefined;

const step = scenarioSteps(async () => {
  // What a person would have seen, for the failure report.
  const seen = await currentPage?.evaluate(() => document.body.innerText).catch(() => undefined);
  if (seen !== undefined) console.error(`New tab at failure:\n${seen}`);
});

/** Polls `probe` until it returns something truthy. */
async function until<T>(
  what: string,
  probe: () => Promise<T>,
  timeout = UI_TIMEOUT,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The text of every element with `role` whose text or accessible name contains `name`. */
function findByRole(page: Page, role: string, name: string): Promise<string[]> {
  return page.evaluate(
    (role, name) =>
      [...document.querySelectorAll(`[role="${role}"]${role === 'button' ? ', button' : ''}`)]
        .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim())
        .filter((text) => text.includes(name)),
    role,
    name,
  );
}

/** Types `text` into the search combobox, replacing what was there. */
async function search(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('[role="combobox"]');
    if (!box || !/Search/.test(box.getAttribute('aria-label') ?? '')) throw new Error('No Search combobox.');
    box.focus();
    box.select();
  });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Rows of the results grid whose name contains `name`. */
function gridRows(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      [...document.querySelectorAll('[role="grid"] [role="row"]')]
        .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`)
        .filter((text) => text.includes(name)),
    name,
  );
}

/** Clicks, with real input events (a user gesture), the first button whose name contains `name`. */
async function clickButton(page: Page, name: string): Promise<void> {
  const handle = await page.evaluateHandle((name) => {
    return [...document.querySelectorAll('button')].find((button) =>
      `${button.getAttribute('aria-label') ?? ''} ${button.textContent ?? ''}`.includes(name),
    );
  }, name);
  const button = handle.asElement() as ElementHandle<Element> | null;
  if (!button) throw new Error(`No button named ${name}.`);
  await button.click();
}

/** Answers Firefox's extension permission panel, as a person would with its Allow or Don't allow button. */
async function answerPermissionPrompt(driver: FirefoxDriver, answer: 'allow' | 'deny'): Promise<void> {
  await until('the permission panel', () =>
    driver.chromeEval<boolean>(
      `PopupNotifications.panel.state === 'open' && Boolean(PopupNotifications.getNotification('addon-webext-permissions'))`,
    ),
  );
  await driver.chromeEval(`(() => {
    const element = PopupNotifications.panel.querySelector('#addon-webext-permissions-notification');
    (${JSON.stringify(answer)} === 'allow' ? element.button : element.secondaryButton).click();
    return true;
  })()`);
}

/** Opens a real new tab (what Ctrl+T does) and returns the page once the override has loaded. */
async function openNewTab(driver: FirefoxDriver): Promise<Page> {
  const before = new Set(await driver.browser.pages());
  await driver.chromeEval('BrowserCommands.openTab()');
  const page = await until('a new tab', async () =>
    (await driver.browser.pages()).find((candidate) => !before.has(candidate)),
  );
  await until('the new tab page', async () => (await page.evaluate(() => location.href)) === NEW_TAB);
  return page;
}

describe('Firefox: policy, sign-in, sync, search, omnibox, host access and restart', () => {
  let org: DevOrg | undefined;
  let folders: FirefoxFolders | undefined;
  let driver: FirefoxDriver | undefined;
  let newTab: Page;
  let app: ExpectedApp;
  let person: ExpectedPerson;

  beforeAll(async () => {
    org = await startFirefoxOrg({ people: 300, apps: 40 });
    app = pickApp(org, DEMO.admin);
    person = pickPerson(org, DEMO.admin);
    folders = await newFirefoxFolders();
    await writeManagedPolicy(folders.home, { oktaDomain: org.url, clientId: org.clientId });
  });

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await org?.close();
    await folders?.remove();
  });

  step('the Firefox build installs, and its redirect URI is derived from its add-on id', async () => {
    driver = await launchFirefoxExtension(folders!);
    newTab = await openNewTab(driver);
    currentPage = newTab;
    const redirect = await newTab.evaluate(() =>
      (
        globalThis as unknown as { browser: { identity: { getRedirectURL(): string } } }
      ).browser.identity.getRedirectURL(),
    );
    expect(redirect).toBe(firefoxRedirectUri(geckoId()));
    // The options page shows admins the URI to register, as it does Chrome's.
    const options = await driver.openExtensionPage('options.html');
    await until('the redirect URI on the options page', async () =>
      (await options.evaluate(() => document.body.innerText)).includes(firefoxRedirectUri(geckoId())),
    );
    await options.close();
  });

  step(
    'the policy from the managed-storage manifest names the org, and the new tab offers Sign in',
    async () => {
      await until('a Sign in button', async () => (await findByRole(newTab, 'button', 'Sign in')).length > 0);
      const managed = await newTab.evaluate(() =>
        (
          globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }
        ).browser.storage.managed.get(),
      );
      expect(managed).toMatchObject({ oktaDomain: org!.url });
    },
  );

  step('Sign in opens the dev org login page through launchWebAuthFlow, and the admin signs in', async () => {
    await clickButton(newTab, 'Sign in');
    await until('the login window', async () =>
      (await driver!.contentUrls()).some((url) => url.startsWith(org!.url)),
    );
    await until('the login form', () =>
      driver!.contentEval<boolean>(org!.url, `Boolean(document.querySelector('input[type=password]'))`),
    );
    await driver!.contentEval(
      org!.url,
      `(() => {
        const byLabel = (text) => {
          const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(text));
          return label.control ?? document.getElementById(label.htmlFor);
        };
        byLabel('Username').value = ${JSON.stringify(DEMO.admin)};
        byLabel('Password').value = ${JSON.stringify(DEMO.password)};
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sign in').click();
        return true;
      })()`,
    );
    // launchWebAuthFlow closes its window once the redirect to the allizom.org URI arrives.
    await until('the login window to close', async () =>
      (await driver!.contentUrls()).every((url) => !url.startsWith(org!.url)),
    );
  });

  step(
    "Firefox's extension fetch sends an Origin on POST, and the session rule strips it from the token request",
    async () => {
      // The background is an event page with a window in Firefox; its fetch is the extension's own.
      const answers = await newTab.evaluate(async (tokenUrl) => {
        const { browser } = globalThis as unknown as {
          browser: { runtime: { getBackgroundPage(): Promise<{ fetch: typeof fetch }> } };
        };
        const background = await browser.runtime.getBackgroundPage();
        const post = async (url: string) => {
          const response = await background.fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'grant_type=refresh_token&refresh_token=probe&client_id=probe',
          });
          return (await response.json()) as { error_description?: string };
        };
        // The rule matches the token URL exactly; a query string puts the request outside it.
        return { outsideRule: await post(`${tokenUrl}?probe=1`), underRule: await post(tokenUrl) };
      }, `${org!.url}/oauth2/v1/token`);
      expect(answers.outsideRule.error_description).toBe(UNTRUSTED_ORIGIN);
      expect(answers.underRule.error_description).not.toBe(UNTRUSTED_ORIGIN);
    },
  );

  step('sync finishes and the new tab says so', async () => {
    await until(
      'Synced',
      async () => (await findByRole(newTab, 'status', 'Synced')).length > 0,
      SYNC_TIMEOUT,
    );
  });

  step('the new tab finds an app and a person', async () => {
    await search(newTab, app.query);
    await until(`a row for ${app.label}`, async () => (await gridRows(newTab, app.label)).length > 0);
    await search(newTab, person.query);
    await until(
      `a row for ${person.displayName}`,
      async () => (await gridRows(newTab, person.displayName)).length > 0,
    );
    const copyButtons = await newTab.evaluate(
      (name) =>
        [...document.querySelectorAll('[role="grid"] [role="row"]')]
          .filter((row) => (row.textContent ?? '').includes(name))
          .flatMap((row) =>
            [...row.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? ''),
          ),
      person.displayName,
    );
    expect(copyButtons.join(' ')).toContain('Copy email');
  });

  step('the omnibox answers in the real address bar as plain text, and Enter opens the app', async () => {
    const rows = await until('omnibox rows', () =>
      driver!.chromeEval<string[]>(`(async () => {
        gURLBar.focus();
        gURLBar.search(${JSON.stringify(`ok ${app.query}`)});
        await new Promise((r) => setTimeout(r, 400));
        // Rows of type "addon" come from the extension's omnibox, not from history or search.
        const rows = [...gURLBar.view.panel.querySelectorAll('.urlbarView-row[type="addon"]')].map((r) => r.textContent);
        return rows.some((t) => t.includes(${JSON.stringify(app.label)})) ? rows : null;
      })()`),
    );
    // Plain text: the label and its tag as a person reads them, no XML markup or entities.
    expect(rows.join('|')).toContain(`${app.label} — App`);
    expect(rows.join('|')).not.toMatch(/<\/?(match|dim|url)>|&(amp|lt|gt|quot|apos);/);
    await driver!.chromeEval('gURLBar.handleCommand()');
    await until(`a tab at ${app.linkUrl}`, async () =>
      (await driver!.contentUrls()).some((url) => url.startsWith(app.linkUrl)),
    );
  });

  step('a revoked host permission is named, and Sync now asks for it again', async () => {
    const orgPattern = `${new URL(org!.url).protocol}//${new URL(org!.url).hostname}/*`;
    await driver!.chromeEval(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(geckoId())});
      await ExtensionPermissions.remove(policy.id, { permissions: [], origins: [${JSON.stringify(orgPattern)}] }, policy.extension);
      return true;
    })()`);
    newTab = await openNewTab(driver!);
    currentPage = newTab;
    await until('Sync now', async () => (await findByRole(newTab, 'button', 'Sync now')).length > 0);
    await clickButton(newTab, 'Sync now');
    // Firefox asks in its own permission panel; refused, the sync cannot reach the org and says why.
    await answerPermissionPrompt(driver!, 'deny');
    await until('the host permission sentence', async () =>
      (await newTab.evaluate(() => document.body.innerText)).includes(
        `Workstation needs permission to talk to ${new URL(org!.url).host}`,
      ),
    );
    // Asked again and allowed, the next sync goes through.
    await clickButton(newTab, 'Sync now');
    await answerPermissionPrompt(driver!, 'allow');
    await until('the permission back', () =>
      newTab.evaluate(
        (pattern) =>
          (
            globalThis as unknown as {
              browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
            }
          ).browser.permissions.contains({ origins: [pattern] }),
        orgPattern,
      ),
    );
    await clickButton(newTab, 'Sync now');
    await until(
      'Synced again, without the sentence',
      async () => {
        const text = await newTab.evaluate(() => document.body.innerText);
        return /Synced just now/.test(text) && !text.includes('needs permission');
      },
      SYNC_TIMEOUT,
    );
  });

  step('after a restart on the same profile, the session and the synced data are still there', async () => {
    await driver!.close();
    // From here on the event page is suspended after 1 s idle, as Firefox does after 30 s.
    driver = await launchFirefoxExtension(folders!, { 'extensions.background.idle.timeout': 1_000 });
    newTab = await openNewTab(driver);
    currentPage = newTab;
    await until('no Sign in button and a search box', async () =>
      newTab.evaluate(() => Boolean(document.querySelector('[role="combobox"]'))),
    );
    await search(newTab, app.query);
    await until(`a row for ${app.label}`, async () => (await gridRows(newTab, app.label)).length > 0);
  });
  step(
    'once Firefox suspends the idle event page, the new tab and the address bar wake it and still find the app',
    async () => {
      const state = () =>
        driver!.chromeEval<string>(
          `WebExtensionPolicy.getByID(${JSON.stringify(geckoId())}).extension.backgroundState`,
        );
      await until('the event page to stop', async () => (await state()) === 'stopped');
      await search(newTab, person.query);
      await until(
        `a row for ${person.displayName}`,
        async () => (await gridRows(newTab, person.displayName)).length > 0,
      );
      await until('the event page to stop again', async () => (await state()) === 'stopped');
      await until('omnibox rows', () =>
        driver!.chromeEval<boolean>(`(async () => {
        gURLBar.focus();
        gURLBar.search(${JSON.stringify(`ok ${app.query}`)});
        await new Promise((r) => setTimeout(r, 400));
        return [...gURLBar.view.panel.querySelectorAll('.urlbarView-row[type="addon"]')].some((r) => r.textContent.includes(${JSON.stringify(app.label)}));
      })()`),
      );
    },
  );
});
