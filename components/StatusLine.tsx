import { messages } from '@/lib/i18n/messages';
import type { ViewState } from '@/lib/messaging/protocol';

/** "5 min ago" style ages. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** One small line: syncing, last synced with counts, or the last failure; and "Sync now". */
export function StatusLine({
  state,
  busy,
  onSyncNow,
  now,
}: {
  state: ViewState;
  busy: boolean;
  onSyncNow: () => void;
  now: number;
}) {
  const { sync } = state;
  let text: string;
  if (sync.phase === 'syncing') {
    text =
      sync.progress?.phase === 'people' ? messages.syncingPeople(sync.progress.records) : messages.syncing;
  } else if (sync.error && state.error) {
    text = messages.syncFailed(state.error.message);
    if (sync.nextAttemptAt) text += ` ${messages.nextAttempt(new Date(sync.nextAttemptAt))}`;
  } else if (sync.lastSuccessAt)
    text = messages.synced(timeAgo(sync.lastSuccessAt, now), sync.apps, sync.people);
  else text = messages.neverSynced;
  return (
    <div class="status-line">
      <span role="status">{text}</span>
      <button type="button" class="link" disabled={busy || sync.phase === 'syncing'} onClick={onSyncNow}>
        {messages.syncNow}
      </button>
    </div>
  );
}
