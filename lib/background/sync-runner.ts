import type { IDBPDatabase } from 'idb';
import type { Catalog } from '../catalog/catalog';
import { deletePeople } from '../db/records-store';
import type { WorkstationDb } from '../db/schema';
import type { ErrorCode } from '../errors';
import { toAppError } from '../errors';
import type { KeyValueArea, Scheduler } from '../platform/ports';
import type { SyncContext } from '../sync/run-sync';
import { runSync } from '../sync/run-sync';
import type { SyncStatus } from '../sync/sync-status';
import { EMPTY_SYNC_STATUS } from '../sync/sync-status';

const STATUS_KEY = 'sync.status';
/** One-shot alarm that resumes an interrupted or failed sync. */
export const RESUME_ALARM = 'workstation-sync-resume';
/** If the worker is stopped mid-sync, this alarm wakes it to resume from the saved cursor. */
const SAFETY_NET_MS = 60_000;
/** Failures worth retrying on their own: the data is fine, the network or Okta was not. */
const RETRYABLE = new Set<ErrorCode>([
  'NETWORK',
  'OKTA_SERVER',
  'OKTA_RATE_LIMITED',
  'OKTA_BAD_RESPONSE',
  'DIRECTORY_UNAVAILABLE',
  'STORAGE',
]);

/** What the runner is built from. */
export interface SyncRunnerDeps {
  local: KeyValueArea;
  scheduler: Scheduler;
  catalog: Catalog;
  db: () => Promise<IDBPDatabase<WorkstationDb>>;
  onStatus: (status: SyncStatus) => void;
  now: () => number;
  /** The longest backoff: the sync interval. */
  maxBackoffMs: () => Promise<number>;
}

/** Runs one sync at a time and keeps its status where pages and a restarted worker can read it. */
export class SyncRunner {
  private running: Promise<SyncStatus> | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly deps: SyncRunnerDeps) {}

  /** The last known status. */
  async status(): Promise<SyncStatus> {
    const status = (await this.deps.local.get<SyncStatus>(STATUS_KEY)) ?? EMPTY_SYNC_STATUS;
    // A worker stopped mid-sync leaves "syncing" behind; nothing runs unless this worker started it.
    if (this.running) return status;
    const { progress: _progress, ...rest } = status;
    return { ...rest, phase: 'idle' };
  }

  /** Starts a sync, or joins the one running. */
  run(context: () => Promise<Omit<SyncContext, 'db' | 'onProgress' | 'signal'>>): Promise<SyncStatus> {
    if (this.running) return this.running;
    const controller = new AbortController();
    const running = this.runOnce(context, controller.signal).finally(() => {
      if (this.running === running) {
        this.running = undefined;
        this.controller = undefined;
      }
    });
    this.controller = controller;
    this.running = running;
    return running;
  }

  /**
   * Stops the running sync, if any: its requests are aborted and it writes nothing more — no records,
   * no status (sign-out, another person signing in). The next `run` starts afresh.
   */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.running = undefined;
  }

  /** Cancels any sync and forgets the status and any pending retry (sign-out). */
  async reset(): Promise<void> {
    this.cancel();
    await this.deps.local.remove(STATUS_KEY);
    await this.deps.scheduler.clear(RESUME_ALARM);
  }

  private async runOnce(
    context: () => Promise<Omit<SyncContext, 'db' | 'onProgress' | 'signal'>>,
    signal: AbortSignal,
  ): Promise<SyncStatus> {
    const { now, scheduler } = this.deps;
    const before = await this.status();
    let current: SyncStatus = { ...before, phase: 'syncing' };
    delete current.nextAttemptAt;
    await this.save(current);
    await scheduler.once(RESUME_ALARM, now() + SAFETY_NET_MS);
    let after: SyncStatus;
    try {
      const base = await context();
      const ctx: SyncContext = {
        ...base,
        // Cancelling aborts requests in flight; a request's own signal (a timeout) still applies.
        fetch: (input, init) =>
          base.fetch(input, {
            ...init,
            signal: init?.signal ? AbortSignal.any([signal, init.signal]) : signal,
          }),
        signal,
        db: await this.deps.db(),
        onProgress: (progress) => {
          if (signal.aborted) return;
          current = { ...current, progress };
          void this.save(current);
        },
      };
      const result = await runSync(ctx);
      signal.throwIfAborted();
      if (result.index) await this.deps.catalog.replace(result.apps, result.people, result.index);
      await scheduler.clear(RESUME_ALARM);
      after = {
        phase: 'idle',
        lastSuccessAt: now(),
        apps: result.apps.length,
        people: result.people.length,
        ...(result.peopleNote ? { peopleNote: result.peopleNote } : {}),
      };
    } catch (error) {
      if (signal.aborted) return before;
      after = await this.failed(before, toAppError(error));
    }
    if (signal.aborted) return before;
    await this.save(after);
    return after;
  }

  private async failed(before: SyncStatus, error: ReturnType<typeof toAppError>): Promise<SyncStatus> {
    const { now, scheduler } = this.deps;
    const failures = (before.failures ?? 0) + 1;
    const { progress: _progress, nextAttemptAt: _next, ...rest } = before;
    const status: SyncStatus = {
      ...rest,
      phase: 'idle',
      failures,
      error: { code: error.code, message: error.message, at: now() },
    };
    if (error.code === 'AUTH_EXPIRED') {
      // Expired, revoked or offboarded: the people directory goes at once (DESIGN.md, "Security rules").
      await deletePeople(await this.deps.db());
      this.deps.catalog.reset();
      await scheduler.clear(RESUME_ALARM);
      return { ...status, people: 0 };
    }
    if (!RETRYABLE.has(error.code)) {
      await scheduler.clear(RESUME_ALARM);
      return status;
    }
    // Okta says when its window resets; otherwise back off 1, 2, 4 … minutes up to the sync interval.
    // Jitter keeps an org's browsers from retrying in the same second.
    const retryAt = Number(error.detail.retryAt);
    const backoff = Math.min(2 ** (failures - 1) * 60_000, await this.deps.maxBackoffMs());
    const nextAttemptAt =
      (error.code === 'OKTA_RATE_LIMITED' && retryAt > now() ? retryAt : now() + backoff) +
      Math.random() * 5_000;
    await scheduler.once(RESUME_ALARM, nextAttemptAt);
    return { ...status, nextAttemptAt };
  }

  private async save(status: SyncStatus): Promise<void> {
    await this.deps.local.set({ [STATUS_KEY]: status });
    this.deps.onStatus(status);
  }
}
