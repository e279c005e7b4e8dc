import { messages } from '@/lib/i18n/messages';
import { useWorkstation } from './hooks/use-workstation';
import { ErrorLine } from './ErrorLine';
import { StatusLine } from './StatusLine';
import { PolicySection } from './options/PolicySection';

/** Account, sync status and what an admin needs to set up the Okta app. */
export function OptionsPage() {
  const { state, busy, actionError, signIn, signOut, syncNow } = useWorkstation();
  if (!state) return <main class="page options" aria-busy="true" />;
  const error = actionError ?? state.error;
  return (
    <main class="page options">
      <h1>{messages.productName}</h1>
      <section aria-labelledby="account">
        <h2 id="account">Account</h2>
        {state.configError && (
          <p class="error" role="alert">
            {state.configError.message}
          </p>
        )}
        {state.session.signedIn ? (
          <>
            <p>
              Signed in as <strong>{state.session.name}</strong>
              {state.session.email && ` (${state.session.email})`} to {state.orgHost}.
            </p>
            <div class="buttons">
              <button type="button" disabled={busy} onClick={() => void signOut()}>
                {messages.signOut}
              </button>
              <button type="button" disabled={busy} onClick={() => void signIn(true)}>
                {messages.signInAsSomeoneElse}
              </button>
            </div>
          </>
        ) : (
          !state.configError && (
            <div class="buttons">
              <button type="button" class="primary" disabled={busy} onClick={() => void signIn()}>
                {messages.signIn}
              </button>
            </div>
          )
        )}
        {error && <ErrorLine error={error} />}
      </section>
      {state.session.signedIn && (
        <section aria-labelledby="sync">
          <h2 id="sync">Sync</h2>
          <StatusLine state={state} busy={busy} onSyncNow={() => void syncNow()} now={Date.now()} />
          {state.peopleNote && <p class="muted">{state.peopleNote.message}</p>}
        </section>
      )}
      <PolicySection policy={state.policy} />
      <section aria-labelledby="admin">
        <h2 id="admin">For your Okta admin</h2>
        <dl class="facts-list">
          <dt>Okta org</dt>
          <dd>{state.orgHost ?? 'not set'}</dd>
          <dt>Sign-in redirect URI</dt>
          <dd>
            <code>{state.redirectUri}</code>
          </dd>
          <dt>Apps / people stored</dt>
          <dd>
            {state.sync.apps.toLocaleString('en')} / {state.sync.people.toLocaleString('en')}
          </dd>
          {state.sync.error && (
            <>
              <dt>Last sync error</dt>
              <dd>
                {state.sync.error.code} at {new Date(state.sync.error.at).toLocaleString()}
              </dd>
            </>
          )}
        </dl>
      </section>
    </main>
  );
}
