import { useState } from 'preact/hooks';
import { messages } from '@/lib/i18n/messages';
import { useWorkstation } from './hooks/use-workstation';
import { useNow } from './hooks/use-now';
import { useOnline } from './hooks/use-online';
import { copyText, pageFacts, useBrowserNewTabChoice, useDiagnostics } from './hooks/use-options-extras';
import { AccountSection } from './options/AccountSection';
import { AdminSection } from './options/AdminSection';
import { NewTabSection } from './options/NewTabSection';
import { PolicySection } from './options/PolicySection';
import { SyncSection } from './options/SyncSection';

/**
 * The options page: one section component each (account, sync, new tab, policy, admin and
 * diagnostics), so each can change without touching the others.
 */
export function OptionsPage() {
  const { state, busy, actionError, signIn, signOut, syncNow } = useWorkstation();
  const now = useNow();
  const online = useOnline();
  const newTab = useBrowserNewTabChoice();
  const diagnostics = useDiagnostics(state?.sync.lastSuccessAt);
  const [copied, setCopied] = useState('');
  if (!state) return <main class="page options" aria-busy="true" />;
  return (
    <main class="page options">
      <h1>{messages.optionsTitle}</h1>
      <AccountSection
        state={state}
        busy={busy}
        error={actionError ?? state.error}
        onSignIn={(forceLogin) => void signIn(forceLogin)}
        onSignOut={(endOktaSession) => void signOut(endOktaSession)}
      />
      {state.session.signedIn && (
        <SyncSection state={state} busy={busy} now={now} online={online} onSyncNow={() => void syncNow()} />
      )}
      <NewTabSection {...newTab} />
      <PolicySection policy={state.policy} />
      <AdminSection
        state={state}
        facts={pageFacts()}
        diagnostics={diagnostics}
        onCopy={(text) => void copyText(text).then((ok) => setCopied(ok ? messages.copied : ''))}
      />
      <p class="visually-hidden" role="status">
        {copied}
      </p>
    </main>
  );
}
