import type { Policy, Settings } from './settings';
import { PRODUCT_DEFAULTS } from './settings';

/** Settings in force, and which of them the admin locked. */
export interface EffectiveSettings {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
}

/**
 * Managed policy over the user's own settings over build-time defaults (DESIGN.md, "Settings and
 * policy"). `directoryUrl` is never a user setting. Pure.
 */
export function effectiveSettings(
  policy: Policy,
  user: Partial<Settings>,
  buildDefaults: Partial<Settings>,
): EffectiveSettings {
  const { directoryUrl: _ignored, ...userSettable } = user;
  const settings: Settings = { ...PRODUCT_DEFAULTS, ...stripEmpty(buildDefaults), ...userSettable };
  const locked = new Set<keyof Settings>();
  for (const key of Object.keys(policy) as Array<keyof Policy>) {
    if (key === 'clientSecret') continue;
    const value = policy[key];
    if (value === undefined) continue;
    (settings as unknown as Record<string, unknown>)[key] = value;
    locked.add(key);
  }
  return { settings, locked };
}

function stripEmpty(values: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== '' && value !== undefined),
  );
}
