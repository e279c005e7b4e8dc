import type { Launch } from '../db/schema';
import { isWebUrl } from '../okta/is-web-url';
import type { App } from '../records';
import { frecencyMap } from './frecency';
import { applyQuickActionChange } from './quick-action-prefs';
import type { QuickActionChange, QuickActionPrefs } from './quick-action-prefs';
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

/**
 * The apps a tile can be made of: a text label and a web link. Sync stores nothing else, but pages
 * read IndexedDB straight, and a tile's link is one the browser opens on a middle click or drag.
 */
function usableApps(apps: readonly App[]): App[] {
  return apps.filter((app) => typeof app.label === 'string' && isWebUrl(app.linkUrl));
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
  const ranked = usableApps(inputs.apps).map((app) => ({
    app,
    policy: policyIndex(app),
    user: userPin.get(app.id),
  }));
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
  const byId = new Map(usableApps(inputs.apps).map((app) => [app.id, app]));
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

/**
 * What a change will look like, shown at once while the worker applies it (hide and move; other
 * changes wait for its answer): three quick Alt+→ presses move a tile three places, since each is
 * reckoned from the order the one before left. A move goes through the worker's own rule
 * ({@link applyQuickActionChange}); the worker's answer replaces the preview. Pure.
 */
export function previewQuickActionChange(
  view: QuickActionsView,
  change: QuickActionChange,
): QuickActionsView {
  if (change.op !== 'hide' && change.op !== 'move') return view;
  const tile = view.tiles.find((candidate) => candidate.id === change.appId);
  if (tile === undefined || tile.pin === 'policy') return view;
  if (change.op === 'hide')
    return {
      ...view,
      tiles: view.tiles.filter((other) => other.id !== change.appId),
      recent: view.recent.filter((other) => other.id !== change.appId),
      hiddenCount: view.hiddenCount + 1,
    };
  const policy = view.tiles.filter((other) => other.pin === 'policy');
  const { pinned } = applyQuickActionChange(
    { pinned: view.tiles.filter((other) => other.pin === 'user').map((other) => other.id), hidden: [] },
    change,
    view.tiles.map((other) => other.id),
    new Set(policy.map((other) => other.id)),
  );
  // Arranged as the worker arranges: policy pins, the person's pins in order, then the rest as shown.
  const byId = new Map(view.tiles.map((other) => [other.id, other]));
  const isPinned = new Set(pinned);
  return {
    ...view,
    tiles: [
      ...policy,
      ...pinned.map((id) => ({ ...(byId.get(id) as QuickActionTile), pin: 'user' as const })),
      ...view.tiles.filter((other) => other.pin !== 'policy' && !isPinned.has(other.id)),
    ],
  };
}

function isTile(value: unknown): value is QuickActionTile {
  if (typeof value !== 'object' || value === null) return false;
  const tile = value as Record<string, unknown>;
  return (
    typeof tile.id === 'string' &&
    typeof tile.label === 'string' &&
    typeof tile.linkUrl === 'string' &&
    (tile.logoUrl === undefined || typeof tile.logoUrl === 'string') &&
    (tile.pin === undefined || tile.pin === 'policy' || tile.pin === 'user')
  );
}

/** Whether a value has the view's shape: a page checks what it computed from stored records before painting it. */
export function isQuickActionsView(value: unknown): value is QuickActionsView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Record<string, unknown>;
  return (
    Array.isArray(view.tiles) &&
    view.tiles.every(isTile) &&
    Array.isArray(view.recent) &&
    view.recent.every(isTile) &&
    typeof view.hiddenCount === 'number' &&
    typeof view.hasApps === 'boolean'
  );
}
