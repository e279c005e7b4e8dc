import { useCallback } from 'preact/hooks';
import type { AppView, PersonView } from '@/lib/messaging/protocol';
import { send } from './send';

/** Opening apps, emailing and copying addresses. */
export function useActions(onError: (message: string) => void) {
  const openApp = useCallback(
    (app: Pick<AppView, 'id'>, newTab: boolean): Promise<void> =>
      send('openApp', { appId: app.id, newTab }).catch((error: unknown) =>
        onError(String((error as Error).message)),
      ),
    [onError],
  );
  const emailPerson = useCallback(
    (person: PersonView) => {
      send('emailPerson', { personId: person.id }).catch((error: unknown) =>
        onError(String((error as Error).message)),
      );
    },
    [onError],
  );
  const copyEmail = useCallback(async (person: PersonView): Promise<boolean> => {
    if (!person.email) return false;
    try {
      await navigator.clipboard.writeText(person.email);
      return true;
    } catch {
      return false;
    }
  }, []);
  return { openApp, emailPerson, copyEmail };
}
