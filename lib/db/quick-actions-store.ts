import type { IDBPDatabase } from 'idb';
import type { QuickActionPrefs } from '../actions/quick-action-prefs';
import { NO_PREFS } from '../actions/quick-action-prefs';
import type { QuickActionInputs } from '../actions/quick-actions-view';
import type { WorkstationDb } from './schema';

type Db = IDBPDatabase<WorkstationDb>;

const PREFS_KEY = 'quickActions.prefs';
const POLICY_PINS_KEY = 'quickActions.policyPins';

/**
 * Everything quick actions are computed from, in one read-only transaction. Pages call it straight
 * after load so the tiles paint without waiting for the worker (no token is ever read here).
 */
export async function readQuickActionInputs(db: Db): Promise<QuickActionInputs> {
  const tx = db.transaction(['apps', 'launches', 'prefs'], 'readonly');
  const [apps, launches, prefs, policyPins] = await Promise.all([
    tx.objectStore('apps').getAll(),
    tx.objectStore('launches').getAll(),
    tx.objectStore('prefs').get(PREFS_KEY),
    tx.objectStore('prefs').get(POLICY_PINS_KEY),
  ]);
  await tx.done;
  return {
    apps,
    launches,
    prefs: parsePrefs(prefs),
    policyPins: Array.isArray(policyPins) ? policyPins.filter((pin) => typeof pin === 'string') : [],
  };
}

/** Saves the person's quick-action choices. */
export async function writeQuickActionPrefs(db: Db, prefs: QuickActionPrefs): Promise<void> {
  await db.put('prefs', prefs, PREFS_KEY);
}

/** Mirrors the policy's `pinnedApps` where pages read it, so their first paint already honours it. */
export async function writePolicyPins(db: Db, pins: readonly string[]): Promise<void> {
  await db.put('prefs', [...pins], POLICY_PINS_KEY);
}

function parsePrefs(value: unknown): QuickActionPrefs {
  if (typeof value !== 'object' || value === null) return NO_PREFS;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  const { pinned, hidden } = value as Partial<Record<keyof QuickActionPrefs, unknown>>;
  return { pinned: strings(pinned), hidden: strings(hidden) };
}
