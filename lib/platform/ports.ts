import type { OmniboxMarkup } from '../omnibox/plain-text';

/**
 * The small interfaces lib/ needs from the browser (STYLE.md, rule 3). The real implementation is
 * `browser-platform.ts`; tests pass fakes or WXT's fake browser.
 */

/** A key/value storage area (`storage.local`, `storage.session`). */
export interface KeyValueArea {
  get<T>(key: string): Promise<T | undefined>;
  set(values: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Wall-clock time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** The `fetch` lib/ uses; oauth4webapi takes the same through its `customFetch` option. */
export type FetchFn = typeof fetch;

/** `identity.launchWebAuthFlow` and the redirect URI that goes with it. */
export interface WebAuthFlow {
  redirectUri(): string;
  /** Resolves with the final redirect URL; rejects with the browser's own error. */
  launch(url: string, interactive: boolean): Promise<string>;
}

/** Optional host access (custom Okta domains, the directory service). */
export interface HostAccess {
  contains(origins: readonly string[]): Promise<boolean>;
  /** Must run inside a user gesture; resolves false when the user refuses. */
  request(origins: readonly string[]): Promise<boolean>;
}

/** Strips the `Origin` header from the extension's own requests to the given URLs (DESIGN.md, "Sign-in"). */
export interface OriginStripper {
  stripOriginFor(urls: readonly string[]): Promise<void>;
}

/** Periodic work: `alarms`, never timers (the worker dies with its timers). */
export interface Scheduler {
  every(name: string, periodMinutes: number, firstInMinutes: number): Promise<void>;
  /** One wake-up at an absolute time (epoch ms). */
  once(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
}

/** Where a launched URL goes, as the omnibox names it. */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** Opens URLs in tabs. */
export interface Tabs {
  open(url: string, disposition: Disposition, tabId?: number): Promise<void>;
}

/** Reads enterprise policy (`storage.managed`). Firefox throws where Chrome answers `{}`. */
export interface ManagedPolicySource {
  read(): Promise<unknown>;
}

/** Mutual exclusion across every context of the extension (Web Locks in the browser). */
export interface Locks {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** The omnibox's default suggestion (the line saying what Enter will do). */
export interface OmniboxPort {
  setDefaultSuggestion(description: string): void;
  /** Chrome parses descriptions as XML; Firefox shows them as plain text. */
  markup?: OmniboxMarkup;
}

/** Tells every open extension page something changed; pages that are not open are fine. */
export type Broadcast = (message: unknown) => void;

/** Everything the background composes lib/ from. */
export interface Platform {
  local: KeyValueArea;
  session: KeyValueArea;
  clock: Clock;
  fetch: FetchFn;
  webAuthFlow: WebAuthFlow;
  hostAccess: HostAccess;
  originStripper: OriginStripper;
  scheduler: Scheduler;
  tabs: Tabs;
  managedPolicy: ManagedPolicySource;
  locks: Locks;
  omnibox: OmniboxPort;
  broadcast: Broadcast;
  /** A short pause inside one event (pacing, a rate-limit reset seconds away); never for long waits. */
  sleep: (ms: number) => Promise<void>;
}
