import type { Policy } from './settings';
import { MIN_SYNC_INTERVAL_MINUTES } from './settings';

/** A policy value that was dropped, with a sentence the options page shows the admin. */
export interface PolicyWarning {
  key: string;
  message: string;
}

/** The outcome of reading managed storage. */
export interface ParsedPolicy {
  policy: Policy;
  warnings: PolicyWarning[];
}

const STRING_KEYS = ['oktaDomain', 'clientId', 'clientSecret', 'directoryUrl'] as const;
const LIST_KEYS = ['allowedGroups', 'pinnedApps'] as const;
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, ...LIST_KEYS, 'peopleSearch', 'syncIntervalMinutes']);

/**
 * Checks every key of a managed-storage value; keeps the good ones and reports the bad ones
 * (STYLE.md, rule 8). Never throws.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const warnings: PolicyWarning[] = [];
  if (raw === undefined || raw === null) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, warnings: [{ key: '*', message: 'The policy is not an object; it was ignored.' }] };
  }
  const record = raw as Record<string, unknown>;
  for (const key of STRING_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() !== '') policy[key] = value.trim();
    else warnings.push({ key, message: `${key} must be a non-empty string; it was ignored.` });
  }
  for (const key of LIST_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      policy[key] = value.map((item: string) => item.trim()).filter(Boolean);
    } else warnings.push({ key, message: `${key} must be a list of strings; it was ignored.` });
  }
  if (record.peopleSearch !== undefined) {
    if (typeof record.peopleSearch === 'boolean') policy.peopleSearch = record.peopleSearch;
    else
      warnings.push({ key: 'peopleSearch', message: 'peopleSearch must be true or false; it was ignored.' });
  }
  const interval = record.syncIntervalMinutes;
  if (interval !== undefined) {
    if (typeof interval === 'number' && Number.isInteger(interval) && interval > 0) {
      if (interval < MIN_SYNC_INTERVAL_MINUTES) {
        warnings.push({
          key: 'syncIntervalMinutes',
          message: `syncIntervalMinutes is ${interval}; the minimum, ${MIN_SYNC_INTERVAL_MINUTES}, is used.`,
        });
      }
      policy.syncIntervalMinutes = Math.max(interval, MIN_SYNC_INTERVAL_MINUTES);
    } else {
      warnings.push({
        key: 'syncIntervalMinutes',
        message: 'syncIntervalMinutes must be a whole number; it was ignored.',
      });
    }
  }
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key))
      warnings.push({ key, message: `${key} is not a Workstation policy key; it was ignored.` });
  }
  return { policy, warnings };
}
