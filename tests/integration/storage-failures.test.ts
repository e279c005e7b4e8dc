import 'fake-indexeddb/auto';
import type { IDBPDatabase } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevOrg, type DevOrg } from '@/dev/org/index';
import { Workstation } from '@/lib/background/workstation';
import { openWorkstationDb, type WorkstationDb } from '@/lib/db/schema';
import { fakePlatform } from '../fakes/fake-platform';
import { httpLoginFlow } from '../fakes/http-login-flow';

const REDIRECT_URI = 'https://hoehbjejopceicelemflmpablooiofpi.chromiumapp.org/';
let devOrg: DevOrg;

beforeAll(async () => {
  devOrg = await startDevOrg({ port: 0, people: 200, apps: 30, seed: 9, quiet: true });
});
afterAll(async () => {
  await devOrg?.close();
});

function platform() {
  return fakePlatform(
    httpLoginFlow(REDIRECT_URI, () => ({ username: 'admin@example.com', password: devOrg.org.password })),
  );
}

/**
 * A real database whose write transactions fail with a QuotaExceededError once `full` is set, as
 * IndexedDB's writes do when the disk or the origin's quota is full. Reads keep working.
 */
function fillableDb(state: { full: boolean }) {
  return async (name?: string): Promise<IDBPDatabase<WorkstationDb>> => {
    const db = await openWorkstationDb(name);
    return new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
        return (...args: Parameters<typeof db.transaction>) => {
          if (state.full && args[1] === 'readwrite')
            throw new DOMException('Quota exceeded', 'QuotaExceededError');
          return target.transaction(...args);
        };
      },
    });
  };
}

describe('storage that fails', () => {
  it('says the disk is full when a sync cannot be saved, and keeps the last good data searchable', async () => {
    const state = { full: false };
    const workstation = new Workstation(
      platform(),
      { oktaDomain: devOrg.url, clientId: devOrg.clientId },
      'storage-full',
      fillableDb(state),
    );
    await workstation.handlers.signIn({}, {});
    await workstation.startSync();
    expect((await workstation.viewState()).sync.error).toBeUndefined();

    state.full = true;
    await workstation.startSync();
    const view = await workstation.viewState();
    expect(view.sync.error?.code).toBe('STORAGE');
    expect(view.error?.message).toMatch(/could not save/);
    expect(view.sync.nextAttemptAt).toBeGreaterThan(0);
    const [top] = await workstation.handlers.search({ query: 'salesforce' }, {});
    expect(top).toMatchObject({ kind: 'app', label: 'Salesforce' });
  });

  it('still starts and signs in when IndexedDB cannot be opened, and says what is wrong', async () => {
    const workstation = new Workstation(
      platform(),
      { oktaDomain: devOrg.url, clientId: devOrg.clientId },
      'storage-unavailable',
      async () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    );
    const signedIn = await workstation.handlers.signIn({}, {});
    expect(signedIn.session.signedIn).toBe(true);
    await workstation.startSync();
    const view = await workstation.viewState();
    expect(view.sync.error?.code).toBe('STORAGE');
    expect(view.error?.message).toMatch(/could not save/);
  });
});
