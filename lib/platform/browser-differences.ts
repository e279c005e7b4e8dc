/**
 * What differs between the browsers the extension runs in, as plain functions (tested in Node);
 * `browser-platform.ts` and `page-platform.ts` pick the behaviour for the browser they run in.
 *
 * Firefox (MV3), as measured in Debian's firefox-esr 153 (tests/e2e/firefox-*.test.ts):
 * - the background is an event page: `background.scripts`, suspended when idle like Chrome's worker;
 * - omnibox descriptions are plain text: Chrome's `<match>`/`<dim>`/`<url>` markup would show as is;
 * - `storage.managed.get()` throws when no policy exists, where Chrome answers `{}`;
 * - the sign-in redirect URI is `https://<sha1 of the add-on id>.extensions.allizom.org/`;
 * - host permissions can be revoked by the user at any time (about:addons, the extensions panel);
 * - `permissions.contains` answers false for a pattern with a port (`http://127.0.0.1:8419/*`) even
 *   when `http://127.0.0.1/*` is granted, whose requests reach every port;
 * - `permissions.request` must be called synchronously inside the click, before any `await`;
 * - the extension's own `fetch` sends `Origin: moz-extension://<uuid>` on POST, and the
 *   declarativeNetRequest session rule that strips it (tab -1, `xmlhttprequest`) works there as in Chrome.
 */

/** Which family of browser the extension runs in, from its own URL. */
export type BrowserFamily = 'chromium' | 'firefox';

/** `moz-extension://` is Firefox; `chrome-extension://` is Chrome, Edge and Chromium. */
export function browserFamily(extensionBaseUrl: string): BrowserFamily {
  return extensionBaseUrl.startsWith('moz-extension:') ? 'firefox' : 'chromium';
}

/**
 * Host match patterns as this browser's permissions API understands them: Firefox's patterns have
 * no port (a granted `http://127.0.0.1/*` covers every port, but a pattern naming one is never
 * "contained"), so the port is dropped there.
 */
export function hostPatterns(patterns: readonly string[], family: BrowserFamily): string[] {
  if (family === 'chromium') return [...patterns];
  return patterns.map((pattern) => pattern.replace(/^([a-z*]+:\/\/[^/:]+):\d+(?=\/)/i, '$1'));
}

/** The match pattern that covers a request to `url` (its origin, every path). */
export function originPatternOf(url: string): string {
  return `${new URL(url).origin}/*`;
}
