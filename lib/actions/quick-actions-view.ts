import type { Launch } from '../db/schema';
import type { App } from '../records';
import { frecencyMap } from './frecency';
import type { QuickActionPrefs } from './quick-action-prefs';
import { isPinned } from './quick-actions';

/** An app tile as pages show it; `pin` says who pinned it (policy pins cannot be removed). */
export interface QuickActionTile {
  id: string;
  label: string;
  linkUrl: string;
  logoUrl?: string;
  pin?: 'policy' | 'user';
}

/** What the new tab shows before the first keystroke. */
export interface QuickActionsView {
  tiles: QuickActionTile[];
  /** The last apps launched, newest first. */
  recent: QuickActionTile[];
  hiddenCount: number;
  /** Whether any app is synced at all (to tell "nothing yet" from "all hidden"). */
  hasApps: boolean;
}

/** Everything the view is computed from; pages read it straight from IndexedDB. */
export interface QuickActionInputs {
  apps: readonly App[];
  launches: readonly Launch[];
  prefs: QuickActionPrefs;
  policyPins: readonly string[];
}

/** How many tiles and recent apps to show. */
export const QUICK_ACTION_LIMITS = { tiles: 10, recent: 6 } as const;

/**
 * The whole arrangement, unlimited: policy pins first (policy order), then the person's own pins (their
 * order), then the most used, then their Okta dashboard order. Hidden apps are left out unless an admin
 * pinned them. Pure.
 */
export function arrangeQuickActions(inputs: QuickActionInputs, now: number): QuickActionTile[] {
  const frecency = frecencyMap(inputs.launches, now);
  const hidden = new Set(inputs.prefs.hidden);
  const userPin = new Map(inputs.prefs.pinned.map((id, index) => [id, index]));
  const policyIndex = (app: App) => {
    const index = inputs.policyPins.findIndex((pin) => isPinned(app, [pin]));
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const ranked = inputs.apps.map((app) => ({ app, policy: policyIndex(app), user: userPin.get(app.id) }));
  return ranked
    .filter((entry) => entry.policy !== Number.POSITIVE_INFINITY || !hidden.has(entry.app.id))
    .sort(
      (a, b) =>
        a.policy - b.policy ||
        (a.user ?? Number.POSITIVE_INFINITY) - (b.user ?? Number.POSITIVE_INFINITY) ||
        (frecency.get(b.app.id) ?? 0) - (frecency.get(a.app.id) ?? 0) ||
        a.app.sortOrder - b.app.sortOrder ||
        a.app.label.localeCompare(b.app.label),
    )
    .map(({ app, policy, user }) =>
      toTile(app, policy !== Number.POSITIVE_INFINITY ? 'policy' : user !== undefined ? 'user' : undefined),
    );
}

/** The quick-actions view: the first tiles of the arrangement and the recently used row. Pure. */
export function quickActionsView(
  inputs: QuickActionInputs,
  now: number,
  limits: { tiles: number; recent: number } = QUICK_ACTION_LIMITS,
): QuickActionsView {
  const all = arrangeQuickActions(inputs, now);
  const byId = new Map(inputs.apps.map((app) => [app.id, app]));
  const hidden = new Set(inputs.prefs.hidden);
  const recent = [...inputs.launches]
    .filter((launch) => byId.has(launch.appId) && !hidden.has(launch.appId))
    .sort((a, b) => b.lastLaunchedAt - a.lastLaunchedAt)
    .slice(0, limits.recent)
    .map((launch) => toTile(byId.get(launch.appId)!, undefined));
  return {
    tiles: all.slice(0, limits.tiles),
    recent,
    hiddenCount: inputs.prefs.hidden.filter((id) => byId.has(id)).length,
    hasApps: inputs.apps.length > 0,
  };
}

function toTile(app: App, pin: QuickActionTile['pin']): QuickActionTile {
  return {
    id: app.id,
    label: app.label,
    linkUrl: app.linkUrl,
    ...(app.logoUrl ? { logoUrl: app.logoUrl } : {}),
    ...(pin ? { pin } : {}),
  };
}
