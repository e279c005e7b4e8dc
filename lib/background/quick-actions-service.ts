import type { IDBPDatabase } from 'idb';
import type { QuickActionChange } from '../actions/quick-action-prefs';
import { applyQuickActionChange } from '../actions/quick-action-prefs';
import type { QuickActionsView } from '../actions/quick-actions-view';
import { arrangeQuickActions, quickActionsView } from '../actions/quick-actions-view';
import { readQuickActionInputs, writePolicyPins, writeQuickActionPrefs } from '../db/quick-actions-store';
import type { WorkstationDb } from '../db/schema';

/** The quick-actions view of a signed-out browser. */
export const NO_QUICK_ACTIONS: QuickActionsView = { tiles: [], recent: [], hiddenCount: 0, hasApps: false };

/**
 * Quick actions as the worker answers them: the same computation pages paint from IndexedDB, with the
 * policy pins in force (mirrored for the pages' next paint), and the person's pin/hide/move changes.
 */
export class QuickActionsService {
  constructor(
    private readonly deps: {
      db: () => Promise<IDBPDatabase<WorkstationDb>>;
      now: () => number;
      policyPins: () => Promise<readonly string[]>;
      signedIn: () => Promise<boolean>;
    },
  ) {}

  /**
   * Views and changes run one at a time, in the order they came: a change reads the preferences and
   * writes them back, and two in flight at once (two clicks while the worker wakes, two tabs) would
   * each write over the other's.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The view with the policy in force. */
  view(): Promise<QuickActionsView> {
    return this.inTurn(async () => {
      if (!(await this.deps.signedIn())) return NO_QUICK_ACTIONS;
      const { inputs } = await this.inputs();
      return quickActionsView(inputs, this.deps.now());
    });
  }

  /** Applies one change and answers with the new view. */
  change(change: QuickActionChange): Promise<QuickActionsView> {
    return this.inTurn(() => this.apply(change));
  }

  private async apply(change: QuickActionChange): Promise<QuickActionsView> {
    if (!(await this.deps.signedIn())) return NO_QUICK_ACTIONS;
    const { db, inputs } = await this.inputs();
    const now = this.deps.now();
    const tiles = arrangeQuickActions(inputs, now);
    const policyPinned = new Set(tiles.filter((tile) => tile.pin === 'policy').map((tile) => tile.id));
    const prefs = applyQuickActionChange(
      inputs.prefs,
      change,
      tiles.map((tile) => tile.id),
      policyPinned,
    );
    if (prefs !== inputs.prefs) await writeQuickActionPrefs(db, prefs);
    return quickActionsView({ ...inputs, prefs }, now);
  }

  private async inputs() {
    const db = await this.deps.db();
    const [stored, policyPins] = await Promise.all([readQuickActionInputs(db), this.deps.policyPins()]);
    if (JSON.stringify(stored.policyPins) !== JSON.stringify(policyPins))
      await writePolicyPins(db, policyPins);
    return { db, inputs: { ...stored, policyPins } };
  }
}
