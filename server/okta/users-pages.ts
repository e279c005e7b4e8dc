/** The first page of a full pass: the plain list, 200 a page (it omits deprovisioned users). */
export function fullPassUrl(orgUrl: string): string {
  return `${orgUrl}/api/v1/users?limit=200`;
}

/**
 * The first page of a delta: users updated after the watermark less an overlap, because `search` is
 * eventually consistent (okta-api.md §6.1, "Delta sync recipe"). It includes deprovisioned users.
 */
export function deltaUrl(orgUrl: string, watermark: string, overlapMs: number): string {
  const since = new Date(Date.parse(watermark) - overlapMs).toISOString();
  const search = `lastUpdated gt "${since}"`;
  return `${orgUrl}/api/v1/users?limit=200&search=${encodeURIComponent(search)}`;
}
