import { render } from 'preact';
import { firstContentfulPaint } from '@/components/first-contentful-paint';
import { takeStoredQuickActionsRead } from '@/components/hooks/quick-actions-handoff';
import { holdMessagesUntil } from '@/components/hooks/send';
import { SearchHome } from '@/components/SearchHome';
import { isQuickActionsView } from '@/lib/actions/quick-actions-view';
import { text } from '@/lib/i18n/messages';
import { handOverToBrowserNewTab, prefersBrowserNewTab } from '@/lib/platform/browser-new-tab';
import '@/components/style.css';

/** A stored read that has not answered by then is not waited for: the worker's answer follows anyway. */
const STORED_READ_BUDGET_MS = 250;

document.title = text('newTabTitle');

function start(): void {
  // Marks for `npm run bench:newtab`.
  performance.mark('workstation:script');
  const budget = new Promise<undefined>((done) => setTimeout(done, STORED_READ_BUDGET_MS));
  // Quick actions come straight from IndexedDB, so the first paint already has them (no layout shift,
  // no wait for a sleeping worker). The read started in newtab-stored-read.ts, before this module loaded.
  // Anything but a well-formed view (a failed read, odd records) paints nothing early: the worker's
  // answer follows as it does with no stored apps.
  const stored = (takeStoredQuickActionsRead() ?? Promise.resolve(undefined)).then(
    (view) => (isQuickActionsView(view) ? view : undefined),
    () => undefined,
  );
  void Promise.race([stored, budget]).then((initial) => {
    performance.mark('workstation:stored-read');
    // With tiles to show, the worker hears from this page once they are painted. Without, the page
    // has nothing to paint until the worker answers.
    if (initial) holdMessagesUntil(firstContentfulPaint());
    render(<SearchHome showQuickActions initialQuickActions={initial} />, document.getElementById('app')!);
    performance.mark('workstation:rendered');
  });
}

// "Use the browser's new tab page": hand this tab over before painting anything.
if (prefersBrowserNewTab()) {
  void handOverToBrowserNewTab().then((handedOver) => {
    if (!handedOver) start();
  });
} else {
  start();
}
