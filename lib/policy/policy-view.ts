import type { PolicyWarning } from './parse-policy';
import { CLIENT_SECRET_WARNING } from './parse-policy';
import { POLICY_KEY_TITLES } from './policy-keys';
import type { Settings } from './settings';

/** One setting in force, as the options page lists it. */
export interface SettingView {
  key: keyof Settings;
  title: string;
  /** The value as a person reads it. */
  value: string;
  /** Set by the organization's policy (the user cannot change it). */
  locked: boolean;
}

/** What the options page shows about policy: never a secret. */
export interface PolicyView {
  settings: SettingView[];
  /** Policy values that were ignored or adjusted, each with a sentence for the admin. */
  warnings: PolicyWarning[];
  /** Set when policy holds a `clientSecret`, with what to do about it. */
  clientSecretWarning?: string;
}

const ORDER: Array<keyof Settings> = [
  'oktaDomain',
  'clientId',
  'directoryUrl',
  'peopleSearch',
  'syncIntervalMinutes',
  'allowedGroups',
  'pinnedApps',
];

/** The policy part of the options page, from the settings in force. Pure. */
export function policyView(config: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  warnings: readonly PolicyWarning[];
  hasClientSecret: boolean;
}): PolicyView {
  return {
    settings: ORDER.map((key) => ({
      key,
      title: POLICY_KEY_TITLES[key],
      value: describe(config.settings[key]),
      locked: config.locked.has(key),
    })),
    warnings: config.warnings.filter((warning) => warning.key !== 'clientSecret'),
    ...(config.hasClientSecret || config.warnings.some((warning) => warning.key === 'clientSecret')
      ? { clientSecretWarning: CLIENT_SECRET_WARNING }
      : {}),
  };
}

function describe(value: Settings[keyof Settings]): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'None';
  return value || 'Not set';
}
