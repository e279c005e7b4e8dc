// New tab benchmark: `npm run bench:newtab [-- runs]` (default 15 runs of each measurement).
// In real headless Chromium with the built extension (mode "bench", pointed at a dev org on its own
// port): navigation start → quick actions painted, with the worker running and with it stopped (the
// tiles come from IndexedDB either way), next to a blank page of the same extension in the same run
// (and the difference, run by run); where the time goes (the page's performance marks); a keystroke →
// the first result row painted; and the new tab's JavaScript, gzipped. Figures only.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionArgs, findChromium } from '../dev/chromium';
import { startDevOrg } from '../dev/org/index';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUILD = join(ROOT, '.output', 'chrome-mv3-bench');
/** package.json's `bench:newtab` builds for this port. */
const PORT = 8421;
const RUNS = Number(process.argv[2] ?? 15);
const LOGIN = { user: 'admin@example.com', password: 'workstation' };

const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head>' +
  '<body><p elementtiming="blank">blank</p></body></html>';

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  return `median ${at(50).toFixed(1)} ms · p90 ${at(90).toFixed(1)} ms · min ${sorted[0]!.toFixed(1)} ms`;
}

/** The page's performance marks and paint entries (first-paint, first-contentful-paint), in ms. */
async function pageMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')].map((entry) => [
        entry.name,
        entry.startTime,
      ]),
    ),
  );
}

/**
 * Milliseconds from navigation start until the element marked `elementtiming=<id>` was painted
 * (Element Timing), or, failing that, first contentful paint.
 */
async function paintedAt(page: Page, id: string, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(
    ({ id, timeoutMs }) =>
      new Promise<number>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no paint of ${id}`)), timeoutMs);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const element = entry as unknown as { identifier: string; renderTime: number; loadTime: number };
            if (element.identifier !== id) continue;
            clearTimeout(timer);
            done(element.renderTime || element.loadTime);
          }
        }).observe({ type: 'element', buffered: true });
      }),
    { id, timeoutMs },
  );
}

/** Stops the extension's worker, as the browser does after ~30 s idle, and lets it finish stopping. */
async function stopWorkers(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await new Promise((done) => setTimeout(done, 300));
}

async function signIn(context: BrowserContext, orgUrl: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://newtab/');
  const button = page.getByRole('button', { name: /Sign in/ }).first();
  await button.waitFor({ state: 'visible', timeout: 20_000 });
  const loginOpened = context.waitForEvent('page', {
    predicate: (candidate) => candidate.url().startsWith(orgUrl) || candidate.url() === 'about:blank',
  });
  await button.click();
  const login = await loginOpened;
  await login.waitForURL((url) => url.href.startsWith(orgUrl));
  await login.getByLabel('Username').fill(LOGIN.user);
  await login.getByLabel('Password').fill(LOGIN.password);
  const closed = login.waitForEvent('close');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  await page.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: 120_000 });
  await page.close();
}

/** Keystroke → first result row painted (the next frame after it is in the DOM), in ms. */
async function keystrokeToResult(page: Page, key: string): Promise<number> {
  const input = page.getByRole('combobox', { name: /Search/ });
  await input.fill('');
  await input.focus();
  // The watcher is in place before the key is pressed: input events and evaluations travel apart.
  await page.evaluate(() => {
    const holder = globalThis as unknown as { firstResult?: Promise<number> };
    holder.firstResult = new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('no result row')), 10_000);
      let start = 0;
      document.addEventListener('keydown', (event) => (start = event.timeStamp), {
        capture: true,
        once: true,
      });
      const grid = document.querySelector('[role="grid"]')!;
      const observer = new MutationObserver(() => {
        if (!start || !grid.querySelector('[role="row"]')) return;
        observer.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => {
            clearTimeout(timer);
            done(performance.now() - start);
          }, 0),
        );
      });
      observer.observe(grid, { childList: true, subtree: true });
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (globalThis as unknown as { firstResult: Promise<number> }).firstResult);
}

/** The new tab's scripts and styles as the browser loads them: raw and gzipped bytes. */
async function newTabSize(
  dir: string,
): Promise<{ js: number; jsGzip: number; css: number; cssGzip: number }> {
  const html = await readFile(join(dir, 'newtab.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const size = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
  for (const ref of new Set(refs)) {
    const bytes = await readFile(join(dir, ref.replace(/^\//, '')));
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (ref.endsWith('.js')) {
      size.js += bytes.length;
      size.jsGzip += gz;
    } else {
      size.css += bytes.length;
      size.cssGzip += gz;
    }
  }
  return size;
}

async function main(): Promise<void> {
  const org = await startDevOrg({ port: PORT, quiet: true });
  const extensionDir = await mkdtemp(join(tmpdir(), 'workstation-bench-ext-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'workstation-bench-profile-'));
  // The blank page lives only in this copy of the build, never in a shipped one.
  await cp(BUILD, extensionDir, { recursive: true });
  await writeFile(join(extensionDir, 'blank.html'), BLANK_HTML);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...extensionArgs(extensionDir), '--disable-gpu'],
  });
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', {
        predicate: (candidate) => candidate.url().startsWith('chrome-extension://'),
      }));
    const extensionId = new URL(worker.url()).host;
    await signIn(context, org.url);

    const blank: number[] = [];
    const blankAfterStop: number[] = [];
    const warm: number[] = [];
    const cold: number[] = [];
    const firstKeyWarm: number[] = [];
    const firstKeyCold: number[] = [];
    const marks: Array<Record<string, number>> = [];
    const coldMarks: Array<Record<string, number>> = [];
    for (let run = 0; run < RUNS; run++) {
      const blankPage = await context.newPage();
      await blankPage.goto(`chrome-extension://${extensionId}/blank.html`);
      blank.push(await paintedAt(blankPage, 'blank'));
      await blankPage.close();

      const warmPage = await context.newPage();
      await warmPage.goto('chrome://newtab/');
      warm.push(await paintedAt(warmPage, 'quick-actions'));
      marks.push(await pageMarks(warmPage));
      await warmPage.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor();
      firstKeyWarm.push(await keystrokeToResult(warmPage, 's'));
      await warmPage.close();

      await stopWorkers(context);
      const blankCold = await context.newPage();
      await blankCold.goto(`chrome-extension://${extensionId}/blank.html`);
      blankAfterStop.push(await paintedAt(blankCold, 'blank'));
      await blankCold.close();

      await stopWorkers(context);
      const coldPage = await context.newPage();
      await coldPage.goto('chrome://newtab/');
      cold.push(await paintedAt(coldPage, 'quick-actions'));
      coldMarks.push(await pageMarks(coldPage));
      await coldPage.close();

      // A keystroke that wakes a stopped worker pays for restoring the saved index.
      const keyPage = await context.newPage();
      await keyPage.goto('chrome://newtab/');
      await keyPage.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor();
      await stopWorkers(context);
      firstKeyCold.push(await keystrokeToResult(keyPage, 's'));
      await keyPage.close();
    }
    const size = await newTabSize(extensionDir);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `New tab benchmark: ${RUNS} runs, ${org.org.users.length} people in the dev org, Chromium headless`,
    );
    // Run by run: each new tab against the blank page loaded just before it.
    const minus = (values: number[], baseline: number[]) =>
      values.map((value, run) => value - baseline[run]!);
    console.log(`  blank extension page, navigation start → painted:                   ${stats(blank)}`);
    console.log(`  new tab, navigation start → quick actions painted (worker up):      ${stats(warm)}`);
    console.log(
      `    minus the blank page of the same run:                             ${stats(minus(warm, blank))}`,
    );
    console.log(
      `  blank extension page, worker stopped, → painted:                    ${stats(blankAfterStop)}`,
    );
    console.log(`  new tab, navigation start → quick actions painted (worker stopped): ${stats(cold)}`);
    console.log(
      `    minus the blank page of the same run:                             ${stats(minus(cold, blankAfterStop))}`,
    );
    for (const [label, entries] of [
      ['worker up', marks],
      ['worker stopped', coldMarks],
    ] as const) {
      const phase = (name: string) => stats(entries.map((entry) => entry[name] ?? Number.NaN));
      console.log(`  where the time goes (${label}):`);
      console.log(`    first script running, IndexedDB read started at ${phase('workstation:read-started')}`);
      console.log(`    empty page painted (first paint) at             ${phase('first-paint')}`);
      console.log(`    new tab module running at                       ${phase('workstation:script')}`);
      console.log(`    quick actions read from IndexedDB at            ${phase('workstation:stored-read')}`);
      console.log(`    first render done at                            ${phase('workstation:rendered')}`);
      console.log(`    first contentful paint at                       ${phase('first-contentful-paint')}`);
    }
    console.log(`  keystroke → first result painted (worker up):      ${stats(firstKeyWarm)}`);
    console.log(`  keystroke → first result painted (worker stopped): ${stats(firstKeyCold)}`);
    console.log(
      `  new tab JavaScript: ${kb(size.js)} (${kb(size.jsGzip)} gzip) · CSS: ${kb(size.css)} (${kb(size.cssGzip)} gzip)`,
    );
  } finally {
    await context.close();
    await org.close();
    await rm(profileDir, { recursive: true, force: true });
    await rm(extensionDir, { recursive: true, force: true });
  }
}

await main();
