// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { StatusLine, statusText } from '@/components/StatusLine';
import type { ViewState } from '@/lib/messaging/protocol';
import { click, mount } from './render';

const NOW = Date.parse('2026-05-01T12:00:00Z');

function state(overrides: Partial<ViewState> = {}, sync: Partial<ViewState['sync']> = {}): ViewState {
  return {
    hostOrigins: [],
    redirectUri: 'https://id.chromiumapp.org/',
    session: { signedIn: true, name: 'Ana' },
    sync: { phase: 'idle', apps: 45, people: 1899, lastSuccessAt: NOW - 5 * 60_000, ...sync },
    peopleSearch: true,
    ...overrides,
  };
}

describe('the status line', () => {
  test('says when it last synced, with counts', () => {
    expect(statusText(state(), NOW, true)).toBe('Synced 5 min ago · 45 apps · 1,899 people');
  });

  test('shows progress while syncing: apps first, then people so far', () => {
    expect(statusText(state({}, { phase: 'syncing' }), NOW, true)).toBe('Syncing…');
    expect(
      statusText(
        state({}, { phase: 'syncing', progress: { phase: 'apps', pages: 1, records: 0 } }),
        NOW,
        true,
      ),
    ).toBe('Syncing apps…');
    expect(
      statusText(
        state({}, { phase: 'syncing', progress: { phase: 'people', pages: 3, records: 600 } }),
        NOW,
        true,
      ),
    ).toBe('Syncing… 600 people so far');
  });

  test('says a sync failed, with the sentence to act on and when it tries again', () => {
    const failed = state(
      { error: { code: 'OKTA_RATE_LIMITED', message: 'Okta is busy.' } },
      { error: { code: 'OKTA_RATE_LIMITED', message: 'x', at: NOW }, nextAttemptAt: NOW + 60_000 },
    );
    expect(statusText(failed, NOW, true)).toMatch(/^Sync failed: Okta is busy\. Trying again at .+\.$/);
  });

  test('offline, it says what it shows comes from the last sync, and "Sync now" waits', () => {
    expect(statusText(state(), NOW, false)).toBe('Offline · showing what was synced 5 min ago');
    expect(statusText(state({}, { lastSuccessAt: undefined }), NOW, false)).toBe(
      'Offline · nothing synced yet',
    );
    const root = mount(
      <StatusLine state={state()} busy={false} onSyncNow={() => undefined} now={NOW} online={false} />,
    );
    expect(root.querySelector('button')?.disabled).toBe(true);
  });

  test('signed out, it says so and offers no "Sync now"', () => {
    const root = mount(
      <StatusLine
        state={state({ session: { signedIn: false } })}
        busy={false}
        onSyncNow={() => undefined}
        now={NOW}
      />,
    );
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Not signed in.');
    expect(root.querySelector('button')).toBeNull();
  });

  test('"Sync now" asks for a sync, and is off while one runs', () => {
    const onSyncNow = vi.fn();
    const root = mount(<StatusLine state={state()} busy={false} onSyncNow={onSyncNow} now={NOW} />);
    click(root.querySelector('button')!);
    expect(onSyncNow).toHaveBeenCalledOnce();
    const syncing = mount(
      <StatusLine state={state({}, { phase: 'syncing' })} busy={false} onSyncNow={onSyncNow} now={NOW} />,
    );
    expect(syncing.querySelector('button')?.disabled).toBe(true);
  });
});
