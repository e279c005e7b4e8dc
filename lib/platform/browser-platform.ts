import { browser } from 'wxt/browser';
import { AppError } from '../errors';
import type { BrowserFamily } from './browser-differences';
import { browserFamily, hostPatterns, originPatternOf } from './browser-differences';
import type { Disposition, HostAccess, KeyValueArea, Platform } from './ports';

function area(storage: typeof browser.storage.local): KeyValueArea {
  return {
    async get<T>(key: string) {
      const values = await storage.get(key);
      return values[key] as T | undefined;
    },
    set: (values) => storage.set(values),
    remove: (keys) => storage.remove(keys),
  };
}

/** First id of the session rules that strip `Origin` from token and revoke requests. */
const STRIP_ORIGIN_RULE_ID = 1;

/** Host access through `permissions`, with patterns as this browser's API reads them. */
function hostAccess(family: BrowserFamily): HostAccess {
  return {
    contains: (origins) => browser.permissions.contains({ origins: hostPatterns(origins, family) }),
    request: (origins) => browser.permissions.request({ origins: hostPatterns(origins, family) }),
  };
}

/** The URL a `fetch` goes to. */
function requestUrl(input: RequestInfo | URL): string {
  if (input instanceof URL) return input.href;
  return typeof input === 'string' ? input : input.url;
}

/** The real platform, backed by `browser.*`; the only module in lib/ that touches browser APIs. */
export function createBrowserPlatform(): Platform {
  const family = browserFamily(browser.runtime.getURL('/'));
  const access = hostAccess(family);
  return {
    local: area(browser.storage.local),
    session: area(browser.storage.session),
    clock: { now: () => Date.now() },
    // The user can take host access away at any time (Firefox: about:addons or the extensions
    // panel; Chrome: site access), and a request without it fails as an anonymous network error.
    // Each call checks first, so the product can say what is missing and ask again.
    async fetch(input, init) {
      const url = requestUrl(input);
      if (!(await access.contains([originPatternOf(url)]))) {
        throw new AppError('HOST_PERMISSION_DENIED', `No host access to ${new URL(url).host}.`, {
          host: new URL(url).host,
        });
      }
      return fetch(input, init);
    },
    webAuthFlow: {
      redirectUri: () => browser.identity.getRedirectURL(),
      async launch(url, interactive) {
        const result = await browser.identity.launchWebAuthFlow({ url, interactive });
        if (!result) throw new Error('The authorization flow returned no URL.');
        return result;
      },
    },
    hostAccess: access,
    originStripper: {
      async stripOriginFor(urls) {
        // Okta treats a token request that carries an Origin as a browser request and checks it against
        // Trusted Origins, where a chrome-extension:// origin cannot be added (okta-api.md §10).
        // A session rule removes the header from this extension's own requests, as native apps send them.
        const existing = await browser.declarativeNetRequest.getSessionRules();
        await browser.declarativeNetRequest.updateSessionRules({
          removeRuleIds: existing.map((rule) => rule.id),
          addRules: urls.map((url, i) => ({
            id: STRIP_ORIGIN_RULE_ID + i,
            priority: 1,
            action: {
              type: 'modifyHeaders' as const,
              requestHeaders: [{ header: 'origin', operation: 'remove' as const }],
            },
            // Only requests that no tab made: the worker's own fetches (the e2e recipe verified this rule).
            condition: {
              urlFilter: `|${url}|`,
              tabIds: [browser.tabs.TAB_ID_NONE],
              resourceTypes: ['xmlhttprequest' as const, 'other' as const],
            },
          })),
        });
      },
    },
    scheduler: {
      async every(name, periodMinutes, firstInMinutes) {
        await browser.alarms.create(name, { periodInMinutes: periodMinutes, delayInMinutes: firstInMinutes });
      },
      async once(name, when) {
        await browser.alarms.create(name, { when });
      },
      async clear(name) {
        await browser.alarms.clear(name);
      },
    },
    tabs: {
      async open(url: string, disposition: Disposition, tabId?: number) {
        if (disposition === 'currentTab') {
          await browser.tabs.update(tabId, { url });
        } else {
          await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
        }
      },
    },
    managedPolicy: {
      // Firefox throws when no policy exists (and reads it once per browser start); that means
      // "no policy", which keeps the last good one in force (lib/policy/policy-store.ts).
      read: () =>
        family === 'firefox'
          ? browser.storage.managed.get().catch(() => undefined)
          : browser.storage.managed.get(),
    },
    // Web Locks span the worker and every page, so one refresh runs at a time everywhere (DESIGN.md).
    locks: {
      run: <T>(name: string, task: () => Promise<T>) => navigator.locks.request(name, task) as Promise<T>,
    },
    omnibox: {
      setDefaultSuggestion: (description) => browser.omnibox.setDefaultSuggestion({ description }),
      markup: family === 'firefox' ? 'plain' : 'xml',
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    broadcast(message) {
      // Rejects when no page is open to listen; that is not an error.
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
  };
}
