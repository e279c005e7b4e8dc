import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { DirectoryConfig } from './config/load-config';
import { createApp } from './http/create-app';
import { createEmployeeAuth } from './http/employee-auth';
import { createMetrics } from './http/metrics';
import { createSnapshotCache } from './http/snapshot-cache';
import { createOktaClient } from './okta/okta-client';
import { createServiceCredential } from './okta/service-credential';
import { openPeopleStore, type PeopleStore } from './store/people-store';
import { createSyncScheduler } from './sync/sync-scheduler';
import type { SyncKind, SyncResult } from './sync/sync-people';

/** A running directory service. */
export interface Directory {
  /** Base URL, e.g. `http://127.0.0.1:8420`. */
  url: string;
  /** Runs an Okta sync now (after one in progress); rejects when it fails. */
  sync(kind: SyncKind): Promise<SyncResult>;
  /** Settles when the first sync after start has finished, well or not. */
  firstSync: Promise<void>;
  store: PeopleStore;
  close(): Promise<void>;
}

/** Seams for tests and the benchmark. */
export interface DirectoryOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Start-up and sync lines; the default writes to stdout. Nothing logged ever holds a secret. */
  log?: (line: string) => void;
  /** false: no timer and no first sync; call `sync()` yourself. */
  schedule?: boolean;
}

/**
 * Starts the directory service: opens the SQLite projection (served at once, even before Okta
 * answers), listens, and syncs with Okta on a timer — full at start when due, deltas in between.
 */
export async function startDirectory(
  config: DirectoryConfig,
  options: DirectoryOptions = {},
): Promise<Directory> {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const log =
    options.log ?? ((line: string) => console.log(`${new Date(now()).toISOString()} directory: ${line}`));
  const metrics = createMetrics();
  const store = openPeopleStore(config.databasePath, config.exposedFields);
  const credential = createServiceCredential(config.oktaOrgUrl, config.credential, fetchFn, metrics, now);
  const okta = createOktaClient({ credential, fetch: fetchFn, metrics, now });
  const snapshot = createSnapshotCache(store);
  // Built once per change, before anyone asks, so no employee waits for 50,000 people to be gzipped.
  const prebuild = () => void snapshot().catch(() => undefined);
  const scheduler = createSyncScheduler({
    okta,
    store,
    orgUrl: config.oktaOrgUrl,
    now,
    metrics,
    log,
    deltaIntervalMs: config.deltaIntervalSeconds * 1000,
    fullIntervalMs: config.fullSyncIntervalSeconds * 1000,
    changesRetentionMs: config.changesRetentionSeconds * 1000,
    onChanged: prebuild,
  });
  const app = createApp({
    store,
    snapshot,
    scheduler,
    auth: createEmployeeAuth({
      orgUrl: config.oktaOrgUrl,
      clientId: config.oktaClientId,
      allowedGroups: config.allowedGroups,
      okta,
      fetch: fetchFn,
      metrics,
      now,
    }),
    metrics,
    corsOrigins: config.corsOrigins,
    now,
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(listening),
      );
      listening.once('error', reject);
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  if (store.count() > 0) prebuild();
  const firstSync = options.schedule === false ? Promise.resolve() : scheduler.start();

  return {
    url,
    sync: (kind) => scheduler.run(kind),
    firstSync,
    store,
    async close() {
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      store.close();
    },
  };
}
