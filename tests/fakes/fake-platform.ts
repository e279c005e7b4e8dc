import type { Disposition, KeyValueArea, Platform, WebAuthFlow } from '@/lib/platform/ports';

/** A storage area in memory, with a copy of values on the way in and out (as chrome.storage does). */
export function memoryArea(): KeyValueArea & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async (entries) => {
      for (const [key, value] of Object.entries(entries)) values.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of [keys].flat()) values.delete(key);
    },
  };
}

/** A mutex per name, as Web Locks give across contexts. */
export function memoryLocks(): Platform['locks'] {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(name: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(task, task);
      tails.set(
        name,
        result.catch(() => undefined),
      );
      return result;
    },
  };
}

/** What a test can look at and steer on its fake platform. */
export interface FakePlatform extends Platform {
  local: ReturnType<typeof memoryArea>;
  session: ReturnType<typeof memoryArea>;
  opened: Array<{ url: string; disposition: Disposition; tabId?: number }>;
  broadcasts: unknown[];
  sleeps: number[];
  alarms: Map<string, { periodMinutes?: number; firstInMinutes?: number; when?: number }>;
  defaultSuggestion: string;
  strippedOriginUrls: Set<string>;
  /** Set to change what managed storage answers. */
  policy: unknown;
  clockMs: number;
  hostAccessGranted: boolean;
}

/** The extension's id in tests; the fake fetch sends its origin like Chrome does. */
export const TEST_EXTENSION_ORIGIN = 'chrome-extension://hoehbjejopceicelemflmpablooiofpi';

/**
 * A platform for running the background's lib/ in Node: real fetch (to the dev org over loopback),
 * which — like Chrome — sends the extension's `Origin` on every request unless a strip rule covers
 * the URL, so the declarativeNetRequest path is exercised.
 */
export function fakePlatform(
  webAuthFlow: WebAuthFlow,
  options: { policy?: unknown; now?: number } = {},
): FakePlatform {
  const platform: FakePlatform = {
    opened: [],
    broadcasts: [],
    sleeps: [],
    alarms: new Map(),
    defaultSuggestion: '',
    strippedOriginUrls: new Set(),
    policy: options.policy ?? {},
    clockMs: options.now ?? Date.now(),
    hostAccessGranted: true,
    local: memoryArea(),
    session: memoryArea(),
    clock: { now: () => platform.clockMs },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const headers = new Headers(init?.headers);
      if (!platform.strippedOriginUrls.has(url.split('?')[0] ?? url))
        headers.set('Origin', TEST_EXTENSION_ORIGIN);
      return fetch(input, { ...init, headers });
    },
    webAuthFlow,
    hostAccess: {
      contains: async () => platform.hostAccessGranted,
      request: async () => platform.hostAccessGranted,
    },
    originStripper: {
      stripOriginFor: async (urls) => {
        platform.strippedOriginUrls = new Set(urls);
      },
    },
    scheduler: {
      every: async (name, periodMinutes, firstInMinutes) => {
        platform.alarms.set(name, { periodMinutes, firstInMinutes });
      },
      once: async (name, when) => {
        platform.alarms.set(name, { when });
      },
      clear: async (name) => {
        platform.alarms.delete(name);
      },
    },
    tabs: {
      open: async (url, disposition, tabId) => {
        platform.opened.push({ url, disposition, ...(tabId === undefined ? {} : { tabId }) });
      },
    },
    managedPolicy: { read: async () => platform.policy },
    locks: memoryLocks(),
    omnibox: {
      setDefaultSuggestion: (description) => {
        platform.defaultSuggestion = description;
      },
    },
    broadcast: (message) => platform.broadcasts.push(message),
    // Tests do not wait: the clock moves instead.
    sleep: async (ms) => {
      platform.sleeps.push(ms);
      platform.clockMs += ms;
    },
  };
  return platform;
}
