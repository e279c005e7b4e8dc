import type { ErrorCode } from '../errors';

/** What the last and current sync did, for the status line and diagnostics. */
export interface SyncStatus {
  phase: 'idle' | 'syncing';
  /** Epoch ms of the last sync that put data in service. */
  lastSuccessAt?: number;
  apps: number;
  people: number;
  /** Why people are missing even though apps synced (no admin role and no directory service, …). */
  peopleNote?: ErrorCode;
  /** The last sync's failure, if it failed; the previous data stays in service. */
  error?: { code: ErrorCode; message: string; at: number };
}

/** The status before the first sync. */
export const EMPTY_SYNC_STATUS: SyncStatus = { phase: 'idle', apps: 0, people: 0 };
