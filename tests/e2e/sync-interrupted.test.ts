/**
 * A sync that loses nothing (issue 5), in real headless Chromium: the service worker is stopped (CDP
 * `ServiceWorker.stopAllWorkers`, as the browser stops an idle MV3 worker) while the people of a
 * 20,000-person dev org are being staged page by page; the sync then finishes from the saved cursor,
 * with every active person in service exactly once and nothing of the unfinished run in service before.
 *
 * The worker's safety-net alarm (`workstation-sync-resume`, about a minute after the sync started)
 * is what resumes it in the field. Rather than wait that minute, the test checks the alarm is pending
 * and fires the same listener the browser would, with `chrome.alarms.onAlarm.dispatch` in the worker.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { pickPerson } from './fixtures';
import {
  alarm,
  fireAlarm,
  metaValue,
  signInOnLoginPage,
  stopWorker,
  storeCounts,
  storeKeys,
  syncStatus,
  wakeWorker,
} from './extension-state';
import { DEMO, launchExtension, openNewTab, screenshot, startE2eOrg } from './harness';
import type { DevOrg, ExtensionBrowser } from './harness';
import { scenarioSteps } from './scenario-steps';

const PEOPLE = 20_000;
/** Stop once this many people pages (200 each) are staged: well inside a run of about 100. */
const STOP_AFTER_PAGES = 5;
/** A little latency per Okta call keeps the run long enough to stop it in the middle on a fast machine. */
const SLOW_MS = 40;
const RESUME_ALARM = 'workstation-sync-resume';
const UI_TIMEOUT = 15_000;
const SYNC_TIMEOUT = 60_000;

interface Checkpoint {
  cursor: string;
  pages: number;
  records: number;
}

const step = scenarioSteps();

describe('a people sync of a large org, interrupted by the browser stopping the worker', () => {
  let org: DevOrg;
  let browser: ExtensionBrowser | undefined;
  let newTab: Page;
  let stoppedAt: Checkpoint;

  beforeAll(async () => {
    org = await startE2eOrg({ people: PEOPLE, apps: 20, seed: 53 });
  });

  afterAll(async () => {
    await browser?.close();
    await browser?.removeProfile();
    await org?.close();
  });

  step(`the worker is stopped after ${STOP_AFTER_PAGES} pages of people are staged`, async () => {
    org.faults.slowMs = SLOW_MS;
    browser = await launchExtension();
    newTab = await openNewTab(browser.context);
    await signInOnLoginPage(browser, newTab, org.url, DEMO.admin);
    const worker = browser.worker;
    await expect
      .poll(
        async () => {
          const status = await syncStatus(worker);
          if (status?.lastSuccessAt) throw new Error('The sync finished before it could be interrupted.');
          return status?.progress?.phase === 'people' ? status.progress.pages : 0;
        },
        { timeout: SYNC_TIMEOUT, interval: 25 },
      )
      .toBeGreaterThanOrEqual(STOP_AFTER_PAGES);
    await stopWorker(browser);
  });

  step(
    'meanwhile nothing of the unfinished run is in service, and the safety-net alarm is pending',
    async () => {
      const worker = await wakeWorker(browser!);
      const checkpoint = await metaValue<Checkpoint>(worker, 'sync.people.checkpoint');
      expect(checkpoint?.pages).toBeGreaterThanOrEqual(STOP_AFTER_PAGES);
      expect(checkpoint!.cursor).toMatch(/\/api\/v1\/users\?/);
      stoppedAt = checkpoint!;
      const counts = await storeCounts(worker);
      expect(counts.people).toBe(0);
      // Staged: every person of the pages read, the removed ones (deactivated, suspended) as ids only.
      expect(counts.staging).toBeGreaterThanOrEqual(stoppedAt.records);
      expect(counts.staging).toBeLessThanOrEqual(stoppedAt.pages * 200);
      expect((await syncStatus(worker))?.lastSuccessAt).toBeUndefined();
      const pending = await alarm(worker, RESUME_ALARM);
      expect(pending?.scheduledTime).toBeGreaterThan(Date.now());
      expect(pending!.scheduledTime).toBeLessThan(Date.now() + 2 * 60_000);
    },
  );

  step(
    'the resume alarm finishes the sync from the saved cursor, every active person present once',
    async () => {
      org.faults.slowMs = 0;
      const worker = browser!.worker;
      // The stopped run's last progress stays in storage until the resumed run writes its own.
      const stale = JSON.stringify(await syncStatus(worker));
      await fireAlarm(worker, RESUME_ALARM);
      // Pages counted by the resumed run continue after the checkpoint: it did not start over.
      const pagesSeen: number[] = [];
      await expect
        .poll(
          async () => {
            const status = await syncStatus(worker);
            if (status?.progress?.phase === 'people' && JSON.stringify(status) !== stale)
              pagesSeen.push(status.progress.pages);
            return status?.lastSuccessAt ?? 0;
          },
          { timeout: SYNC_TIMEOUT, interval: 50 },
        )
        .toBeGreaterThan(0);
      expect(pagesSeen.filter((pages) => pages <= stoppedAt.pages)).toEqual([]);

      const status = await syncStatus(worker);
      expect(status?.error).toBeUndefined();
      const active = org.org.users.filter((user) => user.status === 'ACTIVE').map((user) => user.id);
      expect(status?.people).toBe(active.length);
      const ids = await storeKeys(worker, 'people');
      expect(ids.length).toBe(active.length);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...active].sort());
      const counts = await storeCounts(worker);
      expect(counts.staging).toBe(0);
      expect(await metaValue(worker, 'sync.people.checkpoint')).toBeUndefined();
      expect(await alarm(worker, RESUME_ALARM)).toBeUndefined();
    },
  );

  step('the new tab finds a person from the completed sync', async () => {
    const person = pickPerson(org, DEMO.admin);
    await newTab.getByRole('status').filter({ hasText: 'Synced' }).first().waitFor({ timeout: UI_TIMEOUT });
    await newTab.getByRole('combobox', { name: /Search/ }).fill(person.query);
    await newTab
      .getByRole('grid')
      .getByRole('row', { name: new RegExp(person.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(newTab, 'sync-resumed-results.png');
  });
});
