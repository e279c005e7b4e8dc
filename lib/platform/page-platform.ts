import { browser } from 'wxt/browser';
import type { StateChangedMessage, ViewState } from '../messaging/protocol';
import type { Transport } from '../messaging/client';
import { browserFamily, hostPatterns } from './browser-differences';

/** Sends a request from an extension page to the background. */
export const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

/** Calls back with every view state the background broadcasts; returns the unsubscribe function. */
export function onStateChanged(listener: (state: ViewState) => void): () => void {
  const handler = (message: unknown) => {
    const event = message as Partial<StateChangedMessage> | undefined;
    if (event?.workstation === 1 && event.event === 'stateChanged' && event.state) listener(event.state);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/**
 * Asks for host access to the org (a custom domain) from a page's click handler: browsers grant
 * optional permissions only inside a user gesture, which the background never has. Firefox also
 * counts a revoked host permission as not granted, and accepts the request only when it is made
 * synchronously in the click (before any `await`); for origins already granted it answers true
 * without asking.
 */
export function ensureHostAccess(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  const family = browserFamily(browser.runtime.getURL('/'));
  return browser.permissions.request({ origins: hostPatterns(origins, family) });
}
