/**
 * End-to-end harness: the built extension (`.output/chrome-mv3-e2e`, made by `npm run test:e2e`) in real
 * headless Chromium through playwright-core, and the dev org on a port of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionArgs, findChromium } from '../../dev/chromium';
import type { startDevOrg } from '../../dev/org/index';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The E2E build points at this port (package.json `test:e2e`), apart from `npm start`'s 8417. */
export const E2E_ORG_PORT = 8419;

/** The unpacked extension under test. */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-e2e');

/** Where screenshots go; git-ignored with the rest of test-results/. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** The id pinned by the manifest key of development and test builds. */
export const PINNED_EXTENSION_ID = (
  JSON.parse(readFileSync(join(ROOT, 'dev', 'extension-identity.json'), 'utf8')) as { extensionId: string }
).extensionId;

export type DevOrg = Awaited<ReturnType<typeof startDevOrg>>;

/** The demo accounts every dev org seeds (README). */
export const DEMO = {
  admin: 'admin@example.com',
  employee: 'employee@example.com',
  password: 'workstation',
} as const;

/** Starts the dev org the E2E build points at. */
export async function startE2eOrg(
  options: Omit<NonNullable<Parameters<typeof startDevOrg>[0]>, 'port'> = {},
): Promise<DevOrg> {
  // Imported on demand so that the harness smoke test does not need the dev org.
  const { startDevOrg } = await import('../../dev/org/index');
  try {
    return await startDevOrg({ quiet: true, ...options, port: E2E_ORG_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${E2E_ORG_PORT} is in use (another E2E run?); the E2E build points its dev org there.`,
        { cause: error },
      );
    }
    throw error;
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Closes the browser; the profile stays for a relaunch until `removeProfile`. */
  close(): Promise<void>;
  removeProfile(): Promise<void>;
}

/** A fresh, empty profile folder. */
export function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'workstation-e2e-'));
}

/**
 * Launches headless Chromium with the built extension, on `profileDir` (a new temporary one if absent),
 * and waits for the extension's service worker.
 */
export async function launchExtension(
  profileDir?: string,
  options: { executablePath?: string; env?: Record<string, string> } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No E2E build in ${EXTENSION_DIR}: run \`npm run test:e2e\`, which builds it before the tests.`,
    );
  }
  const dir = profileDir ?? (await newProfileDir());
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: options.executablePath ?? findChromium(),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...extensionArgs(EXTENSION_DIR), '--disable-gpu'],
  });
  try {
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 20_000 }));
    return {
      context,
      worker,
      extensionId: new URL(worker.url()).host,
      profileDir: dir,
      close: () => context.close(),
      removeProfile: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

/** Opens the browser's new tab page, which the extension overrides. */
export async function openNewTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('chrome://newtab/');
  return page;
}

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A suggestion as `chrome.omnibox` passes it to `suggest`. */
export interface OmniboxSuggestion {
  content: string;
  description: string;
  deletable?: boolean;
}

/**
 * Fires the real `omnibox.onInputChanged` listeners in the worker with `text` and returns the first
 * suggestions they hand to `suggest` (empty if none within `timeoutMs`).
 */
export function omniboxSuggestions(
  worker: Worker,
  text: string,
  timeoutMs = 10_000,
): Promise<OmniboxSuggestion[]> {
  return worker.evaluate(
    ({ text, timeoutMs }) =>
      new Promise<OmniboxSuggestion[]>((done) => {
        // The raw `chrome` global: only Playwright's evaluate reaches it (e2e-recipe.md).
        const { chrome } = globalThis as unknown as {
          chrome: {
            omnibox: {
              onInputChanged: {
                dispatch(text: string, suggest: (suggestions: OmniboxSuggestion[]) => void): void;
              };
            };
          };
        };
        const timer = setTimeout(() => done([]), timeoutMs);
        chrome.omnibox.onInputChanged.dispatch(text, (suggestions) => {
          clearTimeout(timer);
          done(suggestions);
        });
      }),
    { text, timeoutMs },
  );
}

const OMNIBOX_MARKUP = /<\/?(?:match|dim|url)>/g;
const XML_ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;

/**
 * Whether an omnibox description is text Chrome can parse: only its own markup tags, and every `&`, `<`
 * and `>` of the data escaped (DESIGN.md, "Security rules"; pitfalls.md, "XML in descriptions").
 */
export function isWellFormedOmniboxXml(description: string): boolean {
  const text = description.replace(OMNIBOX_MARKUP, '').replace(XML_ENTITY, '');
  return !/[<>&]/.test(text);
}

/** The plain text an omnibox description shows: markup removed, entities decoded. */
export function omniboxText(description: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return description.replace(OMNIBOX_MARKUP, '').replace(XML_ENTITY, (entity) => {
    const body = entity.slice(1, -1).toLowerCase();
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body] ?? entity;
  });
}
