import type { IDBPDatabase } from 'idb';
import type { Catalog } from '../catalog/catalog';
import type { WorkstationDb } from '../db/schema';
import { deletePeople } from '../db/records-store';
import { toAppError } from '../errors';
import type { KeyValueArea } from '../platform/ports';
import type { SyncContext } from '../sync/run-sync';
import { runSync } from '../sync/run-sync';
import type { SyncStatus } from '../sync/sync-status';
import { EMPTY_SYNC_STATUS } from '../sync/sync-status';

const STATUS_KEY = 'sync.status';

/** Runs one sync at a time and keeps its status where pages and a restarted worker can read it. */
export class SyncRunner {
  private running: Promise<SyncStatus> | undefined;

  constructor(
    private readonly local: KeyValueArea,
    private readonly catalog: Catalog,
    private readonly db: () => Promise<IDBPDatabase<WorkstationDb>>,
    private readonly onStatus: (status: SyncStatus) => void,
    private readonly now: () => number,
  ) {}

  /** The last known status. */
  async status(): Promise<SyncStatus> {
    const status = (await this.local.get<SyncStatus>(STATUS_KEY)) ?? EMPTY_SYNC_STATUS;
    // A worker stopped mid-sync leaves "syncing" behind; nothing runs unless this worker started it.
    return this.running ? status : { ...status, phase: 'idle' };
  }

  /** Starts a sync, or joins the one running. */
  run(context: () => Promise<Omit<SyncContext, 'db'>>): Promise<SyncStatus> {
    this.running ??= this.runOnce(context).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Forgets the status (sign-out). */
  async reset(): Promise<void> {
    await this.local.remove(STATUS_KEY);
  }

  private async runOnce(context: () => Promise<Omit<SyncContext, 'db'>>): Promise<SyncStatus> {
    const before = await this.status();
    await this.save({ ...before, phase: 'syncing' });
    let after: SyncStatus;
    try {
      const ctx = { ...(await context()), db: await this.db() };
      const result = await runSync(ctx);
      await this.catalog.replace(result.apps, result.people, result.index);
      after = {
        phase: 'idle',
        lastSuccessAt: this.now(),
        apps: result.apps.length,
        people: result.people.length,
        ...(result.peopleNote ? { peopleNote: result.peopleNote } : {}),
      };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'AUTH_EXPIRED') {
        // Expired, revoked or offboarded: the people directory goes at once (DESIGN.md, "Security rules").
        await deletePeople(await this.db());
        this.catalog.reset();
      }
      after = {
        ...before,
        phase: 'idle',
        ...(appError.code === 'AUTH_EXPIRED' ? { people: 0 } : {}),
        error: { code: appError.code, message: appError.message, at: this.now() },
      };
    }
    await this.save(after);
    return after;
  }

  private async save(status: SyncStatus): Promise<void> {
    await this.local.set({ [STATUS_KEY]: status });
    this.onStatus(status);
  }
}
