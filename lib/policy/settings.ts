/** The settings the product runs on, whatever their source. */
export interface Settings {
  oktaDomain: string;
  clientId: string;
  directoryUrl: string;
  peopleSearch: boolean;
  syncIntervalMinutes: number;
  allowedGroups: string[];
  pinnedApps: string[];
}

/** The keys an admin may set by policy (DESIGN.md, "Settings and policy"), plus `clientSecret`, never used. */
export type PolicyKey = keyof Settings | 'clientSecret';

/** A parsed policy: only the keys that were present and valid. */
export type Policy = Partial<Settings> & { clientSecret?: string };

/** The floor of the sync interval, whatever policy says. */
export const MIN_SYNC_INTERVAL_MINUTES = 15;

/** Defaults for keys nobody set. */
export const PRODUCT_DEFAULTS: Settings = {
  oktaDomain: '',
  clientId: '',
  directoryUrl: '',
  peopleSearch: true,
  syncIntervalMinutes: 60,
  allowedGroups: [],
  pinnedApps: [],
};
