import type { ErrorCode } from '../errors';

/** What the last and current sync did, for the status line and diagnostics. */
export interface SyncStatus {
  phase: 'idle' | 'syncing';
  /** While syncing: what is being read and how far it got (pages, records). */
  progress?: { phase: 'apps' | 'people'; pages: number; records: number };
  /** When the next attempt runs after a failure (epoch ms): a rate-limit reset or a backoff. */
  nextAttemptAt?: number;
  /** Epoch ms of the last sync that put data in service. */
  lastSuccessAt?: number;
  apps: number;
  people: number;
  /** Why people are missing even though apps synced (no admin role and no directory service, …). */
  peopleNote?: ErrorCode;
  /** The last sync's failure, if it failed; the previous data stays in service. */
  error?: { code: ErrorCode; message: string; at: number };
  /** Failed attempts in a row, for the retry backoff. */
  failures?: number;
}

/** The status before the first sync. */
export const EMPTY_SYNC_STATUS: SyncStatus = { phase: 'idle', apps: 0, people: 0 };
