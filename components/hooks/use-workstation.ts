import { useCallback, useEffect, useState } from 'preact/hooks';
import { AppError } from '@/lib/errors';
import { errorSentence } from '@/lib/i18n/messages';
import type { ErrorView, ViewState } from '@/lib/messaging/protocol';
import { ensureHostAccess, onStateChanged } from '@/lib/platform/page-platform';
import { send } from './send';

/** The view state, kept current by the background's broadcasts, and the actions on it. */
export function useWorkstation() {
  const [state, setState] = useState<ViewState | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorView | undefined>(undefined);

  useEffect(() => {
    const unsubscribe = onStateChanged(setState);
    send('getState', undefined).then(setState, (error: unknown) => setActionError(toErrorView(error)));
    return unsubscribe;
  }, []);

  const run = useCallback(async (action: () => Promise<ViewState>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      setState(await action());
    } catch (error) {
      setActionError(toErrorView(error));
    } finally {
      setBusy(false);
    }
  }, []);

  const signIn = useCallback(
    (forceLogin = false) => {
      // Ask for host access first, still inside the click: the permission prompt needs the gesture.
      const access = ensureHostAccess(state?.hostOrigins ?? []);
      return run(async () => {
        if (!(await access)) {
          throw new AppError(
            'HOST_PERMISSION_DENIED',
            errorSentence('HOST_PERMISSION_DENIED', { host: state?.orgHost }),
          );
        }
        return send('signIn', { forceLogin });
      });
    },
    [run, state?.hostOrigins, state?.orgHost],
  );
  const signOut = useCallback(
    (endOktaSession = false) => run(() => send('signOut', { endOktaSession })),
    [run],
  );
  const syncNow = useCallback(() => {
    // A host permission the person took back (Firefox lets them) is asked for again, in the click.
    const access = ensureHostAccess(state?.hostOrigins ?? []);
    return run(async () => {
      await access.catch(() => false);
      return send('syncNow', undefined);
    });
  }, [run, state?.hostOrigins]);

  return { state, busy, actionError, signIn, signOut, syncNow };
}

function toErrorView(error: unknown): ErrorView {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: errorSentence('INTERNAL') };
}
