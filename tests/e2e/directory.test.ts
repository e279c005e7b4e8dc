/**
 * People for every employee (issue 3), in real headless Chromium: a non-admin demo user, whose Okta
 * token cannot list the org's users, finds a colleague on the new tab through the directory service.
 * The service's address reaches the extension the real way, by managed policy (policy-browser.ts);
 * the org and the service listen on ports of their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevOrg } from '../../dev/org/index';
import type { Directory } from '../../server/index';
import { pickPerson } from './fixtures';
import { signInOnLoginPage, syncStatus } from './extension-state';
import { DEMO, newProfileDir, openNewTab, screenshot } from './harness';
import type { ExtensionBrowser } from './harness';
import { policyDeliveryUnavailable, policyFolder } from './policy-browser';
import type { PolicyFolder } from './policy-browser';

const UI_TIMEOUT = 15_000;
const SYNC_TIMEOUT = 30_000;
const unavailable = policyDeliveryUnavailable();

describe.skipIf(unavailable)(
  'people from the directory service, for an employee without an admin role',
  () => {
    let org: DevOrg;
    let directory: Directory;
    let dataDir: string;
    let folder: PolicyFolder | undefined;
    let browser: ExtensionBrowser | undefined;

    beforeAll(async () => {
      const { startDevOrg } = await import('../../dev/org/index');
      const { loadConfig, startDirectory } = await import('../../server/index');
      org = await startDevOrg({ port: 0, people: 300, apps: 20, seed: 61, quiet: true });
      dataDir = await mkdtemp(join(tmpdir(), 'workstation-e2e-directory-'));
      directory = await startDirectory(
        loadConfig({
          OKTA_DOMAIN: org.url,
          OKTA_CLIENT_ID: org.clientId,
          OKTA_API_TOKEN: org.service.apiToken,
          PORT: '0',
          DATABASE_PATH: join(dataDir, 'directory.sqlite'),
        }),
        { log: () => undefined, schedule: false },
      );
      await directory.sync('full');
    });

    afterAll(async () => {
      await browser?.close();
      await browser?.removeProfile();
      await folder?.remove();
      await directory?.close();
      await org?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('finds a colleague by name on the new tab, with people served by the directory service', async () => {
      const employee = org.org.users.find((user) => user.profile.login === DEMO.employee)!;
      expect(employee.id).toBe(org.org.demo.employee);
      const colleague = pickPerson(org, DEMO.employee);

      folder = await policyFolder({
        oktaDomain: org.url,
        clientId: org.clientId,
        directoryUrl: directory.url,
      });
      browser = await folder.launch(await newProfileDir());
      const newTab = await openNewTab(browser.context);
      await signInOnLoginPage(browser, newTab, org.url, DEMO.employee);
      await newTab
        .getByRole('status')
        .filter({ hasText: 'Synced' })
        .first()
        .waitFor({ timeout: SYNC_TIMEOUT });

      const status = await syncStatus(browser.worker);
      expect(status?.error).toBeUndefined();
      expect(status?.people).toBe(directory.store.count());
      // The service checked the employee's own Okta token before serving them.
      const metrics = await (await fetch(`${directory.url}/metrics`)).text();
      expect(metrics).toMatch(/^directory_introspections_total\{result="active"\} [1-9]/m);

      await newTab.getByRole('combobox', { name: /Search/ }).fill(colleague.query);
      const row = newTab
        .getByRole('grid')
        .getByRole('row', { name: new RegExp(colleague.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
        .first();
      await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await row
        .getByRole('button', { name: /Copy email/ })
        .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await screenshot(newTab, 'newtab-directory-colleague.png');
    });
  },
);
