import { browser } from 'wxt/browser';

/** The extension's version and id, for the options page's diagnostics. */
export function extensionInfo(): { version: string; id: string } {
  return { version: browser.runtime.getManifest().version, id: browser.runtime.id };
}
