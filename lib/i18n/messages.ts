import type { ErrorCode } from '../errors';

/** Every sentence the product shows, in one place (English; the one locale so far). */
export const messages = {
  productName: 'Workstation',
  signIn: 'Sign in with Okta',
  signInAgain: 'Sign in again',
  signOut: 'Sign out',
  signInAsSomeoneElse: 'Sign in as someone else',
  signedOutTitle: 'Your Okta apps and colleagues, one keystroke away',
  signedOutBody:
    'Sign in with your company Okta account to search your apps and colleagues here and in the address bar (type "ok" and a space).',
  searchLabel: 'Search apps and people',
  searchPlaceholder: 'Search apps and people',
  searchAppsLabel: 'Search apps',
  settings: 'Settings',
  quickActions: 'Quick actions',
  apps: 'Apps',
  people: 'People',
  copyEmail: (name: string) => `Copy email of ${name}`,
  copied: 'Copied',
  emailPerson: (name: string) => `Email ${name}`,
  openApp: (label: string) => `Open ${label}`,
  noResults: (query: string) => `Nothing matches "${query}". Try fewer letters, or another spelling.`,
  noAppsYet: 'No apps yet. They appear after the first sync.',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  syncingPeople: (records: number) => `Syncing… ${records.toLocaleString('en')} people so far`,
  nextAttempt: (at: Date) =>
    `Trying again at ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`,
  neverSynced: 'Not synced yet',
  synced: (ago: string, apps: number, people: number) =>
    `Synced ${ago} · ${apps.toLocaleString('en')} apps · ${people.toLocaleString('en')} people`,
  syncFailed: (sentence: string) => `Sync failed: ${sentence}`,
  peopleNeedDirectory:
    'People search is off for your account: your organization has not set up the Workstation directory service, and reading people directly from Okta needs an admin role.',
  notConfigured:
    'Workstation is not set up for an Okta org yet. Your admin sets the Okta domain and client id by policy.',
  hostPermissionNeeded: (host: string) =>
    `Workstation needs permission to talk to ${host}. Without it, you cannot sign in.`,
  omniboxDefault: 'Type to search your Okta apps and colleagues',
  omniboxSignedOut: 'Workstation: sign in first — open a new tab and choose "Sign in with Okta"',
  omniboxOpen: 'Open',
  omniboxAppTag: 'App',
  omniboxEmail: 'Email',
  omniboxNoMatch: (query: string) => `No app or person matches "${query}"`,
} as const;

/** Context some sentences need. */
export interface SentenceContext {
  host?: string;
  redirectUri?: string;
}

/** The sentence a person can act on, for each error code (the UI never shows raw error text). */
export function errorSentence(code: ErrorCode, context: SentenceContext = {}): string {
  const host = context.host ?? 'your Okta org';
  switch (code) {
    case 'CONFIG_MISSING':
      return messages.notConfigured;
    case 'CONFIG_INVALID':
      return `The Okta settings are not valid for ${host}. Ask your admin to check the Okta domain and client id.`;
    case 'POLICY_INVALID':
      return 'Some of your organization’s Workstation settings are invalid; the options page lists them.';
    case 'AUTH_CANCELLED':
      return `Sign-in was cancelled. (If Okta showed an error page instead of its sign-in form, your admin needs to add this sign-in redirect URI to the Okta app: ${context.redirectUri ?? ''})`;
    case 'AUTH_PAGE_UNREACHABLE':
      return `Could not reach ${host}. Check your connection, or ask your admin whether the Okta domain is right.`;
    case 'AUTH_NOT_ASSIGNED':
      return 'Okta says the account you signed in with is not assigned to the Workstation app. Ask your admin to assign it, or sign in with another account.';
    case 'AUTH_REDIRECT_URI':
      return `The Okta app does not accept this browser’s redirect URI. Ask your admin to add: ${context.redirectUri ?? ''}`;
    case 'AUTH_DPOP_REQUIRED':
      return 'The Okta app requires DPoP proofs, which Workstation does not send. Ask your admin to turn off “Require DPoP” for the app.';
    case 'AUTH_ORIGIN_REFUSED':
      return 'Okta refused the sign-in request from this browser. Ask your admin to check that the Okta app is a public client (SPA or native) with PKCE.';
    case 'AUTH_FAILED':
      return 'Sign-in failed. Try again; if it keeps failing, ask your admin to check the Okta app.';
    case 'AUTH_EXPIRED':
      return 'Your Okta session has ended. Sign in again.';
    case 'HOST_PERMISSION_DENIED':
      return messages.hostPermissionNeeded(host);
    case 'OKTA_RATE_LIMITED':
      return 'Okta is busy and asked Workstation to wait. It will try again on its own.';
    case 'OKTA_FORBIDDEN':
      return messages.peopleNeedDirectory;
    case 'OKTA_UNAUTHORIZED':
      return 'Okta did not accept your session. Sign in again.';
    case 'OKTA_SERVER':
      return `${host} had a problem. Workstation will try again later; your saved apps and people still work.`;
    case 'OKTA_BAD_RESPONSE':
      return `${host} sent something Workstation did not expect. Your saved apps and people still work.`;
    case 'NETWORK':
      return `You seem to be offline, or ${host} is unreachable. Your saved apps and people still work.`;
    case 'STORAGE':
      return 'The browser could not save Workstation’s data (the disk may be full). Search may be out of date.';
    case 'INTERNAL':
      return 'Something went wrong inside Workstation. Try again; the options page shows details for support.';
  }
}
