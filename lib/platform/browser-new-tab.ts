import { browser } from 'wxt/browser';

/**
 * "Use the browser's new tab page". An extension's new tab override cannot be switched off at run
 * time (w3c/webextensions#111), so the override page hands its own tab to the browser's page where
 * the browser allows an extension to open it:
 *
 * - Chrome and Chromium: `tabs.update(tab, { url: 'chrome://new-tab-page/' })` — the built-in page
 *   (Chromium shows its third-party variant there when the search engine is not Google). Tested in
 *   tests/e2e/newtab-keyboard.test.ts.
 * - Firefox: refuses privileged `about:` URLs from `tabs.update` ("Illegal URL"), and `about:newtab`
 *   is the page the extension overrides; Settings → Home only offers to turn the extension off.
 * - Edge: its own new tab page is `edge://newtab`, the very page the override replaces; not offered.
 */
export interface BrowserNewTab {
  /** Whether this browser lets the page hand over; when false, `browserName` says which one refused. */
  supported: boolean;
  browserName: string;
}

/** Where the browser's own new tab page lives, for the browsers that allow it. */
export const CHROMIUM_NEW_TAB_URL = 'chrome://new-tab-page/';

const PREFERENCE_KEY = 'workstation.useBrowserNewTab';

/** What this browser allows, from its user agent. */
export function browserNewTabSupport(userAgent: string): BrowserNewTab {
  if (/Firefox\//.test(userAgent)) return { supported: false, browserName: 'Firefox' };
  if (/Edg\//.test(userAgent)) return { supported: false, browserName: 'Microsoft Edge' };
  return { supported: /Chrom(e|ium)\//.test(userAgent), browserName: 'This browser' };
}

/**
 * Whether the person chose the browser's own new tab page. Kept in the extension origin's
 * `localStorage`: the new tab reads it synchronously before painting anything, and it survives
 * sign-out, which deletes the IndexedDB data.
 */
export function prefersBrowserNewTab(): boolean {
  try {
    return localStorage.getItem(PREFERENCE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Saves the choice. */
export function setPrefersBrowserNewTab(value: boolean): void {
  if (value) localStorage.setItem(PREFERENCE_KEY, 'true');
  else localStorage.removeItem(PREFERENCE_KEY);
}

/** Hands the current tab to the browser's own new tab page; false when that is not possible. */
export async function handOverToBrowserNewTab(): Promise<boolean> {
  if (!browserNewTabSupport(navigator.userAgent).supported) return false;
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id === undefined) return false;
    await browser.tabs.update(tab.id, { url: CHROMIUM_NEW_TAB_URL });
    return true;
  } catch {
    return false;
  }
}
