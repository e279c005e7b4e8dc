import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';
import { messages } from '@/lib/i18n/messages';
import { useActions } from './hooks/use-actions';
import { useNow } from './hooks/use-now';
import { useOnline } from './hooks/use-online';
import { useQuickActions } from './hooks/use-quick-actions';
import { useSearch } from './hooks/use-search';
import { useWorkstation } from './hooks/use-workstation';
import { QuickActions } from './QuickActions';
import { SearchPanel } from './SearchPanel';
import { SignInPanel } from './SignInPanel';
import { StatusLine } from './StatusLine';

/**
 * The new tab and popup: sign-in when signed out; otherwise search, quick actions and status. With
 * quick actions read from IndexedDB (`initialQuickActions`), the page paints them before the worker
 * answers; the worker's state then confirms or replaces them.
 */
export function SearchHome({
  showQuickActions,
  initialQuickActions,
  focusSearch = false,
}: {
  showQuickActions: boolean;
  initialQuickActions?: QuickActionsView | undefined;
  /** Focus the search box once it shows (the popup: unlike a new tab, it may take focus). */
  focusSearch?: boolean;
}) {
  const { state, busy, actionError, signIn, syncNow } = useWorkstation();
  const online = useOnline();
  const now = useNow();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const signedIn = state ? state.session.signedIn : Boolean(initialQuickActions);
  const { results, settledQuery } = useSearch(query, state?.session.signedIn ?? false);
  const actions = useActions(useCallback((message: string) => setNotice(message), []));
  // Bumped after an app opens in another tab, so "Recently used" shows it while this page stays.
  const [launches, setLaunches] = useState(0);
  const quick = useQuickActions(
    initialQuickActions,
    showQuickActions && (state?.session.signedIn ?? false),
    `${state?.sync.lastSuccessAt ?? 0} ${launches}`,
  );
  const openApp = useCallback(
    (app: { id: string }, newTab: boolean) => {
      void actions.openApp(app, newTab).then(() => {
        if (newTab) setLaunches((count) => count + 1);
      });
    },
    [actions.openApp],
  );

  const searchShown = Boolean(state?.session.signedIn);
  useEffect(() => {
    if (focusSearch && searchShown) inputRef.current?.focus();
  }, [focusSearch, searchShown]);

  // A new tab opens with focus in the address bar (the browser's rule). Once the page has focus,
  // typing anywhere starts a search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const input = inputRef.current;
      if (!input || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space stays with the focused button or link it activates.
      if (event.key.length !== 1 || event.key === ' ') return;
      if (document.activeElement instanceof HTMLInputElement) return;
      input.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!state && !initialQuickActions) return <main class="page" aria-busy="true" />;

  if (state && !signedIn) {
    const error = actionError ?? state.error;
    return (
      <main class="page">
        <SignInPanel
          busy={busy}
          onSignIn={() => void signIn()}
          {...(state.orgHost ? { orgHost: state.orgHost } : {})}
          {...(state.configError ? { configError: state.configError } : {})}
          {...(error ? { error } : {})}
        />
      </main>
    );
  }

  const message = notice ?? quick.error ?? actionError?.message;
  return (
    <main class="page">
      <h1 class="visually-hidden">{messages.productName}</h1>
      <SearchPanel
        inputRef={inputRef}
        query={query}
        settledQuery={settledQuery}
        results={results}
        onQueryChange={setQuery}
        onOpenApp={openApp}
        onEmail={actions.emailPerson}
        onCopy={actions.copyEmail}
        appsOnly={state ? !state.peopleSearch || Boolean(state.peopleNote) : false}
        notSynced={state ? !state.sync.lastSuccessAt && state.sync.apps === 0 : false}
      />
      {state?.peopleNote && <p class="muted note">{state.peopleNote.message}</p>}
      {showQuickActions && (
        <QuickActions
          view={quick.view}
          onOpen={openApp}
          onChange={quick.change}
          hidden={query.trim() !== ''}
        />
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {state ? (
        <StatusLine state={state} busy={busy} onSyncNow={() => void syncNow()} now={now} online={online} />
      ) : (
        <div class="status-line" aria-hidden="true" />
      )}
      <footer class="muted small">
        {messages.productName} ·{' '}
        <a href="/options.html" target="_blank">
          {messages.settings}
        </a>
      </footer>
    </main>
  );
}
