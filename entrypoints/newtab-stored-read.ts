import { leaveStoredQuickActionsRead } from '@/components/hooks/quick-actions-handoff';
import { readStoredQuickActions } from '@/components/hooks/quick-actions-source';

/**
 * The new tab's first script, a classic one that newtab/index.html loads before its modules: the
 * IndexedDB read of quick actions starts as soon as this small file arrives, and runs while the
 * browser fetches and compiles Preact and the page (`npm run bench:newtab` measures the difference).
 */
export default defineUnlistedScript(() => {
  // Marks for `npm run bench:newtab`.
  performance.mark('workstation:read-started');
  leaveStoredQuickActionsRead(readStoredQuickActions());
});
