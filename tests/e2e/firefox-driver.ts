/**
 * Real headless Firefox (Debian's `firefox-esr`) through puppeteer-core over WebDriver BiDi, with no
 * geckodriver and no browser download (shared/reference/firefox-recipe.md).
 *
 * Every use of puppeteer's internal, unstable surface lives in this file, and
 * tests/e2e/firefox-driver.test.ts covers each one: `package.json` pins puppeteer-core exactly, so an
 * upgrade that moves them fails there first. The internals are:
 * - `frame.browsingContext.navigate`: puppeteer's `goto` never sees a `moz-extension://` load finish;
 * - `browsingContext.userContext.browser.session.send`: raw BiDi commands, for the browser's own
 *   window ("chrome" scope: the address bar) and for the identity pop-up's context.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, Frame, Page } from 'puppeteer-core';

/** Where Debian installs Firefox ESR; `FIREFOX_PATH` overrides it. */
export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) {
    throw new Error("No Firefox found: install Debian's firefox-esr (`.ci/run` does) or set FIREFOX_PATH.");
  }
  return found;
}

export interface FirefoxLaunchOptions {
  /** A persistent profile folder, reused by a relaunch. */
  profileDir: string;
  /** `HOME` of the browser process: a per-test managed-storage manifest lives under it. */
  home?: string;
  /** The add-on id whose `moz-extension://` host is pinned to `uuid`. */
  extensionId: string;
  uuid: string;
  /** Extra preferences. */
  prefs?: Record<string, unknown>;
}

/** A raw BiDi answer to `script.evaluate`. */
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface TreeContext {
  context: string;
  url: string;
  children?: TreeContext[] | null;
}

/** A launched Firefox with the helpers the product's tests need. */
export class FirefoxDriver {
  private constructor(
    readonly browser: Browser,
    readonly extensionId: string,
    readonly uuid: string,
    private readonly bidi: BidiSession,
  ) {}

  /** Launches headless Firefox. `--remote-allow-system-access` is for throwaway test profiles only. */
  static async launch(options: FirefoxLaunchOptions): Promise<FirefoxDriver> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      userDataDir: options.profileDir,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, ...(options.home ? { HOME: options.home } : {}) },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [options.extensionId]: options.uuid }),
        // A temporary add-on is uninstalled when the browser quits; these keep its storage and origin
        // for the next launch, as a permanent install would.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        ...options.prefs,
      },
    });
    try {
      // The BiDi session is browser-wide; any page reaches it.
      const [page] = await browser.pages();
      const bidi = page ? internals(page.mainFrame()).browsingContext.userContext.browser.session : undefined;
      if (!bidi) throw new Error('Firefox started without a page.');
      return new FirefoxDriver(browser, options.extensionId, options.uuid, bidi);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Installs an unpacked extension as a temporary add-on (BiDi `webExtension.install`); returns its id. */
  installExtension(dir: string): Promise<string> {
    return this.browser.installExtension(dir);
  }

  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string {
    return `moz-extension://${this.uuid}/${path.replace(/^\//, '')}`;
  }

  /** Opens one of the extension's pages in a new tab and waits for it to load. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    await navigate(page.mainFrame(), this.extensionUrl(path));
    return page;
  }

  /** Loads `url` in `page` and waits for the load to complete (works for `moz-extension://`). */
  async goto(page: Page, url: string): Promise<void> {
    await navigate(page.mainFrame(), url);
  }

  /** Runs `expression` (awaited) in the browser window's own chrome scope: `gURLBar`, `AboutNewTab`, … */
  async chromeEval<T>(expression: string): Promise<T> {
    const session = this.session();
    const window = (await this.contexts('chrome')).find((c) =>
      c.url.startsWith('chrome://browser/content/browser.xhtml'),
    );
    if (!window) throw new Error('No browser window in chrome scope.');
    return evaluate<T>(session, window.context, expression);
  }

  /** Runs `expression` (awaited) in the top-level content context whose URL starts with `urlPrefix`. */
  async contentEval<T>(urlPrefix: string, expression: string): Promise<T> {
    const context = (await this.contexts()).find((c) => c.url.startsWith(urlPrefix));
    if (!context) throw new Error(`No browsing context at ${urlPrefix}.`);
    return evaluate<T>(this.session(), context.context, expression);
  }

  /** URLs of every top-level content context (tabs and pop-up windows). */
  async contentUrls(): Promise<string[]> {
    return (await this.contexts()).map((c) => c.url);
  }

  /** Closes the top-level content context whose URL starts with `urlPrefix` (a stuck sign-in pop-up). */
  async closeContext(urlPrefix: string): Promise<void> {
    const context = (await this.contexts()).find((c) => c.url.startsWith(urlPrefix));
    if (context) await this.session().send('browsingContext.close', { context: context.context });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private async contexts(scope?: 'chrome'): Promise<TreeContext[]> {
    const params = scope ? { 'moz:scope': scope } : {};
    const { contexts } = (await this.session().send('browsingContext.getTree', params)).result as {
      contexts: TreeContext[];
    };
    return contexts;
  }

  private session(): BidiSession {
    return this.bidi;
  }
}

function internals(frame: Frame): {
  browsingContext: {
    navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
    userContext: { browser: { session: BidiSession } };
  };
} {
  return frame as unknown as ReturnType<typeof internals>;
}

async function navigate(frame: Frame, url: string): Promise<void> {
  await internals(frame).browsingContext.navigate(url, 'complete');
}

async function evaluate<T>(session: BidiSession, context: string, expression: string): Promise<T> {
  const { result } = (await session.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => (${expression}))()))()`,
    target: { context },
    awaitPromise: true,
  })) as { result: EvaluateResult };
  if (result.type === 'exception') {
    throw new Error(`Evaluation failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
  }
  const value = result.result?.value;
  return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
}
