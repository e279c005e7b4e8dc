import { normalizeText } from '../search/normalize';
import type { App } from '../records';

/**
 * Whether an app is pinned by policy: an `appInstanceId` (`0oa…`) pins every link of that app; any
 * other string matches a label exactly after normalisation (DESIGN.md, `pinnedApps`).
 */
export function isPinned(app: App, pinned: readonly string[]): boolean {
  return pinned.some((pin) => pin === app.appInstanceId || normalizeText(pin) === normalizeText(app.label));
}

/**
 * The quick-actions list: pinned apps first (in policy order), then the most-used, then the user's
 * Okta dashboard order so a new user sees something useful before the first launch.
 */
export function quickActions(
  apps: readonly App[],
  frecency: ReadonlyMap<string, number>,
  pinned: readonly string[],
  limit = 8,
): App[] {
  const pinIndex = (app: App) => {
    const index = pinned.findIndex((pin) => isPinned(app, [pin]));
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  return [...apps]
    .sort(
      (a, b) =>
        pinIndex(a) - pinIndex(b) ||
        (frecency.get(b.id) ?? 0) - (frecency.get(a.id) ?? 0) ||
        a.sortOrder - b.sortOrder ||
        a.label.localeCompare(b.label),
    )
    .slice(0, limit);
}
