import { messages } from '@/lib/i18n/messages';
import type { ViewState } from '@/lib/messaging/protocol';
import { StatusLine } from '../StatusLine';

/** The sync status line with "Sync now", and why people are missing if they are. */
export function SyncSection(props: {
  state: ViewState;
  busy: boolean;
  now: number;
  online: boolean;
  onSyncNow: () => void;
}) {
  return (
    <section aria-labelledby="sync">
      <h2 id="sync">{messages.sync}</h2>
      <StatusLine
        state={props.state}
        busy={props.busy}
        onSyncNow={props.onSyncNow}
        now={props.now}
        online={props.online}
      />
      {props.state.peopleNote && <p class="muted">{props.state.peopleNote.message}</p>}
    </section>
  );
}
