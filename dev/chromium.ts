/**
 * Finding and launching Chromium with the unpacked extension, shared by `npm start` and the E2E suite.
 *
 * Branded Google Chrome ignores `--load-extension` since version 137, so only Chromium (or a binary
 * named by CHROME_PATH) is used; see ../shared/reference/e2e-recipe.md for the verified flags.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Raised when no usable Chromium is found; the message says what to install. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

const INSTALL_HINT =
  'Install Chromium (`sudo apt-get install chromium` on Debian/Ubuntu) or set CHROME_PATH to a Chromium binary.';

/** Absolute paths to try, best first: the real binary before distribution wrappers that add flags. */
const CHROMIUM_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/lib64/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Names looked up on PATH after the fixed paths. */
const CHROMIUM_NAMES: readonly string[] = ['chromium', 'chromium-browser'];

/** Branded Chrome, looked for only to explain why it is not used. */
const BRANDED_CHROME: readonly string[] = [
  '/opt/google/chrome/chrome',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const BRANDED_NAMES: readonly string[] = ['google-chrome', 'google-chrome-stable'];

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

function windowsPaths(env: NodeJS.ProcessEnv): string[] {
  if (process.platform !== 'win32') return [];
  return [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => join(dir, 'Chromium', 'Application', 'chrome.exe'));
}

/**
 * The Chromium binary to launch: CHROME_PATH if set, then the usual install locations and names.
 * Throws ChromiumNotFoundError with a sentence a person can act on.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROME_PATH?.trim();
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumNotFoundError(`CHROME_PATH is set to ${explicit}, which is not an executable file.`);
  }
  for (const path of [...CHROMIUM_PATHS, ...windowsPaths(env)]) {
    if (isExecutable(path)) return path;
  }
  for (const name of CHROMIUM_NAMES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  const branded =
    BRANDED_CHROME.find(isExecutable) ??
    BRANDED_NAMES.map((name) => onPath(name, env)).find((found) => found !== undefined);
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
