import type { Person } from '../../lib/records';
import type { OktaClient } from '../okta/okta-client';
import { parseUserChanges } from '../../lib/okta/user-changes';
import { deltaUrl, fullPassUrl } from '../okta/users-pages';
import type { PeopleStore } from '../store/people-store';

/** Which pass ran: every user, or those updated since the watermark. */
export type SyncKind = 'full' | 'delta';

/** What one pass did. */
export interface SyncResult {
  kind: SyncKind;
  /** People added, changed or removed in the store. */
  changed: number;
  /** Pages read from Okta (one call each, not counting 429 retries). */
  pages: number;
}

/** What a pass needs. */
export interface SyncDeps {
  okta: OktaClient;
  store: PeopleStore;
  orgUrl: string;
  now: () => number;
  signal?: AbortSignal;
}

// Okta's search index lags writes by "typically less than one second" (okta-api.md §6.1); a minute of
// overlap re-reads a few users each time and never misses one.
const WATERMARK_OVERLAP_MS = 60_000;

/**
 * Runs one pass. A full pass reads the plain users list, then replaces the projection in one
 * transaction (so users deleted for good disappear); a delta reads users updated since the watermark
 * less an overlap. Pages are staged in memory: a failed pass changes nothing.
 */
export async function syncPeople(deps: SyncDeps, kind: SyncKind): Promise<SyncResult> {
  const watermark = deps.store.getMeta('watermark');
  const effective: SyncKind = kind === 'delta' && watermark ? 'delta' : 'full';
  let url: string | undefined =
    effective === 'delta' && watermark
      ? deltaUrl(deps.orgUrl, watermark, WATERMARK_OVERLAP_MS)
      : fullPassUrl(deps.orgUrl);
  const upserts: Person[] = [];
  const removed: string[] = [];
  let newest = watermark;
  let pages = 0;
  while (url) {
    const answer = await deps.okta.get(url, 'users', deps.signal);
    const page = parseUserChanges(answer.json, answer.headers);
    pages++;
    upserts.push(...page.upserts);
    removed.push(...page.removed);
    if (page.latestUpdate && (!newest || Date.parse(page.latestUpdate) > Date.parse(newest)))
      newest = page.latestUpdate;
    url = page.next && sameOrigin(page.next, deps.orgUrl) ? page.next : undefined;
  }
  const nowMs = deps.now();
  const result =
    effective === 'full'
      ? deps.store.replaceAll(upserts, removed, nowMs)
      : deps.store.apply(upserts, removed, nowMs);
  if (newest) deps.store.setMeta('watermark', newest);
  if (effective === 'full') deps.store.setMeta('lastFullSyncAt', String(nowMs));
  deps.store.setMeta('lastSuccessAt', String(nowMs));
  return { kind: effective, changed: result.changed, pages };
}

// The next link comes from Okta's answer; the service credential must never follow it elsewhere.
function sameOrigin(url: string, orgUrl: string): boolean {
  try {
    return new URL(url).origin === orgUrl;
  } catch {
    return false;
  }
}
