import { useState } from 'preact/hooks';
import { messages } from '@/lib/i18n/messages';
import type { ErrorView, ViewState } from '@/lib/messaging/protocol';
import { ErrorLine } from '../ErrorLine';

/** Who is signed in to which org, with sign in, sign out and "Sign in as someone else". */
export function AccountSection(props: {
  state: ViewState;
  busy: boolean;
  error?: ErrorView | undefined;
  onSignIn: (forceLogin: boolean) => void;
  onSignOut: (endOktaSession: boolean) => void;
}) {
  const { state, busy } = props;
  const [endOktaSession, setEndOktaSession] = useState(false);
  return (
    <section aria-labelledby="account">
      <h2 id="account">{messages.account}</h2>
      {state.configError && (
        <p class="error" role="alert">
          {state.configError.message}
        </p>
      )}
      {state.session.signedIn ? (
        <>
          <p>
            {messages.signedInAs(state.session.name ?? '')}
            {state.session.email && ` (${state.session.email})`}
            {state.orgHost && ` ${messages.signedInTo(state.orgHost)}`}
          </p>
          <div class="buttons">
            <button type="button" disabled={busy} onClick={() => props.onSignOut(endOktaSession)}>
              {messages.signOut}
            </button>
            <button type="button" disabled={busy} onClick={() => props.onSignIn(true)}>
              {messages.signInAsSomeoneElse}
            </button>
          </div>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={endOktaSession}
              onChange={(event) => setEndOktaSession(event.currentTarget.checked)}
            />{' '}
            {messages.endOktaSession}
          </label>
        </>
      ) : (
        <>
          <p class="muted">{messages.signedOutNote}</p>
          {!state.configError && (
            <div class="buttons">
              <button type="button" class="primary" disabled={busy} onClick={() => props.onSignIn(false)}>
                {messages.signIn}
              </button>
            </div>
          )}
        </>
      )}
      {props.error && <ErrorLine error={props.error} />}
    </section>
  );
}
