/**
 * What the extension has stored and how its worker runs, seen from the test: storage areas, IndexedDB
 * stores, alarms, and stopping the service worker the way the browser does after ~30 s idle. Reads go
 * through `worker.evaluate` with the raw `chrome` global (e2e-recipe.md).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from './harness';
import { DEMO } from './harness';

const UI_TIMEOUT = 15_000;

/** Everything in `storage.local` and `storage.session`. */
export interface StoredAreas {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

type RawArea = { get(keys: null | string): Promise<Record<string, unknown>> };
type RawChrome = {
  storage: { local: RawArea; session: RawArea };
  alarms: {
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
    onAlarm: { dispatch(alarm: { name: string; scheduledTime: number }): void };
  };
};

/** Both storage areas, whole. */
export function readStorage(worker: Worker): Promise<StoredAreas> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: RawChrome };
    return { local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) };
  });
}

/**
 * The number of records in every object store of the `workstation` database (an empty object when the
 * database does not exist), without creating or upgrading it.
 */
export function storeCounts(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'workstation')) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('workstation');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      counts[name] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });
}

/** The keys of one object store (for `people`: the Okta user ids), in key order. */
export function storeKeys(worker: Worker, store: string): Promise<string[]> {
  return worker.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('workstation');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return keys.map(String);
  }, store);
}

/** One value of the `meta` store (sync bookkeeping), or undefined. */
export function metaValue<T>(worker: Worker, key: string): Promise<T | undefined> {
  return worker.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('workstation');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('meta').objectStore('meta').get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return value as T | undefined;
  }, key);
}

/** The sync status the background keeps in `storage.local` (lib/sync/sync-status.ts). */
export interface StoredSyncStatus {
  phase: 'idle' | 'syncing';
  progress?: { phase: 'apps' | 'people'; pages: number; records: number };
  lastSuccessAt?: number;
  apps: number;
  people: number;
  error?: { code: string; message: string };
}

export async function syncStatus(worker: Worker): Promise<StoredSyncStatus | undefined> {
  return (await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: RawChrome };
    return (await chrome.storage.local.get('sync.status'))['sync.status'];
  })) as StoredSyncStatus | undefined;
}

/** A pending alarm of the extension, or undefined. */
export function alarm(worker: Worker, name: string): Promise<{ scheduledTime: number } | undefined> {
  return worker.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as { chrome: RawChrome };
    return (await chrome.alarms.get(name)) ?? undefined;
  }, name);
}

/** Fires the real `alarms.onAlarm` listeners in the worker, as the browser does when the alarm is due. */
export function fireAlarm(worker: Worker, name: string): Promise<void> {
  return worker.evaluate((name) => {
    const { chrome } = globalThis as unknown as { chrome: RawChrome };
    chrome.alarms.onAlarm.dispatch({ name, scheduledTime: Date.now() });
  }, name);
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * A DevTools session on the ServiceWorker domain and a way to wait for the extension's worker to reach
 * a running status. Playwright keeps one `Worker` handle across a stop and a restart (the DevTools
 * target stays), emits no event for either, and an evaluation sent while the worker is stopped never
 * answers; the protocol's version updates are what tell.
 */
async function workerStatus(context: BrowserContext) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  /** Every status reported, oldest first: a quick stop-and-start must not hide the stop. */
  const seen: RunningStatus[] = [];
  const waiters: Array<() => void> = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((version) => version.scriptURL.startsWith('chrome-extension://'));
    if (ours.length === 0) return;
    seen.push(
      ours.some((version) => version.runningStatus === 'running')
        ? 'running'
        : (ours.at(-1)!.runningStatus as RunningStatus),
    );
    for (const wake of waiters.splice(0)) wake();
  });
  await cdp.send('ServiceWorker.enable');
  return {
    cdp,
    current: () => seen.at(-1),
    /** A mark for {@link until}: statuses reported from now on. */
    mark: () => seen.length,
    /** Resolves once `status` was reported after `since` (default: it is the current status). */
    async until(status: RunningStatus, since?: number, timeoutMs = UI_TIMEOUT): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      const reached = () =>
        since === undefined ? seen.at(-1) === status : seen.slice(since).includes(status);
      while (!reached()) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`The extension's worker did not reach "${status}" (it is "${seen.at(-1)}").`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
  };
}

/**
 * Stops every service worker through the DevTools protocol, as the browser stops an idle MV3 worker
 * (it is not stopped on its own while Playwright is attached), and resolves once it has stopped.
 */
export async function stopWorker(browser: ExtensionBrowser): Promise<void> {
  const status = await workerStatus(browser.context);
  const mark = status.mark();
  await status.cdp.send('ServiceWorker.stopAllWorkers');
  await status.until('stopped', mark);
  await status.cdp.detach();
}

/**
 * Starts the extension's worker again if it is stopped, by opening an extension page (the options page
 * asks the background for its state at once), and resolves once it runs. `browser.worker` then
 * evaluates in the new worker.
 */
export async function wakeWorker(browser: ExtensionBrowser): Promise<Worker> {
  const status = await workerStatus(browser.context);
  // Enabling the domain reports the current status straight away.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (status.current() !== 'running') {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await status.until('running');
    await page.close();
  }
  await status.cdp.detach();
  return browser.worker;
}

/**
 * Clicks Sign in on `page` (a new tab) and completes the dev org's login page as `login`; resolves when
 * the sign-in window has closed, without waiting for the first sync.
 */
export async function signInOnLoginPage(
  browser: ExtensionBrowser,
  page: Page,
  orgUrl: string,
  login: string,
): Promise<void> {
  const button = page.getByRole('button', { name: /Sign in/ }).first();
  await button.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const loginOpened = browser.context.waitForEvent('page', {
    predicate: (candidate) => candidate.url().startsWith(orgUrl) || candidate.url() === 'about:blank',
    timeout: UI_TIMEOUT,
  });
  await button.click();
  const loginPage = await loginOpened;
  await loginPage.waitForURL((url) => url.href.startsWith(`${orgUrl}/`), { timeout: UI_TIMEOUT });
  await loginPage.getByLabel('Username').fill(login);
  await loginPage.getByLabel('Password').fill(DEMO.password);
  const closed = loginPage.waitForEvent('close', { timeout: UI_TIMEOUT });
  await loginPage.getByRole('button', { name: 'Sign in' }).click();
  await closed;
}
