import { AppError } from '../errors';
import type { FetchFn } from '../platform/ports';
import type { App } from '../records';
import { appId } from '../records';
import { isWebUrl } from './is-web-url';
import { oktaGet } from './okta-get';

/** Requests the signed-in user's app links: one call, no paging (okta-api.md §5). */
export async function requestAppLinks(orgUrl: string, accessToken: string, fetchFn: FetchFn, now: number) {
  return oktaGet(`${orgUrl}/api/v1/users/me/appLinks`, accessToken, fetchFn, now);
}

/**
 * Turns an appLinks answer into our apps: hidden tiles and links that are not http(s) are dropped,
 * and each link is keyed by `appInstanceId` + `linkUrl` — appLinks' own `id` is the user's id on
 * every entry, and one app instance can have several links (okta-api.md §5).
 */
export function parseAppLinks(json: unknown): App[] {
  if (!Array.isArray(json)) throw new AppError('OKTA_BAD_RESPONSE', 'Okta sent an unexpected list of apps.');
  const apps = new Map<string, App>();
  for (const entry of json as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const link = entry as Record<string, unknown>;
    if (link.hidden === true) continue;
    const label = typeof link.label === 'string' ? link.label.trim() : '';
    const appInstanceId = typeof link.appInstanceId === 'string' ? link.appInstanceId : '';
    if (!label || !appInstanceId || !isWebUrl(link.linkUrl)) continue;
    const id = appId(appInstanceId, link.linkUrl);
    apps.set(id, {
      id,
      appInstanceId,
      label,
      linkUrl: link.linkUrl,
      ...(isWebUrl(link.logoUrl) ? { logoUrl: link.logoUrl } : {}),
      appName: typeof link.appName === 'string' ? link.appName : '',
      sortOrder: typeof link.sortOrder === 'number' ? link.sortOrder : apps.size,
    });
  }
  return [...apps.values()];
}
