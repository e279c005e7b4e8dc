import { useCallback, useEffect, useState } from 'preact/hooks';
import type { QuickActionChange } from '@/lib/actions/quick-action-prefs';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';
import { send } from './send';

/**
 * The quick-actions view: first what the page read from IndexedDB, then the worker's answer (policy
 * pins in force), refreshed after each sync; changes go to the worker, which answers with the new view.
 */
export function useQuickActions(
  initial: QuickActionsView | undefined,
  enabled: boolean,
  refreshKey: unknown,
) {
  const [view, setView] = useState<QuickActionsView | undefined>(initial);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    send('quickActionsView', undefined).then(
      (fresh) => current && setView(fresh),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled, refreshKey]);

  const change = useCallback((request: QuickActionChange) => {
    setError(undefined);
    send('changeQuickActions', request).then(setView, (failure: unknown) =>
      setError(String((failure as Error).message)),
    );
  }, []);

  return { view, change, error };
}
