import { AppError } from '../../lib/errors';
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
  const seen = new Set<string>();
  while (url) {
    const answer = await deps.okta.get(url, 'users', deps.signal);
    const page = parseUserChanges(answer.json, answer.headers);
    pages++;
    const fresh = [...page.upserts.map((person) => person.id), ...page.removed].filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    upserts.push(...page.upserts);
    removed.push(...page.removed);
    if (page.latestUpdate && (!newest || Date.parse(page.latestUpdate) > Date.parse(newest)))
      newest = page.latestUpdate;
    if (!page.next) break;
    // A pass cut short would make a full pass remove everyone after it, so a next link that leaves
    // the org, or pages that bring no one new, fail the pass instead.
    if (!sameOrigin(page.next, deps.orgUrl))
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent a next-page link outside the org.');
    if (fresh.length === 0)
      throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent a page of users with no one new, and a next link.');
    url = page.next;
  }
  if (effective === 'full' && seen.size === 0 && deps.store.count() > 0) {
    // Okta may answer an empty 200 to a principal without an admin role (okta-api.md §2.4).
    throw new AppError(
      'OKTA_FORBIDDEN',
      'Okta listed no users at all; the service credential probably lacks the Read-Only Administrator role.',
    );
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
