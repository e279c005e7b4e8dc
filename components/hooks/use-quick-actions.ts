import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { QuickActionChange } from '@/lib/actions/quick-action-prefs';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';
import { previewQuickActionChange } from '@/lib/actions/quick-actions-view';
import { send } from './send';

/**
 * The quick-actions view: first what the page read from IndexedDB, then the worker's answer (policy
 * pins in force), refreshed after each sync; changes show at once (hide, move) and go to the worker,
 * which answers with the new view. Only the answer to the newest request is shown: an older one, come
 * late, would undo what the person just did.
 */
export function useQuickActions(
  initial: QuickActionsView | undefined,
  enabled: boolean,
  refreshKey: unknown,
) {
  const [view, setView] = useState<QuickActionsView | undefined>(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = useRef(0);

  const ask = useCallback(
    (question: () => Promise<QuickActionsView>, onFailure?: (failure: unknown) => void) => {
      const ticket = ++latest.current;
      question().then(
        (fresh) => {
          if (ticket === latest.current) setView(fresh);
        },
        (failure: unknown) => {
          if (ticket === latest.current) onFailure?.(failure);
        },
      );
    },
    [],
  );

  useEffect(() => {
    if (enabled) ask(() => send('quickActionsView', undefined));
  }, [enabled, refreshKey, ask]);

  const change = useCallback(
    (request: QuickActionChange) => {
      setError(undefined);
      setView((shown) => shown && previewQuickActionChange(shown, request));
      ask(
        () => send('changeQuickActions', request),
        (failure) => {
          setError(String((failure as Error).message));
          // Show what is stored again, not the preview of a change that did not happen.
          ask(() => send('quickActionsView', undefined));
        },
      );
    },
    [ask],
  );

  return { view, change, error };
}
