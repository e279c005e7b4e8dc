import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messages } from '@/lib/i18n/messages';
import type { AppView } from '@/lib/messaging/protocol';
import { useActions } from './hooks/use-actions';
import { useSearch } from './hooks/use-search';
import { send } from './hooks/send';
import { useWorkstation } from './hooks/use-workstation';
import { QuickActions } from './QuickActions';
import { SearchPanel } from './SearchPanel';
import { SignInPanel } from './SignInPanel';
import { StatusLine } from './StatusLine';

/** The new tab and popup: sign-in when signed out; otherwise search, quick actions and status. */
export function SearchHome({ showQuickActions }: { showQuickActions: boolean }) {
  const { state, busy, actionError, signIn, syncNow } = useWorkstation();
  const [query, setQuery] = useState('');
  const [quick, setQuick] = useState<AppView[]>([]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const signedIn = state?.session.signedIn ?? false;
  const { results, settledQuery } = useSearch(query, signedIn);
  const actions = useActions(useCallback((message: string) => setNotice(message), []));

  useEffect(() => {
    if (!signedIn || !showQuickActions) return;
    send('quickActions', undefined).then(setQuick, () => setQuick([]));
  }, [signedIn, showQuickActions, state?.sync.lastSuccessAt]);

  // A new tab opens with focus in the address bar (the browser's rule). Once the page has focus,
  // typing anywhere starts a search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const input = inputRef.current;
      if (!input || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
      if (document.activeElement === input || document.activeElement instanceof HTMLInputElement) return;
      input.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!state) return <main class="page" aria-busy="true" />;

  if (!signedIn) {
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

  return (
    <main class="page">
      <SearchPanel
        inputRef={inputRef}
        query={query}
        settledQuery={settledQuery}
        results={results}
        onQueryChange={setQuery}
        onOpenApp={actions.openApp}
        onEmail={actions.emailPerson}
        onCopy={actions.copyEmail}
        appsOnly={!state.peopleSearch || Boolean(state.peopleNote)}
      />
      {state.peopleNote && <p class="muted note">{state.peopleNote.message}</p>}
      {showQuickActions && !query && <QuickActions apps={quick} onOpen={actions.openApp} />}
      {(notice ?? actionError) && (
        <p class="error" role="alert">
          {notice ?? actionError?.message}
        </p>
      )}
      <StatusLine state={state} busy={busy} onSyncNow={() => void syncNow()} now={Date.now()} />
      <footer class="muted small">
        {messages.productName} ·{' '}
        <a href="/options.html" target="_blank">
          {messages.settings}
        </a>
      </footer>
    </main>
  );
}
