import type { QuickActionsView } from '@/lib/actions/quick-actions-view';

/** Where the new tab's first script leaves the stored read it started, for the page's module. */
const STARTED_READ = Symbol.for('workstation.storedQuickActions');

type Holder = { [STARTED_READ]?: Promise<QuickActionsView | undefined> };

/**
 * Leaves a started `readStoredQuickActions` for the page. The new tab's first (classic,
 * parser-blocking) script calls it, so the database opens and reads while the browser is still
 * fetching and compiling the page's modules. Kept apart from the reader, so the page's own bundle
 * carries no IndexedDB code.
 */
export function leaveStoredQuickActionsRead(read: Promise<QuickActionsView | undefined>): void {
  (globalThis as Holder)[STARTED_READ] = read;
}

/** The read left by `leaveStoredQuickActionsRead`, taken once; undefined when none was left. */
export function takeStoredQuickActionsRead(): Promise<QuickActionsView | undefined> | undefined {
  const holder = globalThis as Holder;
  const started = holder[STARTED_READ];
  delete holder[STARTED_READ];
  return started;
}
