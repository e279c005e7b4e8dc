import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { firstContentfulPaint } from '@/components/first-contentful-paint';
import {
  leaveStoredQuickActionsRead,
  takeStoredQuickActionsRead,
} from '@/components/hooks/quick-actions-handoff';
import { holdMessagesUntil, send } from '@/components/hooks/send';
import type { QuickActionsView } from '@/lib/actions/quick-actions-view';

const VIEW: QuickActionsView = { tiles: [], recent: [], hiddenCount: 0, hasApps: true };

/** Lets every pending promise callback run. */
const settle = () => new Promise((done) => setImmediate(done));

describe('the new tab before its first paint', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  test('the page takes the stored read its first script started, once; the next page starts its own', async () => {
    const read = Promise.resolve(VIEW);
    leaveStoredQuickActionsRead(read);
    expect(takeStoredQuickActionsRead()).toBe(read);
    expect(takeStoredQuickActionsRead()).toBeUndefined();
  });

  test('messages to the worker wait for the hold, then all go out; a failed hold holds nothing back', async () => {
    const received: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push((message as { name: string }).name);
      return Promise.resolve({ ok: true, value: undefined });
    });
    let painted!: () => void;
    holdMessagesUntil(new Promise<void>((done) => (painted = done)));
    const answers = [send('getState', undefined), send('quickActionsView', undefined)];
    await settle();
    expect(received).toEqual([]);
    painted();
    await Promise.all(answers);
    expect(received).toEqual(['getState', 'quickActionsView']);

    holdMessagesUntil(Promise.reject(new Error('no paint')));
    await send('getState', undefined);
    expect(received).toEqual(['getState', 'quickActionsView', 'getState']);
  });

  test('a page the browser never reports painting (a background tab, no Paint Timing) stops waiting', async () => {
    vi.useFakeTimers();
    let done = false;
    void firstContentfulPaint(500).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
