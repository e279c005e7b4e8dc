/**
 * `npm start`: the dev org on 127.0.0.1:8417, a development build of the extension pointed at it, and
 * Chromium with that build in a fresh temporary profile. Ctrl+C stops everything.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChromiumNotFoundError, findChromium, launchChromiumWithExtension } from './chromium';
import { loadConfig, startDirectory } from '../server/index';
import { startDevOrg } from './org/index';

const HOST = '127.0.0.1';
const PORT = 8417;
const DIRECTORY_PORT = 8420;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-dev');
const WXT = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, HOST, () => probe.close(() => done(true)));
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? done() : reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? code}.`)),
    );
  });
}

async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail(
      'There is no display to open Chromium on: run `xvfb-run -a npm start` (install it with `sudo apt-get install xvfb`), or run it from a desktop session.',
    );
  }

  let chromium: string;
  try {
    chromium = findChromium();
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) fail(error.message);
    throw error;
  }

  if (!(await portIsFree(PORT))) {
    fail(
      `Port ${PORT} on ${HOST} is already in use (another \`npm start\` or dev org?); stop that process and try again.`,
    );
  }

  if (!(await portIsFree(DIRECTORY_PORT))) {
    fail(
      `Port ${DIRECTORY_PORT} on ${HOST} is already in use (another \`npm start\` or directory service?); stop that process and try again.`,
    );
  }

  const org = await startDevOrg({ port: PORT, quiet: true });
  // The directory service, so that employees without an admin role find colleagues too.
  const directoryData = await mkdtemp(join(tmpdir(), 'workstation-directory-'));
  const directory = await startDirectory(
    loadConfig({
      OKTA_DOMAIN: org.url,
      OKTA_CLIENT_ID: org.clientId,
      OKTA_API_TOKEN: org.service.apiToken,
      HOST,
      PORT: String(DIRECTORY_PORT),
      DATABASE_PATH: join(directoryData, 'directory.sqlite'),
    }),
    { log: () => undefined },
  );
  let browser: ChildProcess | undefined;
  let profileDir: string | undefined;
  let stopping: Promise<void> | undefined;

  const stop = (exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      if (browser && browser.exitCode === null && browser.signalCode === null) {
        const exited = new Promise((done) => browser?.once('exit', done));
        browser.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGKILL');
      }
      await directory.close();
      await org.close();
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      await rm(directoryData, { recursive: true, force: true });
      console.log(
        '\nStopped the browser, the directory service and the dev org, and removed the temporary profile.',
      );
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    console.log(
      `Dev org on ${org.url} (${org.org.users.length} people, ${org.org.apps.length} apps). Building the extension…`,
    );
    await run(WXT, ['build', '--mode', 'development'], {
      ...process.env,
      DEV_ORG_URL: org.url,
      DEV_CLIENT_ID: org.clientId,
      DEV_DIRECTORY_URL: directory.url,
    });
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`The build did not produce ${EXTENSION_DIR}.`);
    }

    profileDir = await mkdtemp(join(tmpdir(), 'workstation-profile-'));
    const launched = launchChromiumWithExtension({
      executablePath: chromium,
      extensionDir: EXTENSION_DIR,
      profileDir,
      url: 'chrome://newtab/',
    });
    browser = launched.process;
    browser.once('exit', (code, signal) => {
      if (stopping) return;
      if (code !== 0 && signal === null) {
        console.error(`Chromium exited with code ${code}. Its last output:\n${launched.stderrTail()}`);
        void stop(1);
      } else {
        console.log('\nChromium was closed.');
        void stop(0);
      }
    });
    const { extensionReady } = await launched.opened;
    if (!extensionReady) {
      console.warn('The extension did not start within 20 s; see chrome://extensions in that browser.');
    }

    console.log(
      [
        '',
        `Workstation is running in Chromium (${chromium}) with a fresh profile.`,
        `  Dev org:  ${org.url}`,
        `  People:   the directory service on ${directory.url}`,
        '  Sign in:  admin@example.com (admin) or employee@example.com, password: workstation',
        '  Try:      the search on the new tab, or type "ok" and a space in the address bar.',
        'Press Ctrl+C to stop the browser, the directory service and the dev org.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

await main();
