import type { PolicyKey } from './settings';

/**
 * Every policy key with the title the options page and `policy:check` show; the same titles as
 * `public/managed_schema.json` (a unit test keeps the two in step).
 */
export const POLICY_KEY_TITLES: Readonly<Record<PolicyKey, string>> = {
  oktaDomain: 'Okta domain',
  clientId: 'OIDC client id',
  clientSecret: 'Client secret (never used)',
  directoryUrl: 'Directory service URL',
  peopleSearch: 'People search',
  syncIntervalMinutes: 'Sync interval (minutes)',
  allowedGroups: 'Allowed Okta groups',
  pinnedApps: 'Pinned apps',
};

/** The policy keys, in the order the schema lists them. */
export const POLICY_KEYS = Object.keys(POLICY_KEY_TITLES) as PolicyKey[];

/** Whether a string names a policy key. */
export function isPolicyKey(key: string): key is PolicyKey {
  return Object.prototype.hasOwnProperty.call(POLICY_KEY_TITLES, key);
}
