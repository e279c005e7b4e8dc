import type { ErrorCode } from '../errors';
import en from '../../public/_locales/en/messages.json';

/**
 * The one messages file is `public/_locales/en/messages.json`, in the browser's own `_locales` format
 * (it also names the extension in the manifest). This module is its typed reader: it is bundled with
 * the code instead of read through `i18n.getMessage`, so lib/ stays free of browser APIs and every
 * string reads the same in Node tests, pages, the worker and the omnibox.
 */
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A key of the messages file. */
export type MessageKey = keyof typeof en;

/**
 * The text of one message with its `$NAME$` placeholders filled in by name, as the browser's own
 * `i18n.getMessage` fills them by position (`$$` is a literal dollar sign).
 */
export function text(key: MessageKey, values: Record<string, string | number> = {}): string {
  const entry = (en as Catalog)[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\w+)\$|\$\$/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const value = values[name.toLowerCase()];
    return value === undefined ? whole : String(value);
  });
}

const count = (value: number) => value.toLocaleString('en');

/** Every sentence the product shows, read from the messages file (English; the one locale so far). */
export const messages = {
  productName: text('productName'),
  signIn: text('signIn'),
  signInAgain: text('signInAgain'),
  signOut: text('signOut'),
  signInAsSomeoneElse: text('signInAsSomeoneElse'),
  endOktaSession: text('endOktaSession'),
  signedOutTitle: text('signedOutTitle'),
  signedOutBody: text('signedOutBody'),
  searchLabel: text('searchLabel'),
  searchPlaceholder: text('searchPlaceholder'),
  searchAppsLabel: text('searchAppsLabel'),
  searchHint: text('searchHint'),
  settings: text('settings'),
  quickActions: text('quickActions'),
  recentlyUsed: text('recentlyUsed'),
  apps: text('apps'),
  people: text('people'),
  copyEmail: (name: string) => text('copyEmail', { name }),
  copied: text('copied'),
  copiedAnnouncement: (email: string) => text('copiedAnnouncement', { email }),
  copyFailed: (email: string) => text('copyFailed', { email }),
  noEmail: text('noEmail'),
  emailPerson: (name: string) => text('emailPerson', { name }),
  openApp: (label: string) => text('openApp', { label }),
  noResults: (query: string) => text('noResults', { query }),
  noResultsAppsOnly: (query: string) => text('noResultsAppsOnly', { query }),
  noResultsNotSynced: text('noResultsNotSynced'),
  noAppsYet: text('noAppsYet'),
  allAppsHidden: text('allAppsHidden'),
  pinnedByOrg: text('pinnedByOrg'),
  pinnedByYou: text('pinnedByYou'),
  appMenu: (label: string) => text('appMenu', { label }),
  pin: text('pin'),
  unpin: text('unpin'),
  moveEarlier: text('moveEarlier'),
  moveLater: text('moveLater'),
  hide: text('hide'),
  showHidden: (hidden: number) => text('showHidden', { count: count(hidden) }),
  quickActionsHelp: text('quickActionsHelp'),
  syncNow: text('syncNow'),
  syncing: text('syncing'),
  syncingApps: text('syncingApps'),
  syncingPeople: (records: number) => text('syncingPeople', { records: count(records) }),
  nextAttempt: (at: Date) =>
    text('nextAttempt', { time: at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }),
  neverSynced: text('neverSynced'),
  synced: (ago: string, apps: number, people: number) =>
    text('synced', { ago, apps: count(apps), people: count(people) }),
  syncFailed: (sentence: string) => text('syncFailed', { sentence }),
  offline: (ago: string) => text('offline', { ago }),
  offlineNeverSynced: text('offlineNeverSynced'),
  justNow: text('justNow'),
  minutesAgo: (minutes: number) => text('minutesAgo', { count: minutes }),
  hoursAgo: (hours: number) => text('hoursAgo', { count: hours }),
  daysAgo: (days: number) => text('daysAgo', { count: days }),
  peopleNeedDirectory: text('peopleNeedDirectory'),
  notConfigured: text('notConfigured'),
  hostPermissionNeeded: (host: string) => text('hostPermissionNeeded', { host }),
  optionsTitle: text('optionsTitle'),
  account: text('account'),
  signedInAs: (name: string) => text('signedInAs', { name }),
  signedInTo: (host: string) => text('signedInTo', { host }),
  signedOutNote: text('signedOutNote'),
  sync: text('sync'),
  forAdmin: text('forAdmin'),
  oktaOrg: text('oktaOrg'),
  notSet: text('notSet'),
  redirectUri: text('redirectUri'),
  diagnostics: text('diagnostics'),
  diagnosticsVersion: text('diagnosticsVersion'),
  diagnosticsBrowser: text('diagnosticsBrowser'),
  diagnosticsExtensionId: text('diagnosticsExtensionId'),
  diagnosticsDatabase: text('diagnosticsDatabase'),
  diagnosticsIndex: text('diagnosticsIndex'),
  diagnosticsStored: text('diagnosticsStored'),
  diagnosticsLaunches: text('diagnosticsLaunches'),
  diagnosticsLastSuccess: text('diagnosticsLastSuccess'),
  diagnosticsSyncState: text('diagnosticsSyncState'),
  diagnosticsLastError: text('diagnosticsLastError'),
  diagnosticsNextAttempt: text('diagnosticsNextAttempt'),
  diagnosticsNone: text('diagnosticsNone'),
  diagnosticsFailures: text('diagnosticsFailures'),
  copyDiagnostics: text('copyDiagnostics'),
  newTabSection: text('newTabSection'),
  useBrowserNewTab: text('useBrowserNewTab'),
  useBrowserNewTabChromium: text('useBrowserNewTabChromium'),
  useBrowserNewTabUnsupported: (browser: string) => text('useBrowserNewTabUnsupported', { browser }),
  omniboxDefault: text('omniboxDefault'),
  omniboxSignedOut: text('omniboxSignedOut'),
  omniboxOpen: text('omniboxOpen'),
  omniboxAppTag: text('omniboxAppTag'),
  omniboxEmail: text('omniboxEmail'),
  omniboxNoMatch: (query: string) => text('omniboxNoMatch', { query }),
} as const;

/** Context some sentences need. */
export interface SentenceContext {
  host?: string;
  redirectUri?: string;
}

/**
 * Fails to compile when an error code has no sentence: the type names the keys to add to
 * public/_locales/en/messages.json.
 */
type KeysMissingFromMessagesJson = Exclude<`error_${ErrorCode}`, MessageKey>;
const everyCodeHasASentence: KeysMissingFromMessagesJson extends never ? true : KeysMissingFromMessagesJson =
  true;
void everyCodeHasASentence;

/** The sentence a person can act on, for each error code (the UI never shows raw error text). */
export function errorSentence(code: ErrorCode, context: SentenceContext = {}): string {
  return text(`error_${code}` as MessageKey, {
    host: context.host ?? 'your Okta org',
    redirect_uri: context.redirectUri ?? '',
  });
}
