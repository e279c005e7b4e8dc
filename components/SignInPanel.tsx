import { messages } from '@/lib/i18n/messages';
import type { ErrorView } from '@/lib/messaging/protocol';
import { ErrorLine } from './ErrorLine';

/** The signed-out state: what the product does, and one button. */
export function SignInPanel(props: {
  orgHost?: string;
  configError?: ErrorView;
  error?: ErrorView;
  busy: boolean;
  onSignIn: () => void;
}) {
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{messages.signedOutTitle}</h1>
      <p>{messages.signedOutBody}</p>
      {props.configError ? (
        <p class="error" role="alert">
          {props.configError.message}
        </p>
      ) : (
        <button type="button" class="primary" disabled={props.busy} onClick={props.onSignIn}>
          {messages.signIn}
        </button>
      )}
      {props.orgHost && !props.configError && <p class="muted">{props.orgHost}</p>}
      {props.error && <ErrorLine error={props.error} />}
    </section>
  );
}
