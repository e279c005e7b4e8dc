import { quickActionsView } from '@/lib/actions/quick-actions-view';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';
import { readQuickActionInputs } from '@/lib/db/quick-actions-store';
import { openWorkstationDb } from '@/lib/db/schema';

/**
 * Quick actions straight from IndexedDB, without waiting for the worker (which may be asleep and
 * take a while to wake). Undefined when there is nothing stored or the read fails; the worker's answer
 * follows either way. Only records and preferences are read here: tokens never live in IndexedDB.
 */
export async function readStoredQuickActions(): Promise<QuickActionsView | undefined> {
  try {
    const db = await openWorkstationDb();
    try {
      const inputs = await readQuickActionInputs(db);
      return inputs.apps.length > 0 ? quickActionsView(inputs, Date.now()) : undefined;
    } finally {
      // A page must not hold the database open: it would block the worker's next schema upgrade.
      db.close();
    }
  } catch {
    return undefined;
  }
}
