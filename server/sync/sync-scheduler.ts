import { toAppError } from '../../lib/errors';
import type { Metrics } from '../http/metrics';
import type { PeopleStore } from '../store/people-store';
import { syncPeople, type SyncDeps, type SyncKind, type SyncResult } from './sync-people';

/** The last pass that ran, for `/healthz`. */
export interface SyncStatus {
  kind: SyncKind;
  at: number;
  ok: boolean;
  /** Why it failed, in a sentence, with the error code. */
  error?: string;
}

/** Runs passes one at a time, on a timer and on demand. */
export interface SyncScheduler {
  /** Runs a pass now (after any pass in progress) and resolves with what it did; rejects if it failed. */
  run(kind: SyncKind): Promise<SyncResult>;
  /** The pass the timer would run next: full when none ran yet or one is due, else a delta. */
  dueKind(): SyncKind;
  last(): SyncStatus | undefined;
  /** Starts the timer; the first pass runs at once, and the promise settles when it has finished. */
  start(): Promise<void>;
  /** Stops the timer and aborts a pass in progress. */
  stop(): Promise<void>;
}

/** What the scheduler needs besides the pass itself. */
export interface SchedulerOptions extends Omit<SyncDeps, 'signal'> {
  store: PeopleStore;
  metrics: Metrics;
  deltaIntervalMs: number;
  fullIntervalMs: number;
  changesRetentionMs: number;
  log: (line: string) => void;
  /** Called after a pass that changed the store (the service prebuilds the snapshot then). */
  onChanged?: () => void;
}

/** Creates the scheduler (a Node service may use timers: it is not an MV3 worker). */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const abort = new AbortController();
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let status: SyncStatus | undefined;
  let stopped = false;

  const dueKind = (): SyncKind => {
    const lastFull = Number(options.store.getMeta('lastFullSyncAt') ?? 0);
    if (!options.store.getMeta('watermark') || options.now() - lastFull >= options.fullIntervalMs)
      return 'full';
    return 'delta';
  };

  const once = async (kind: SyncKind): Promise<SyncResult> => {
    const started = options.now();
    try {
      const result = await syncPeople({ ...options, signal: abort.signal }, kind);
      options.store.pruneRemovals(options.now() - options.changesRetentionMs);
      status = { kind: result.kind, at: started, ok: true };
      options.metrics.count('directory_syncs_total', { kind: result.kind, result: 'ok' });
      if (result.changed > 0) options.onChanged?.();
      if (result.changed > 0 || result.kind === 'full')
        options.log(
          `${result.kind} sync: ${result.changed} changed, ${result.pages} pages, ${options.store.count()} people`,
        );
      return result;
    } catch (error) {
      const appError = toAppError(error);
      status = { kind, at: started, ok: false, error: `${appError.message} [${appError.code}]` };
      options.metrics.count('directory_syncs_total', { kind, result: 'failed' });
      if (!stopped) options.log(`${kind} sync failed: ${status.error}`);
      throw appError;
    }
  };

  const run = (kind: SyncKind): Promise<SyncResult> => {
    const next = chain.then(() => once(kind));
    chain = next.catch(() => undefined);
    return next;
  };

  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    return run(dueKind())
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.deltaIntervalMs);
      });
  };

  return {
    run,
    dueKind,
    last: () => status,
    start: tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      await chain;
    },
  };
}
