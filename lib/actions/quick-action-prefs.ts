/** What the person chose for their quick actions, by `App.id`: their own pins in order, and hidden apps. */
export interface QuickActionPrefs {
  pinned: string[];
  hidden: string[];
}

/** No choices yet: quick actions follow policy pins and frecency alone. */
export const NO_PREFS: QuickActionPrefs = { pinned: [], hidden: [] };

/** One change the person makes to their quick actions, from a page. */
export type QuickActionChange =
  | { op: 'pin'; appId: string }
  | { op: 'unpin'; appId: string }
  | { op: 'hide'; appId: string }
  | { op: 'unhideAll' }
  /** Put the app at `to` in the displayed list; it and everything before it become pinned in that order. */
  | { op: 'move'; appId: string; to: number };

/**
 * Applies one change. `displayed` is the whole current order of app ids (policy pins first),
 * `policyPinned` the ids an admin pinned: those never move, unpin or hide. Pure.
 */
export function applyQuickActionChange(
  prefs: QuickActionPrefs,
  change: QuickActionChange,
  displayed: readonly string[],
  policyPinned: ReadonlySet<string>,
): QuickActionPrefs {
  if (change.op === 'unhideAll') return { ...prefs, hidden: [] };
  const { appId } = change;
  if (policyPinned.has(appId)) return prefs;
  const without = (ids: readonly string[]) => ids.filter((id) => id !== appId);
  switch (change.op) {
    case 'pin':
      return prefs.pinned.includes(appId)
        ? prefs
        : { pinned: [...prefs.pinned, appId], hidden: without(prefs.hidden) };
    case 'unpin':
      return { ...prefs, pinned: without(prefs.pinned) };
    case 'hide':
      return { pinned: without(prefs.pinned), hidden: [...without(prefs.hidden), appId] };
    case 'move': {
      const policyCount = displayed.filter((id) => policyPinned.has(id)).length;
      const rest = without(displayed);
      const to = Math.max(policyCount, Math.min(change.to, rest.length));
      const order = [...rest.slice(0, to), appId, ...rest.slice(to)];
      const lastPinned = Math.max(
        to,
        ...prefs.pinned.filter((id) => id !== appId).map((id) => order.indexOf(id)),
      );
      const pinned = order.slice(0, lastPinned + 1).filter((id) => !policyPinned.has(id));
      return { pinned, hidden: without(prefs.hidden) };
    }
  }
}
