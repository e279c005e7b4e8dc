/**
 * Finding and launching Chromium with the unpacked extension, shared by `npm start` and the E2E suite.
 *
 * Branded Google Chrome ignores `--load-extension` since version 137, so only Chromium (or a binary
 * named by CHROME_PATH) is used; see ../shared/reference/e2e-recipe.md for the verified flags.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Raised when no usable Chromium is found; the message says what to install. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const INSTALL_HINT =
  'Install Chromium (`sudo apt-get install chromium` on Debian/Ubuntu) or set CHROME_PATH to a Chromium binary.';

/** Where to look for a browser, best first. */
export interface ChromiumLocations {
  /** Absolute paths of Chromium: the real binary before distribution wrappers that add flags. */
  chromiumPaths: readonly string[];
  /** Names of Chromium looked up on PATH after the fixed paths. */
  chromiumNames: readonly string[];
  /** Branded Chrome, looked for only to explain why it is not used. */
  brandedPaths: readonly string[];
  brandedNames: readonly string[];
}

/** The usual install locations on Linux, macOS and Windows. */
export function defaultLocations(env: NodeJS.ProcessEnv = process.env): ChromiumLocations {
  const windowsDirs =
    process.platform === 'win32'
      ? [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((dir): dir is string => !!dir)
      : [];
  return {
    chromiumPaths: [
      '/usr/lib/chromium/chromium',
      '/usr/lib/chromium-browser/chromium-browser',
      '/usr/lib64/chromium-browser/chromium-browser',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      ...windowsDirs.map((dir) => join(dir, 'Chromium', 'Application', 'chrome.exe')),
    ],
    chromiumNames: ['chromium', 'chromium-browser'],
    brandedPaths: [
      '/opt/google/chrome/chrome',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ...windowsDirs.map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')),
    ],
    brandedNames: ['google-chrome', 'google-chrome-stable'],
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = join(dir, name + suffix);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The Chromium binary to launch: CHROME_PATH if set, then the usual install locations and names.
 * Throws ChromiumNotFoundError with a sentence a person can act on.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  locations: ChromiumLocations = defaultLocations(env),
): string {
  const explicit = env.CHROME_PATH?.trim();
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumNotFoundError(`CHROME_PATH is set to ${explicit}, which is not an executable file.`);
  }
  const found =
    locations.chromiumPaths.find(isExecutable) ??
    locations.chromiumNames.map((name) => onPath(name, env)).find((path) => path !== undefined);
  if (found) return found;
  const branded =
    locations.brandedPaths.find(isExecutable) ??
    locations.brandedNames.map((name) => onPath(name, env)).find((path) => path !== undefined);
  if (branded) {
    throw new ChromiumNotFoundError(
      `Only Google Chrome was found (${branded}), and branded Chrome ignores --load-extension since version 137. ${INSTALL_HINT}`,
    );
  }
  throw new ChromiumNotFoundError(`Chromium was not found. ${INSTALL_HINT}`);
}

/** Whether Chromium must run without its sandbox (it refuses to start as root with one). */
export function needsNoSandbox(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The command-line switches that load the unpacked extension in a clean, quiet browser. */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(needsNoSandbox() ? ['--no-sandbox'] : []),
  ];
}

/** Options of {@link launchChromiumWithExtension}. */
export interface LaunchOptions {
  executablePath: string;
  extensionDir: string;
  profileDir: string;
  /** Opened once the extension's service worker runs, so that its pages (the new tab) are in place. */
  url: string;
  /** How long to wait for the service worker before opening `url` anyway. */
  readyTimeoutMs?: number;
}

/** A headful Chromium started by {@link launchChromiumWithExtension}. */
export interface LaunchedChromium {
  process: ChildProcess;
  /** Resolves once `url` is open; `extensionReady` says whether the extension's worker was seen first. */
  opened: Promise<{ extensionReady: boolean }>;
  /** The tail of Chromium's stderr, for a message when it dies at start. */
  stderrTail(): string;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Starts headful Chromium with the unpacked extension in `profileDir` and opens `url` once the extension
 * is running. A URL given on the command line is opened before Chromium has loaded an unpacked extension
 * (an overridden new tab comes up blank, an extension page as ERR_BLOCKED_BY_CLIENT), so the browser
 * starts on about:blank and a DevTools pipe (no port) opens `url` when the service worker appears.
 */
export function launchChromiumWithExtension(options: LaunchOptions): LaunchedChromium {
  const child = spawn(
    options.executablePath,
    [
      ...extensionArgs(options.extensionDir),
      `--user-data-dir=${options.profileDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    // fd 3: commands to Chromium, fd 4: its answers and events (null-terminated JSON).
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  toBrowser.on('error', () => {});
  fromBrowser.on('error', () => {});

  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  const pages = new Map<string, TargetInfo>();
  let onWorker: (() => void) | undefined;
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        method?: string;
        params?: { targetInfo?: TargetInfo };
        result?: Record<string, unknown>;
      };
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        pending.get(message.id)?.(message.result ?? {});
        pending.delete(message.id);
      }
      const info = message.params?.targetInfo;
      if (!info) continue;
      if (message.method === 'Target.targetDestroyed') pages.delete(info.targetId);
      else if (info.type === 'page') pages.set(info.targetId, info);
      else if (info.type === 'service_worker' && info.url.startsWith('chrome-extension://')) onWorker?.();
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((done) => {
      const id = nextId++;
      pending.set(id, done);
      toBrowser.write(`${JSON.stringify({ id, method, params })}\0`);
    });

  const opened = (async () => {
    const workerSeen = new Promise<boolean>((done) => {
      onWorker = () => done(true);
      setTimeout(() => done(false), options.readyTimeoutMs ?? 20_000).unref();
    });
    await send('Target.setDiscoverTargets', { discover: true });
    const extensionReady = await workerSeen;
    const startPages = [...pages.values()].filter((page) => page.url === 'about:blank');
    await send('Target.createTarget', { url: options.url });
    for (const page of startPages) await send('Target.closeTarget', { targetId: page.targetId });
    return { extensionReady };
  })();

  return { process: child, opened, stderrTail: () => tail };
}
