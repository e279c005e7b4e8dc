import { createClient } from '@/lib/messaging/client';
import { runtimeTransport } from '@/lib/platform/page-platform';

let held: Promise<void> = Promise.resolve();

/**
 * Holds every message to the background until `until` settles. The new tab holds them until its
 * first paint: a message wakes a stopped worker, whose start-up (and the page's own work on the
 * answer) would otherwise compete with painting for the CPU (`npm run bench:newtab`).
 */
export function holdMessagesUntil(until: Promise<unknown>): void {
  held = until.then(
    () => undefined,
    () => undefined,
  );
}

/** The typed messaging client every hook uses: `send('search', { query })`. */
export const send = createClient((message) => held.then(() => runtimeTransport(message)));
