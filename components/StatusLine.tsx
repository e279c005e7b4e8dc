import { messages } from '@/lib/i18n/messages';
import type { ViewState } from '@/lib/messaging/protocol';

/** "5 min ago" style ages. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return messages.justNow;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return messages.minutesAgo(minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return messages.hoursAgo(hours);
  return messages.daysAgo(Math.round(hours / 24));
}

/** The sentence of the status line for a state. Pure. */
export function statusText(state: ViewState, now: number, online: boolean): string {
  const { sync } = state;
  if (!state.session.signedIn) return messages.signedOutNote;
  if (!online) {
    return sync.lastSuccessAt
      ? messages.offline(timeAgo(sync.lastSuccessAt, now))
      : messages.offlineNeverSynced;
  }
  if (sync.phase === 'syncing') {
    if (sync.progress?.phase === 'people') return messages.syncingPeople(sync.progress.records);
    if (sync.progress?.phase === 'apps') return messages.syncingApps;
    return messages.syncing;
  }
  if (sync.error && state.error) {
    const failed = messages.syncFailed(state.error.message);
    return sync.nextAttemptAt ? `${failed} ${messages.nextAttempt(new Date(sync.nextAttemptAt))}` : failed;
  }
  if (sync.lastSuccessAt) return messages.synced(timeAgo(sync.lastSuccessAt, now), sync.apps, sync.people);
  return messages.neverSynced;
}

/** One small line: signed out, syncing (with progress), offline, last synced or the last failure; and "Sync now". */
export function StatusLine({
  state,
  busy,
  onSyncNow,
  now,
  online = true,
}: {
  state: ViewState;
  busy: boolean;
  onSyncNow: () => void;
  now: number;
  online?: boolean;
}) {
  const syncing = state.sync.phase === 'syncing';
  const failed = Boolean(state.sync.error && state.error) && !syncing && online;
  return (
    <div class={`status-line${failed ? ' failed' : ''}${syncing ? ' syncing' : ''}`}>
      {syncing && <span class="spinner" aria-hidden="true" />}
      <span role="status">{statusText(state, now, online)}</span>
      {state.session.signedIn && (
        <button type="button" class="link" disabled={busy || syncing || !online} onClick={onSyncNow}>
          {messages.syncNow}
        </button>
      )}
    </div>
  );
}
